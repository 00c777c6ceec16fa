import { useQuery } from '@tanstack/react-query';
import type { TicketView } from '@shared/api/queue';
import type { TicketEventType } from '@shared/queue/events';
import type { QueueDef } from '@shared/queue/config';
import type { ChannelConfig, IntentConfig, PriorityClass } from '@shared/triage/config';
import type { TriageDecision, TriageFlags } from '@shared/triage/types';
import { api } from './client';

/** GET /api/intents: what the lobby can pick and how channels map to queues. */
export interface IntentsInfo {
  intents: IntentConfig[];
  channels: ChannelConfig[];
  priorities: PriorityClass[];
  queues: QueueDef[];
}

export interface VisitRequest {
  customerId: string | null;
  intents: string[];
  flags: TriageFlags;
}

export interface IssueResult {
  ticket: TicketView;
  decision: TriageDecision;
}

export function useIntents() {
  return useQuery({
    queryKey: ['intents'],
    queryFn: () => api<IntentsInfo>('GET', '/api/intents'),
    staleTime: 5 * 60_000,
  });
}

export function useTicket(id: string | null | undefined) {
  return useQuery({
    queryKey: ['ticket', id],
    queryFn: () => api<TicketView>('GET', `/api/tickets/${encodeURIComponent(id ?? '')}`),
    enabled: !!id,
    retry: false,
  });
}

export const triage = (body: VisitRequest) => api<TriageDecision>('POST', '/api/triage', body);

export const issueTicket = (body: VisitRequest & { override?: { channel: string; reason: string } }) =>
  api<IssueResult>('POST', '/api/tickets', body);

export const ticketEvent = (
  id: string,
  type: Exclude<TicketEventType, 'issue'>,
  counterId: string | null,
  payload: Record<string, unknown> = {},
) => api<TicketView>('POST', `/api/tickets/${encodeURIComponent(id)}/events`, { type, counterId, payload });

export const callNext = (counterId: string) =>
  api<{ ticket: TicketView | null; message?: { zh: string; en: string } }>(
    'POST',
    `/api/counters/${encodeURIComponent(counterId)}/call-next`,
  );

export const patchCounter = (counterId: string, patch: { open?: boolean; staffState?: string }) =>
  api<unknown>('PATCH', `/api/counters/${encodeURIComponent(counterId)}`, patch);
