import { useVisitConfig } from '../../api/visit';
import { useBilingual } from '../../lib/bilingual';

/** Complaint category key → its label in the UI language (the categories are branch settings). */
export function useCategoryLabel(): (key: string) => string {
  const config = useVisitConfig();
  const bi = useBilingual();
  return (key) => {
    const c = config.data?.complaintCategories.find((x) => x.key === key);
    return c ? bi(c) : key;
  };
}
