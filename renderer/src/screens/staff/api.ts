import { useQuery } from '@tanstack/react-query';
import { PRIVILEGED_ROLES } from '@shared/api/security';
import type { Role } from '@shared/api/types';
import { api } from '../../api/client';

export { useStaff } from '../../api/staff';

export type { StaffView } from '@shared/api/security';

/** GET /api/counters: a service point as the manager sets it up. */
export interface CounterView {
  id: string;
  number: number;
  name: string;
  channel: string;
  queues: string[];
  corporateOnly: boolean;
  open: boolean;
}

/** Roles a person can hold; `display` is a lobby TV's token, not a person. */
export const STAFF_ROLES = ['teller', 'lobby', 'rm', 'manager', 'admin'] as const satisfies readonly Role[];
/** Only an administrator may give these. */
export const ADMIN_GRANTED: readonly Role[] = PRIVILEGED_ROLES;

export function useCounters() {
  return useQuery({
    queryKey: ['counters'],
    queryFn: async () => {
      const r = await api<CounterView[] | { counters: CounterView[] }>('GET', '/api/counters');
      return Array.isArray(r) ? r : r.counters;
    },
  });
}
