import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import type { ConsentRequest } from '@shared/customer/consent';
import { call } from './client';

/** Step 15: consent at the desk. */

export function useConsentTexts() {
  return useQuery({
    queryKey: ['consent-texts'],
    queryFn: () => call(routes.consent.texts),
    staleTime: 60_000,
  });
}

export function useConsent(customerId: string) {
  return useQuery({
    queryKey: ['consent', customerId],
    queryFn: () => call(routes.consent.view, { params: { id: customerId } }),
    retry: false,
  });
}

/** Records a grant or withdrawal; what reads consent (profile, suggestions, relationship card) is asked again. */
export function useRecordConsent(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ConsentRequest) => call(routes.consent.record, { params: { id: customerId }, body: b }),
    onSuccess: (view) => {
      qc.setQueryData(['consent', customerId], view);
      for (const key of ['customer', 'suggestions', 'relationship'])
        void qc.invalidateQueries({ queryKey: [key, customerId] });
    },
  });
}
