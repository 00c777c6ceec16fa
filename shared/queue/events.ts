import { z } from 'zod';
import type { Bilingual } from '../triage/channel';

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'held',
  'done',
  'no_show',
  'transferred',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_EVENT_TYPES = [
  'issue',
  'call',
  'recall',
  'start',
  'finish',
  'no_show',
  'requeue',
  'transfer',
  'cancel',
  'hold',
  'resume',
  'override',
  'identify',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/**
 * One appended fact about one ticket. The event log (table `ticket_events`) is the truth; a ticket's state is
 * `rebuild(events)`. `id` is globally unique (UUIDv7) and the log's key: appending it twice is refused by the
 * store, and `applyEvent` answers `duplicate_event` for an id the state has already applied.
 */
export interface TicketEvent {
  id: string;
  ticketId: string;
  type: TicketEventType;
  /** Epoch ms, when it happened on the device. */
  at: number;
  staffId: string | null;
  deviceId: string;
  /** The counter acting: required for `call` and `resume`; for other counter actions it must match the ticket's counter. */
  counterId?: string | null;
  /** Checked per type by `payloadSchemas`. */
  payload: Record<string, unknown>;
}

const reason = z.string().trim().min(1).max(200);
const intentKeys = z.array(z.string().min(1).max(40)).max(20);
const priority = z.number().int().min(0).max(9);
const queueKey = z.string().min(1).max(40);
const bilingual = z.object({ zh: z.string().max(200), en: z.string().max(300) });

export const issuePayloadSchema = z.object({
  queue: queueKey,
  /** Sequence number of the day in this queue. */
  number: z.number().int().positive(),
  displayNo: z.string().min(1).max(12),
  branchDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  priority,
  customerId: z.string().min(1).nullable(),
  /** Intent keys of the visit. */
  services: intentKeys,
  /** Triage channel, when the ticket came from a triage decision. */
  channel: z.string().min(1).max(40).nullable().optional(),
  /** Copy of the queue config's `noShowRequeueLimit` at issue, so replaying old events never depends on today's config. */
  noShowRequeueLimit: z.number().int().min(0).max(5).optional(),
  /** A checked-in booking (shared/appointments/mix.ts): the ticket waits in the appointment lane. */
  appointment: z
    .object({
      id: z.string().min(1).max(64),
      bookedAt: z.number().int().nonnegative(),
      serveQueue: queueKey,
      service: z.string().min(1).max(40),
      /** Checked in outside the window: served as a walk-in, with the reason said on screen and ticket. */
      walkIn: z.boolean().optional(),
      notice: z.object({ zh: z.string().max(200), en: z.string().max(200) }).optional(),
    })
    .nullable()
    .optional(),
  /** The lobby's judgement carried to the counter (shared/triage/marks.ts). */
  marks: z
    .object({
      review: z.boolean(),
      care: z.boolean(),
      elderly: z.boolean(),
      highRisk: z.boolean(),
      priorityReason: bilingual.nullable(),
      reviewReason: bilingual.nullable(),
    })
    .optional(),
});
export type IssuePayload = z.infer<typeof issuePayloadSchema>;

const empty = z.object({});

export const payloadSchemas = {
  issue: issuePayloadSchema,
  call: empty,
  recall: empty,
  start: empty,
  finish: z.object({ servicesDone: intentKeys.optional() }),
  no_show: empty,
  requeue: empty,
  transfer: z.object({
    toQueue: queueKey,
    reason: reason.optional(),
    /** Intents already done before the transfer. */
    servicesDone: intentKeys.optional(),
    /** The visit's services from now on, when the sending counter changed them. */
    services: intentKeys.min(1).optional(),
    /** The class it waits with in its new queue (shared/queue/order.ts `transferClass`). */
    priority: priority.optional(),
  }),
  cancel: z.object({ reason: reason.optional() }),
  hold: z.object({ reason: reason.optional() }),
  resume: empty,
  override: z
    .object({
      queue: queueKey.optional(),
      priority: priority.optional(),
      channel: z.string().min(1).max(40).optional(),
      /** The visit's services, changed in the lobby while the ticket waits (it keeps its arrival time). */
      services: intentKeys.min(1).optional(),
      reason,
    })
    .refine(
      (p) =>
        p.queue !== undefined ||
        p.priority !== undefined ||
        p.channel !== undefined ||
        p.services !== undefined,
      { message: 'override changes the queue, the priority, the channel or the services' },
    ),
  /** An anonymous walk-in identified at the counter during the visit: the ticket and its outcomes are theirs. */
  identify: z.object({ customerId: z.string().min(1).max(64) }),
} as const satisfies Record<TicketEventType, z.ZodType>;

export const ticketEventSchema = z.object({
  id: z.string().min(1).max(64),
  ticketId: z.string().min(1).max(64),
  type: z.enum(TICKET_EVENT_TYPES),
  at: z.number().int().nonnegative(),
  staffId: z.string().min(1).max(64).nullable(),
  deviceId: z.string().min(1).max(64),
  counterId: z.string().min(1).max(64).nullable().optional(),
  payload: z.record(z.string(), z.unknown()),
});
const _eventSchemaMatchesType: z.ZodType<TicketEvent> = ticketEventSchema;
void _eventSchemaMatchesType;

export const STATUS_LABELS: Record<TicketStatus, Bilingual> = {
  waiting: { zh: '等候中', en: 'waiting' },
  called: { zh: '已叫号', en: 'called' },
  serving: { zh: '办理中', en: 'being served' },
  held: { zh: '已暂挂', en: 'on hold' },
  done: { zh: '已办结', en: 'done' },
  no_show: { zh: '过号', en: 'a no-show' },
  transferred: { zh: '已转移', en: 'transferred' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

export const EVENT_LABELS: Record<TicketEventType, Bilingual> = {
  issue: { zh: '取号', en: 'issue' },
  call: { zh: '叫号', en: 'call' },
  recall: { zh: '重呼', en: 'recall' },
  start: { zh: '开始办理', en: 'start serving' },
  finish: { zh: '办结', en: 'finish' },
  no_show: { zh: '标记过号', en: 'mark as no-show' },
  requeue: { zh: '过号重排', en: 'requeue' },
  transfer: { zh: '转移', en: 'transfer' },
  cancel: { zh: '取消', en: 'cancel' },
  hold: { zh: '暂挂', en: 'hold' },
  resume: { zh: '恢复办理', en: 'resume' },
  override: { zh: '调整', en: 'override' },
  identify: { zh: '识别客户', en: 'identify the customer' },
};
