import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import type { ConsentPurpose } from '@shared/customer/consent';
import type { ProspectRequest } from '@shared/prospect/rules';
import { call } from './client';

/** Step 15: walk-in prospects and the printed consent slip. */

export function useProspects(opts: { all: boolean; status: 'open' | 'all'; enabled: boolean }) {
  return useQuery({
    queryKey: ['prospects', opts.all, opts.status],
    queryFn: () =>
      call(routes.prospects.list, { query: { status: opts.status, ...(opts.all ? { all: '1' } : {}) } }),
    enabled: opts.enabled,
    refetchInterval: 60_000,
  });
}

export function useCreateProspect() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: ProspectRequest) => call(routes.prospects.create, { body: b }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prospects'] }),
  });
}

export function useCloseProspect() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: string; status: 'contacted' | 'closed'; note?: string }) =>
      call(routes.prospects.close, {
        params: { id: a.id },
        body: { status: a.status, ...(a.note ? { note: a.note } : {}) },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prospects'] }),
  });
}

export function useWithdrawProspect() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: string; textVersion: string }) =>
      call(routes.prospects.withdraw, {
        params: { id: a.id },
        body: { channel: 'counter', textVersion: a.textVersion },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['prospects'] }),
  });
}

export function useRevealProspect() {
  return useMutation({
    mutationFn: (a: { id: string; reason: string }) =>
      call(routes.prospects.reveal, { params: { id: a.id }, body: { reason: a.reason } }),
  });
}

/** The slip of a recorded consent (`eventId`), or the text in force for `purpose`. */
export function useConsentSlip(q: { eventId: string | null; purpose: ConsentPurpose | null }) {
  return useQuery({
    queryKey: ['consent-slip', q.eventId, q.purpose],
    queryFn: () =>
      q.eventId
        ? call(routes.prospects.slip, { params: { id: q.eventId } })
        : call(routes.prospects.currentSlip, { query: { purpose: q.purpose ?? 'marketing' } }),
    retry: false,
  });
}

/** Opens the printable slip in its own window (it prints itself once loaded). */
export function openConsentSlip(q: { eventId: string } | { purpose: ConsentPurpose }): void {
  const url =
    'eventId' in q
      ? `/consent/slips/${encodeURIComponent(q.eventId)}/print`
      : `/consent/print?purpose=${encodeURIComponent(q.purpose)}`;
  window.open(url, 'consent-slip', 'width=420,height=720');
}
