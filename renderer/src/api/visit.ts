import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Sent } from '@shared/api/contract';
import { routes } from '@shared/api/routes';
import type { FollowUpStatus, RevealField, outcomeRequest } from '@shared/api/visit';
import { call } from './client';

/** Step 3 API: suggestions, outcomes, follow-ups (定期回访), complaints (投诉), PII reveal. */

export type { FollowUpStatus };

export function useVisitConfig() {
  return useQuery({
    queryKey: ['visit-config'],
    queryFn: () => call(routes.visits.config),
    staleTime: 5 * 60_000,
  });
}

/**
 * The suggestions for a visit (`ticketId`) or a profile browsed outside one. Per visit: a new visit asks again, as
 * what the customer said last time now shapes the list (Step 15).
 */
export function useSuggestions(
  customerId: string | null,
  intents: readonly string[] = [],
  ticketId: string | null = null,
) {
  return useQuery({
    queryKey: ['suggestions', customerId, intents.join(','), ticketId],
    queryFn: () =>
      call(routes.customers.suggestions, {
        params: { id: customerId ?? '' },
        query: { intents: intents.length ? intents.join(',') : undefined, ticketId: ticketId ?? undefined },
      }),
    enabled: !!customerId,
    staleTime: 60_000,
    retry: false,
  });
}

export function useActivity(customerId: string | null) {
  return useQuery({
    queryKey: ['activity', customerId],
    queryFn: () => call(routes.customers.activity, { params: { id: customerId ?? '' } }),
    enabled: !!customerId,
    retry: false,
  });
}

/** How many outcomes were recorded during this visit (the branch may require one before finishing). */
export function useTicketOutcomeCount(customerId: string | null, ticketId: string | null): number | null {
  const activity = useActivity(customerId);
  if (!activity.data || !ticketId) return null;
  return activity.data.outcomes.filter((o) => o.ticketId === ticketId).length;
}

export function useAssignees() {
  return useQuery({
    queryKey: ['assignees'],
    queryFn: async () => (await call(routes.visits.assignees)).assignees,
    staleTime: 5 * 60_000,
  });
}

export function useFollowUps(opts: { all: boolean; status: FollowUpStatus }) {
  return useQuery({
    queryKey: ['follow-ups', opts.all, opts.status],
    queryFn: async () =>
      (await call(routes.visits.followUps, { query: { mine: opts.all ? '0' : '1', status: opts.status } }))
        .followUps,
  });
}

export function useComplaints() {
  return useQuery({
    queryKey: ['complaints'],
    queryFn: async () => (await call(routes.visits.complaints)).complaints,
  });
}

/** What the counter sends for a suggestion's outcome (the route's body). */
export type OutcomeInput = Sent<typeof outcomeRequest>;

/** Every write below refreshes what it changed: the customer's activity and the lists that show it. */
function useRefresh() {
  const qc = useQueryClient();
  /** Resolves when the customer's activity has been read again (the lists refresh on their own). */
  return (customerId: string | null): Promise<void> => {
    void qc.invalidateQueries({ queryKey: ['follow-ups'] });
    void qc.invalidateQueries({ queryKey: ['complaints'] });
    return customerId ? qc.invalidateQueries({ queryKey: ['activity', customerId] }) : Promise.resolve();
  };
}

/** The record-outcome mutation's key: the counter's finish guard sees one in flight (useOutcomeGuard). */
export const RECORD_OUTCOME_KEY = ['record-outcome'] as const;

export function useRecordOutcome() {
  const refresh = useRefresh();
  return useMutation({
    mutationKey: RECORD_OUTCOME_KEY,
    mutationFn: (o: OutcomeInput) => call(routes.visits.recordOutcome, { body: o }),
    // Done only once the customer's activity has the outcome: the card says 已记录 and the finish guard (which counts
    // the activity's outcomes) lets 办结 through at the same moment. Before, on a loaded machine, a teller who pressed
    // F4 right after the card said 已记录 was told to record an outcome first.
    onSuccess: (_r, o) => refresh(o.customerId),
  });
}

/** Undo a mistaken outcome key during the visit (the server records a compensating outcome, audited). */
export function useUndoOutcome() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (o: { id: string; customerId: string }) =>
      call(routes.visits.undoOutcome, { params: { id: o.id } }),
    onSuccess: (_r, o) => void refresh(o.customerId),
  });
}

export function useCloseFollowUp() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: { id: string; customerId: string; status: 'done' | 'cancelled'; note?: string }) =>
      call(routes.visits.closeFollowUp, {
        params: { id: a.id },
        body: { status: a.status, ...(a.note ? { note: a.note } : {}) },
      }),
    onSuccess: (_r, a) => void refresh(a.customerId),
  });
}

export function useCreateComplaint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (c: {
      customerId: string | null;
      ticketId: string | null;
      category: string;
      description: string;
    }) => call(routes.visits.createComplaint, { body: c }),
    onSuccess: (_r, c) => void refresh(c.customerId),
  });
}

export function useUpdateComplaint() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: {
      id: string;
      customerId: string | null;
      status: 'in_progress' | 'resolved';
      resolution?: string;
    }) =>
      call(routes.visits.updateComplaint, {
        params: { id: a.id },
        body: { status: a.status, ...(a.resolution ? { resolution: a.resolution } : {}) },
      }),
    onSuccess: (_r, a) => void refresh(a.customerId),
  });
}

export function useReveal() {
  return useMutation({
    mutationFn: (a: { customerId: string; field: RevealField; reason: string }) =>
      call(routes.customers.reveal, {
        params: { id: a.customerId },
        body: { field: a.field, reason: a.reason },
      }),
  });
}
