import { useTranslation } from 'react-i18next';
import type { Bilingual } from '@shared/triage/channel';

/** Server texts come in both languages; show the one the UI is in. */
export function pickLang(b: Bilingual, lang: string): string {
  return lang.startsWith('zh') ? b.zh : b.en;
}

export function useBilingual(): (b: Bilingual) => string {
  const { i18n } = useTranslation();
  return (b) => pickLang(b, i18n.language);
}
