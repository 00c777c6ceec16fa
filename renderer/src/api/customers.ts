import { useQuery } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import type { LookupResult } from '@shared/api/types';
import { toHalfWidth } from '@shared/customer/typed-input';
import { call } from './client';

/** Customers: the walk-in lookup and the profile. */

/** What was typed, with a full-width IME's digits and letters as the half-width ones the server matches. */
export const lookupCustomer = (q: string): Promise<LookupResult> =>
  call(routes.customers.lookup, { query: { q: toHalfWidth(q) } });

export function useCustomerProfile(id: string | null | undefined) {
  return useQuery({
    queryKey: ['customer', id],
    queryFn: () => call(routes.customers.profile, { params: { id: id ?? '' } }),
    enabled: !!id,
    staleTime: 60_000,
    retry: false,
  });
}
