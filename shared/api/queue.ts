import { z } from 'zod';
import { CHANNELS } from '../triage/channel';
import { TICKET_EVENT_TYPES, type TicketStatus } from '../queue/events';
import type { SyncNoticeView, SyncStatus } from '../sync/api';

/** Queue API shapes: inputs validated by the server, outputs typed for the renderer. */

const flags = z
  .object({
    elderly: z.boolean().optional(),
    disability: z.boolean().optional(),
    pregnant: z.boolean().optional(),
    withChild: z.boolean().optional(),
    needsHelp: z.boolean().optional(),
    highRisk: z.boolean().optional(),
  })
  .strict();

const intents = z
  .array(z.string().min(1).max(40))
  .min(1, '请至少选择一项业务 / choose at least one service')
  .max(12);

export const triageRequest = z.object({
  customerId: z.string().min(1).max(64).nullable(),
  intents,
  flags: flags.default({}),
});

export const issueRequest = triageRequest.extend({
  override: z
    .object({
      channel: z.enum(CHANNELS),
      reason: z.string().trim().min(2, '请填写调整原因 / give a reason').max(200),
    })
    .optional(),
});

export const ticketEventRequest = z.object({
  type: z.enum(TICKET_EVENT_TYPES).exclude(['issue']),
  counterId: z.string().min(1).max(64).nullable().optional(),
  payload: z.record(z.string(), z.unknown()).default({}),
});

export const counterPatch = z
  .object({
    open: z.boolean().optional(),
    staffState: z.enum(['serving', 'break', 'back_office', 'closed']).optional(),
  })
  .refine((p) => p.open !== undefined || p.staffState !== undefined, {
    message: '没有要修改的内容 / nothing to change',
  });

export interface PublicTicket {
  id: string;
  displayNo: string;
  queue: string;
  status: TicketStatus;
  priority: number;
  counterId: string | null;
  arrivedAt: number;
  calledAt: number | null;
  channel: string | null;
}

export interface TicketView extends PublicTicket {
  customerId: string | null;
  services: string[];
  servicesDone: string[];
  ahead: number;
  waitMinutes: number | null;
  counterName: string | null;
  lastReason: string | null;
  branchName: string;
}

export interface CounterState {
  id: string;
  number: number;
  name: string;
  channel: string;
  queues: string[];
  corporateOnly: boolean;
  open: boolean;
  staffState: string;
  current: PublicTicket | null;
  /** Visits parked at this counter, to be taken back. */
  held: PublicTicket[];
}

export interface CallMessage {
  type: 'call';
  at: number;
  recall: boolean;
  displayNo: string;
  queue: string;
  counterName: string;
  counterNumber: number | null;
  channel: string;
}

export type LiveMessage =
  | CallMessage
  | { type: 'ticket'; at: number; ticket: PublicTicket }
  | { type: 'counters'; at: number }
  | { type: 'hello'; at: number; snapshot: QueueSnapshot }
  /** Replication status changed (terminal: online/offline, pending, progress). */
  | { type: 'sync'; at: number; sync: SyncStatus }
  /** A counter's action did not stand after a merge (e.g. the same ticket called first elsewhere). */
  | { type: 'notice'; at: number; notice: SyncNoticeView };

export interface QueueSnapshot {
  branchDay: string;
  branchName: string;
  at: number;
  queues: {
    key: string;
    prefix: string;
    zh: string;
    en: string;
    waiting: number;
    waitMinutes: number | null;
    tickets: PublicTicket[];
  }[];
  counters: CounterState[];
  recentCalls: CallMessage[];
  noShows: PublicTicket[];
}
