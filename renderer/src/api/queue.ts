import { useQuery } from '@tanstack/react-query';
import type { VisitRequest } from '@shared/api/queue';
import type { Input } from '@shared/api/contract';
import { routes } from '@shared/api/routes';
import type { TicketEventType } from '@shared/queue/events';
import { call } from './client';

export type { IntentsInfo, IssueResult, VisitRequest } from '@shared/api/queue';

const q = routes.queue;

export function useIntents() {
  return useQuery({
    queryKey: ['intents'],
    queryFn: () => call(q.intents),
    staleTime: 5 * 60_000,
  });
}

export function useTicket(id: string | null | undefined) {
  return useQuery({
    queryKey: ['ticket', id],
    queryFn: () => call(q.ticket, { params: { id: id ?? '' } }),
    enabled: !!id,
    retry: false,
  });
}

export const triage = (body: VisitRequest) => call(q.triage, { body });

export const issueTicket = (body: Input<typeof q.issue>['body']) => call(q.issue, { body });

export const ticketEvent = (
  id: string,
  type: Exclude<TicketEventType, 'issue' | 'identify'>,
  counterId: string | null,
  payload: Record<string, unknown> = {},
) => call(q.act, { params: { id }, body: { type, counterId, payload } });

/** 识别客户: the anonymous walk-in at this counter is this customer (item 13). */
export const identifyTicket = (id: string, customerId: string, counterId: string | null) =>
  call(q.identify, { params: { id }, body: { customerId, counterId } });

export const callNext = (counterId: string) => call(q.callNext, { params: { id: counterId } });

export const patchCounter = (counterId: string, patch: Input<typeof q.updateCounter>['body']) =>
  call(q.updateCounter, { params: { id: counterId }, body: patch });

/** GET /api/counters: the service points as the manager sets them up (staff and settings screens). */
export function useCounters() {
  return useQuery({
    queryKey: ['counters'],
    queryFn: async () => (await call(routes.queue.counters)).counters,
  });
}
