import { useQuery } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import { call } from './client';

/** GET /api/staff: the accounts (staff screen; the audit screen's staff filter). */
export function useStaff() {
  return useQuery({ queryKey: ['staff'], queryFn: () => call(routes.staff.list) });
}
