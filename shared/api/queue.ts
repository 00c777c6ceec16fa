import { z } from 'zod';
import { CHANNELS } from '../triage/channel';
import { payloadSchemas, TICKET_EVENT_TYPES, type TicketEvent, type TicketStatus } from '../queue/events';
import { scrubPii } from '../customer/mask';
import { jsonLimitError } from './limits';
import type { SyncNoticeView, SyncStatus } from '../sync/api';
import type { AlertView } from './dashboard';
import type { QueueDef } from '../queue/config';
import type { ChannelConfig, IntentConfig, PriorityClass } from '../triage/config';
import type { TriageDecision, TriageFlags } from '../triage/types';
import type { FeedbackAlert } from './feedback';
import type { TicketMarks } from '../triage/marks';

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
      reason: z.string().trim().min(2, '请填写调整原因 / give a reason').max(200).transform(scrubPii),
    })
    .optional(),
  /** Why this customer gets a second live ticket (shared/queue/floor: one customer, one live ticket). */
  secondReason: z
    .string()
    .trim()
    .min(2, '请填写另取一号的原因 / give the reason for a second ticket')
    .max(200)
    .transform(scrubPii)
    .optional(),
});

/**
 * A counter's action. The payload is parsed by its type's schema (shared/queue/events.ts) and only the parsed
 * payload goes on: unknown keys are dropped, and a payload too deep or too large is refused before anything walks
 * it. Its free-text reason is masked (IDs, phones) before it is stored and replicated.
 */
export const ticketEventRequest = z
  .object({
    // `identify` has its own route (the customer must exist; shared/queue/rules.ts checkIdentify).
    type: z.enum(TICKET_EVENT_TYPES).exclude(['issue', 'identify']),
    counterId: z.string().min(1).max(64).nullable().optional(),
    payload: z
      .record(z.string(), z.unknown())
      .default({})
      .superRefine((p, ctx) => {
        const why = jsonLimitError(p);
        if (why) ctx.addIssue({ code: 'custom', message: `内容过大或层级过深 / payload ${why}` });
      }),
  })
  .transform((b, ctx) => {
    const r = payloadSchemas[b.type].safeParse(b.payload);
    if (!r.success) {
      for (const i of r.error.issues)
        ctx.addIssue({ code: 'custom', message: i.message, path: ['payload', ...i.path] });
      return z.NEVER;
    }
    const payload: Record<string, unknown> = { ...r.data };
    if (typeof payload.reason === 'string') payload.reason = scrubPii(payload.reason);
    return { ...b, payload };
  });

/** 识别客户: attach a customer to the anonymous walk-in being served at this counter. */
export const identifyRequest = z.object({
  customerId: z.string().min(1, '请选择客户 / choose the customer').max(64),
  /** The counter serving it; the caller's own when absent. */
  counterId: z.string().min(1).max(64).nullable().optional(),
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
  /** A booking's ticket (预约): booked time, the queue serving it, the service; absent for a plain walk-in. */
  appointment?: PublicAppointment | null;
}

export interface PublicAppointment {
  bookedAt: number;
  serveQueue: string;
  service: string;
  /** Checked in outside the window and served as a walk-in; `notice` says why. */
  walkIn: boolean;
  notice: { zh: string; en: string } | null;
}

/** Where a transferred ticket came from: shown to the counter that receives it. */
export interface TransferContext {
  fromQueue: string;
  reason: string | null;
  /** Who sent it (display name), and from which counter. */
  byName: string | null;
  fromCounterName: string | null;
  at: number;
}

export interface TicketView extends PublicTicket {
  customerId: string | null;
  services: string[];
  servicesDone: string[];
  /** Waiting tickets of its queue called before it (shared/queue/order.ts): "前面 N 人". */
  ahead: number;
  /** null while waiting: no counter calls from its queue now ("暂无窗口办理"). */
  waitMinutes: number | null;
  /** Counters calling from its queue now (open, staffed, serving). */
  servers: number;
  /** A later arrival of a higher class may still be called first: the ticket says so. */
  mayBePassed: boolean;
  /** The last transfer that brought it to its queue, or null. */
  transfer: TransferContext | null;
  counterName: string | null;
  lastReason: string | null;
  branchName: string;
  /** The lobby's marks for the counter: 严格审核, care, priority reason (shared/triage/marks.ts). */
  marks: TicketMarks | null;
}

/** A service point as set up and as its teller left it (open, staff state). */
export interface CounterView {
  id: string;
  number: number;
  name: string;
  channel: string;
  queues: string[];
  corporateOnly: boolean;
  open: boolean;
  staffState: string;
  /** Why the counter is on a break (lunch, training, meeting, other); null when not on a break or not given. */
  breakReason: string | null;
  /** Since when it is in this open/staff state (epoch ms); null when never changed since the upgrade. */
  stateSince: number | null;
}

/** A counter on the live board: its set-up, the ticket in front of it and the visits parked there. */
export interface CounterState extends CounterView {
  /** Someone is signed in at this counter. */
  staffed: boolean;
  current: PublicTicket | null;
  /** Visits parked at this counter, to be taken back. */
  held: PublicTicket[];
}

export interface CallMessage {
  type: 'call';
  at: number;
  /** The ticket called: the display stops showing the call once it is marked a no-show (withdrawn). */
  ticketId: string;
  /** The ticket has since left the counter unserved (no-show, cancelled, back in line). */
  withdrawn?: boolean;
  recall: boolean;
  displayNo: string;
  queue: string;
  counterName: string;
  counterNumber: number | null;
  channel: string;
  /** A booking's ticket in the appointment lane (预约, prefix Y): the display marks the call. */
  appointment?: boolean;
}

/**
 * One ticket changed: the ticket, and what it changed on the board (the queues it left or joined, with their new
 * order, count and estimate, and the counters it left or stands at), so a screen updates without a refetch.
 */
export interface TicketMessage {
  type: 'ticket';
  at: number;
  ticket: PublicTicket;
  queues: QueueSummary[];
  counters: CounterState[];
}

/** A counter was opened, closed or set up: every counter, and the queues (their estimates count open counters). */
export interface CountersMessage {
  type: 'counters';
  at: number;
  counters: CounterState[];
  queues: QueueSummary[];
}

export type LiveMessage =
  | CallMessage
  | TicketMessage
  | CountersMessage
  | { type: 'hello'; at: number; snapshot: QueueSnapshot }
  /** Many tickets changed at once (end of day, a replication batch): the whole board. */
  | { type: 'snapshot'; at: number; snapshot: QueueSnapshot }
  /** Replication status changed (terminal: online/offline, pending, progress). */
  | { type: 'sync'; at: number; sync: SyncStatus }
  /** A counter's action did not stand after a merge (e.g. the same ticket called first elsewhere). */
  | { type: 'notice'; at: number; notice: SyncNoticeView }
  /** A low satisfaction score opened a complaint or follow-up: the lobby manager meets the customer. */
  | { type: 'feedback'; at: number; alert: FeedbackAlert }

  /** The threshold alerts changed (shared/metrics/alerts): the whole list now. */
  | { type: 'alerts'; at: number; alerts: AlertView[] };

/** One queue on the board: its waiting tickets in calling order. */
export interface QueueSummary {
  key: string;
  prefix: string;
  zh: string;
  en: string;
  waiting: number;
  /** null: no counter calls from this queue now ("暂无窗口办理"). */
  waitMinutes: number | null;
  /** Counters calling from this queue now (open, staffed, serving). */
  servers: number;
  tickets: PublicTicket[];
}

export interface QueueSnapshot {
  branchDay: string;
  branchName: string;
  at: number;
  queues: QueueSummary[];
  counters: CounterState[];
  recentCalls: CallMessage[];
  noShows: PublicTicket[];
}

/** POST /api/triage and the lobby's request: who, what for, and the visitor's flags. */
export interface VisitRequest {
  customerId: string | null;
  intents: string[];
  flags: TriageFlags;
}

/** POST /api/tickets. */
export interface IssueResult {
  ticket: TicketView;
  decision: TriageDecision;
}

/** POST /api/counters/:id/call-next: the called ticket, or none and why. */
export interface CallNextResult {
  ticket: TicketView | null;
  message?: { zh: string; en: string };
}

/** GET /api/tickets/:id/events. */
export interface TicketEventList {
  events: TicketEvent[];
}

/** GET /api/counters. */
export interface CounterList {
  counters: CounterView[];
}

/** GET /api/intents: what the lobby can pick and how channels map to queues. */
export interface IntentsInfo {
  intents: IntentConfig[];
  channels: ChannelConfig[];
  priorities: PriorityClass[];
  queues: QueueDef[];
}

/** POST /api/queues/end-of-day. */
export interface EndOfDayResult {
  cancelled: number;
}
