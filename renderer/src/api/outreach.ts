import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Sent } from '@shared/api/contract';
import { routes } from '@shared/api/routes';
import type { OutreachRuleKey } from '@shared/outreach/config';
import type {
  contactRequest,
  outreachAssignRequest,
  ownerAssignRequest,
  ownerHandoverRequest,
} from '@shared/api/outreach';
import { OWNER_ROLES } from '@shared/outreach/owner-roles';
import { call } from './client';

/** 客户经营 (Step 14): the book, outreach lists, contacts, owners, arrivals. */

export function useOutreachConfig() {
  return useQuery({
    queryKey: ['outreach-config'],
    queryFn: () => call(routes.outreach.config),
    staleTime: 5 * 60_000,
  });
}

export function useBook() {
  return useQuery({ queryKey: ['book'], queryFn: () => call(routes.outreach.book, { query: {} }) });
}

export function useOutreachList(scope: 'mine' | 'all' | 'unassigned', rule: OutreachRuleKey | undefined) {
  return useQuery({
    queryKey: ['outreach', scope, rule ?? ''],
    queryFn: () => call(routes.outreach.list, { query: { scope, ...(rule ? { rule } : {}) } }),
  });
}

export function useUnowned(enabled: boolean) {
  return useQuery({
    queryKey: ['unowned'],
    queryFn: () => call(routes.outreach.unowned),
    enabled,
  });
}

export function useFigures() {
  return useQuery({
    queryKey: ['outreach-figures'],
    queryFn: () => call(routes.outreach.figures, { query: {} }),
  });
}

export function useRelationship(customerId: string | null) {
  return useQuery({
    queryKey: ['relationship', customerId],
    queryFn: () => call(routes.outreach.panel, { params: { id: customerId ?? '' } }),
    enabled: !!customerId,
    retry: false,
  });
}

export function useArrivals() {
  return useQuery({
    queryKey: ['arrivals'],
    queryFn: () => call(routes.outreach.arrivals),
    refetchInterval: 60_000,
  });
}

/** Everything a contact or an assignment changes. */
function invalidateAll(qc: ReturnType<typeof useQueryClient>) {
  for (const k of ['book', 'outreach', 'unowned', 'relationship', 'outreach-figures', 'owner-books'])
    void qc.invalidateQueries({ queryKey: [k] });
}

export function useLogContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { customerId: string; body: Sent<typeof contactRequest> }) =>
      call(routes.outreach.logContact, { params: { id: v.customerId }, body: v.body }),
    onSuccess: () => invalidateAll(qc),
  });
}

export function useAssignOwners() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Sent<typeof ownerAssignRequest>) => call(routes.outreach.assignOwners, { body }),
    onSuccess: () => invalidateAll(qc),
  });
}

/** Active staff who may own a customer or work outreach (rm, manager): the server checks the same set. */
export function useOwnerCandidates() {
  return (useStaffList().data?.assignees ?? []).filter((s) => OWNER_ROLES.has(s.role));
}

/** The manager gives customers nobody owns to someone for today's outreach. */
export function useAssignOutreach() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Sent<typeof outreachAssignRequest>) => call(routes.outreach.assign, { body }),
    onSuccess: () => invalidateAll(qc),
  });
}

/** 移交客户: who holds customers (disabled accounts first). */
export function useOwnerBooks(enabled: boolean) {
  return useQuery({ queryKey: ['owner-books'], queryFn: () => call(routes.outreach.books), enabled });
}

export function useHandover() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Sent<typeof ownerHandoverRequest>) => call(routes.outreach.handover, { body }),
    onSuccess: () => invalidateAll(qc),
  });
}

export function useTakeTicket() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ticketId: string) => call(routes.outreach.take, { params: { id: ticketId } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['arrivals'] });
      void qc.invalidateQueries({ queryKey: ['live-queue'] });
    },
  });
}

export function useStaffList() {
  return useQuery({
    queryKey: ['assignees'],
    queryFn: () => call(routes.visits.assignees),
    staleTime: 60_000,
  });
}
