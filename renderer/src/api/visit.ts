import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssigneeView,
  ComplaintView,
  CustomerActivity,
  FollowUpView,
  VipToday,
} from '@shared/api/visit';
import type { SuggestResult } from '@shared/suggest/rank';
import type { Outcome, VisitConfig } from '@shared/visit/config';
import { api } from './client';

/** Step 3 API: suggestions, outcomes, follow-ups (定期回访), complaints (投诉), PII reveal, the VIP room's day. */

const enc = encodeURIComponent;

export function useVisitConfig() {
  return useQuery({
    queryKey: ['visit-config'],
    queryFn: () => api<VisitConfig>('GET', '/api/visit-config'),
    staleTime: 5 * 60_000,
  });
}

export function useSuggestions(customerId: string | null, intents: readonly string[] = []) {
  return useQuery({
    queryKey: ['suggestions', customerId, intents.join(',')],
    queryFn: () =>
      api<SuggestResult>(
        'GET',
        `/api/customers/${enc(customerId ?? '')}/suggestions${intents.length ? `?intents=${enc(intents.join(','))}` : ''}`,
      ),
    enabled: !!customerId,
    staleTime: 60_000,
    retry: false,
  });
}

export function useActivity(customerId: string | null) {
  return useQuery({
    queryKey: ['activity', customerId],
    queryFn: () => api<CustomerActivity>('GET', `/api/customers/${enc(customerId ?? '')}/activity`),
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
    queryFn: async () =>
      (await api<{ assignees: AssigneeView[] }>('GET', '/api/follow-ups/assignees')).assignees,
    staleTime: 5 * 60_000,
  });
}

export type FollowUpStatus = 'open' | 'done' | 'cancelled' | 'all';

export function useFollowUps(opts: { all: boolean; status: FollowUpStatus }) {
  return useQuery({
    queryKey: ['follow-ups', opts.all, opts.status],
    queryFn: async () =>
      (
        await api<{ followUps: FollowUpView[] }>(
          'GET',
          `/api/follow-ups?mine=${opts.all ? '0' : '1'}&status=${opts.status}`,
        )
      ).followUps,
  });
}

export function useComplaints() {
  return useQuery({
    queryKey: ['complaints'],
    queryFn: async () => (await api<{ complaints: ComplaintView[] }>('GET', '/api/complaints')).complaints,
  });
}

export function useVipToday() {
  return useQuery({
    queryKey: ['vip-today'],
    queryFn: () => api<VipToday>('GET', '/api/vip/today'),
    // The screen also refreshes it on every live queue change; this catches a missed one.
    refetchInterval: 60_000,
  });
}

export interface OutcomeInput {
  customerId: string;
  ticketId: string | null;
  productCode: string;
  outcome: Outcome;
  reason?: string;
  note?: string;
  followUp?: { dueAt?: number; assigneeId?: string };
}

/** Every write below refreshes what it changed: the customer's activity and the lists that show it. */
function useRefresh() {
  const qc = useQueryClient();
  return (customerId: string | null) => {
    if (customerId) void qc.invalidateQueries({ queryKey: ['activity', customerId] });
    void qc.invalidateQueries({ queryKey: ['follow-ups'] });
    void qc.invalidateQueries({ queryKey: ['complaints'] });
  };
}

export function useRecordOutcome() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (o: OutcomeInput) =>
      api<{ id: string; followUpId: string | null }>('POST', '/api/outcomes', o),
    onSuccess: (_r, o) => refresh(o.customerId),
  });
}

export function useCloseFollowUp() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: { id: string; customerId: string; status: 'done' | 'cancelled'; note?: string }) =>
      api<{ ok: true }>('PATCH', `/api/follow-ups/${enc(a.id)}`, {
        status: a.status,
        ...(a.note ? { note: a.note } : {}),
      }),
    onSuccess: (_r, a) => refresh(a.customerId),
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
    }) => api<{ id: string; deadlineAt: number }>('POST', '/api/complaints', c),
    onSuccess: (_r, c) => refresh(c.customerId),
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
      api<{ ok: true }>('PATCH', `/api/complaints/${enc(a.id)}`, {
        status: a.status,
        ...(a.resolution ? { resolution: a.resolution } : {}),
      }),
    onSuccess: (_r, a) => refresh(a.customerId),
  });
}

export function useReveal() {
  return useMutation({
    mutationFn: (a: { customerId: string; field: 'id' | 'phone'; reason: string }) =>
      api<{ field: 'id' | 'phone'; value: string }>('POST', `/api/customers/${enc(a.customerId)}/reveal`, {
        field: a.field,
        reason: a.reason,
      }),
  });
}
