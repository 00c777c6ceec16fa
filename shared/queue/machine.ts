import { defaultQueueConfig } from './config';
import { EVENT_LABELS, payloadSchemas, STATUS_LABELS } from './events';
import type { IssuePayload, TicketEvent, TicketEventType, TicketStatus } from './events';
import type { TicketMarks } from '../triage/marks';

/*
 * The ticket state machine, event-sourced and pure.
 *
 *   issue → waiting ──call──▶ called ──start──▶ serving ──finish──▶ done
 *             ▲  │              │ ▲recall         │  ▲
 *             │  │override      │ └─┘              hold│  │resume
 *             │  ▼(waiting)     ├──no_show──▶ no_show ─┘  held
 *             │                 │               │
 *             └──── requeue (≤ limit) ──────────┘
 *   transfer: called | serving | held → waiting in another queue (same ticket, same number, original arrival)
 *   cancel:   waiting | called | held | no_show → cancelled
 *   identify: called | serving, at its counter, anonymous only → the same status, now the customer's visit
 *
 * Counters: `call` and `resume` bring a ticket to a counter and need `counterId`; the machine sees one ticket,
 * so the caller must first check that counter is free (`ticketAtCounter`). Other counter actions, when they name
 * a counter, must name the one holding the ticket (`called_elsewhere`).
 *
 * Duplicates: every applied event id is kept in `eventIds`; applying one again answers `duplicate_event`, which
 * the caller treats as "already done" (idempotent). The store also keys `ticket_events` by id, so the usual
 * path is: INSERT … ON CONFLICT(id) DO NOTHING, and only a new row is applied.
 * `transferred` is part of the shared vocabulary but this machine never leaves a ticket in it: a transfer puts the
 * same ticket back to `waiting` in its new queue (see `transferCount`, `transferredFrom`).
 */

export interface TicketState {
  id: string;
  queue: string;
  number: number;
  displayNo: string;
  branchDay: string;
  status: TicketStatus;
  priority: number;
  /** Arrival (issue time), kept across requeue and transfer: the ticket keeps its place in line. */
  arrivedAt: number;
  customerId: string | null;
  /** When an anonymous walk-in was identified at the counter (`identify`); absent for one identified at issue. */
  identifiedAt?: number;
  /** Intent keys of the visit. */
  services: string[];
  servicesDone: string[];
  channel: string | null;
  /** What the lobby decided the counter must know (严格审核, care, priority reason); absent when nothing. */
  marks?: TicketMarks;
  /** The counter that called / serves / parked it; after it leaves the counter, the last one. */
  counterId: string | null;
  calledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  heldAt: number | null;
  callCount: number;
  noShowCount: number;
  requeueCount: number;
  requeueLimit: number;
  transferCount: number;
  transferredFrom: string | null;
  overrideCount: number;
  /** Reason given with the last override, transfer, hold or cancel. */
  lastReason: string | null;
  /** The booking a checked-in appointment ticket stands for (absent on tickets stored before Step 12). */
  appointment?: IssuePayload['appointment'];
  lastEventAt: number;
  lastEventId: string;
  /** Ids of the applied events, in order (duplicate detection). */
  eventIds: string[];
  /** Number of events applied. */
  version: number;
}

export interface TicketError {
  ok: false;
  code:
    | 'duplicate_event'
    | 'ticket_not_found'
    | 'already_issued'
    | 'wrong_ticket'
    | 'invalid_payload'
    | 'illegal_transition'
    | 'counter_required'
    | 'already_called'
    | 'called_elsewhere'
    | 'requeue_limit'
    | 'same_queue'
    | 'already_identified';
  zh: string;
  en: string;
}

export type ApplyResult = { ok: true; state: TicketState } | TicketError;

/** Statuses each event may start from. */
export const TRANSITIONS: Record<Exclude<TicketEventType, 'issue'>, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  no_show: ['called'],
  requeue: ['no_show'],
  transfer: ['called', 'serving', 'held'],
  cancel: ['waiting', 'called', 'held', 'no_show'],
  hold: ['called', 'serving'],
  resume: ['held'],
  override: ['waiting'],
  identify: ['called', 'serving'],
};

/** A ticket at a counter: called, being served, or parked there. */
export const ACTIVE_STATUSES: readonly TicketStatus[] = ['called', 'serving', 'held'];
/** No event moves a ticket out of these (except requeue for no_show). */
export const FINAL_STATUSES: readonly TicketStatus[] = ['done', 'cancelled', 'transferred'];

/** Events that only the counter holding the ticket may send. */
const COUNTER_BOUND = new Set<TicketEventType>(['recall', 'start', 'finish', 'no_show', 'hold', 'identify']);

function fail(code: TicketError['code'], zh: string, en: string): TicketError {
  return { ok: false, code, zh, en };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  for (const x of b) if (!out.includes(x)) out.push(x);
  return out;
}

function issue(ev: TicketEvent, p: IssuePayload): TicketState {
  return {
    id: ev.ticketId,
    queue: p.queue,
    number: p.number,
    displayNo: p.displayNo,
    branchDay: p.branchDay,
    status: 'waiting',
    priority: p.priority,
    arrivedAt: ev.at,
    customerId: p.customerId,
    services: [...p.services],
    servicesDone: [],
    channel: p.channel ?? null,
    appointment: p.appointment ?? null,
    ...(p.marks ? { marks: p.marks } : {}),
    counterId: null,
    calledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    heldAt: null,
    callCount: 0,
    noShowCount: 0,
    requeueCount: 0,
    requeueLimit: p.noShowRequeueLimit ?? defaultQueueConfig.noShowRequeueLimit,
    transferCount: 0,
    transferredFrom: null,
    overrideCount: 0,
    lastReason: null,
    lastEventAt: ev.at,
    lastEventId: ev.id,
    eventIds: [ev.id],
    version: 1,
  };
}

/**
 * Apply one event to a ticket's state (null before its `issue`). Never throws for bad input: an illegal event
 * answers `ok: false` with a code and a message in zh and en (the server answers 409, or 400 for
 * `invalid_payload`). The input state is not modified.
 */
export function applyEvent(state: TicketState | null, ev: TicketEvent): ApplyResult {
  const schema = payloadSchemas[ev.type];
  if (!schema)
    return fail(
      'invalid_payload',
      `未知事件类型 ${String(ev.type)}`,
      `Unknown event type ${String(ev.type)}`,
    );

  if (state === null) {
    if (ev.type !== 'issue') {
      return fail('ticket_not_found', '该号不存在', `Ticket ${ev.ticketId} does not exist`);
    }
  } else {
    if (state.eventIds.includes(ev.id)) {
      return fail('duplicate_event', '该操作已处理', `Event ${ev.id} was already applied`);
    }
    if (ev.ticketId !== state.id) {
      return fail(
        'wrong_ticket',
        '事件不属于该号',
        `Event ${ev.id} is for ticket ${ev.ticketId}, not ${state.id}`,
      );
    }
    if (ev.type === 'issue')
      return fail('already_issued', `${state.displayNo} 已取号`, `${state.displayNo} was already issued`);
  }

  const parsed = schema.safeParse(ev.payload);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
      .join('; ');
    return fail(
      'invalid_payload',
      `${EVENT_LABELS[ev.type].zh}的数据不正确：${detail}`,
      `Bad ${ev.type} payload: ${detail}`,
    );
  }
  if (state === null) return { ok: true, state: issue(ev, parsed.data as IssuePayload) };

  const type = ev.type as Exclude<TicketEventType, 'issue'>;
  const counterId = ev.counterId ?? null;
  const label = EVENT_LABELS[type];

  // Another counter holds this ticket.
  if (
    state.counterId !== null &&
    counterId !== null &&
    counterId !== state.counterId &&
    ACTIVE_STATUSES.includes(state.status) &&
    (type === 'call' || COUNTER_BOUND.has(type))
  ) {
    return fail(
      'called_elsewhere',
      `${state.displayNo} 已由${state.counterId}号窗口${STATUS_LABELS[state.status].zh}`,
      `${state.displayNo} is ${STATUS_LABELS[state.status].en} at counter ${state.counterId}`,
    );
  }
  if (type === 'call' && state.status === 'called') {
    return fail(
      'already_called',
      `${state.displayNo} 已叫号，请使用重呼`,
      `${state.displayNo} is already called: use recall`,
    );
  }
  if (!TRANSITIONS[type].includes(state.status)) {
    return fail(
      'illegal_transition',
      `${STATUS_LABELS[state.status].zh}的号不能${label.zh}（${state.displayNo}）`,
      `Cannot ${label.en} ${state.displayNo}: it is ${STATUS_LABELS[state.status].en}`,
    );
  }
  if ((type === 'call' || type === 'resume' || type === 'identify') && counterId === null) {
    return fail('counter_required', `${label.zh}须指明窗口`, `${label.en} needs the counter (counterId)`);
  }

  const next: TicketState = {
    ...state,
    lastEventAt: ev.at,
    lastEventId: ev.id,
    eventIds: [...state.eventIds, ev.id],
    version: state.version + 1,
  };
  const p = parsed.data as Record<string, unknown>;
  const reason = typeof p.reason === 'string' ? p.reason : null;

  switch (type) {
    case 'call':
      next.status = 'called';
      next.counterId = counterId;
      next.calledAt = ev.at;
      next.lastCalledAt = ev.at;
      next.callCount += 1;
      break;
    case 'recall':
      next.lastCalledAt = ev.at;
      next.callCount += 1;
      break;
    case 'start':
      next.status = 'serving';
      next.startedAt = ev.at;
      break;
    case 'finish': {
      const done = Array.isArray(p.servicesDone) ? (p.servicesDone as string[]) : state.services;
      next.status = 'done';
      next.finishedAt = ev.at;
      next.servicesDone = union(state.servicesDone, done);
      break;
    }
    case 'no_show':
      next.status = 'no_show';
      next.noShowCount += 1;
      break;
    case 'requeue':
      if (state.requeueCount >= state.requeueLimit) {
        return fail(
          'requeue_limit',
          `${state.displayNo} 过号重排已达${state.requeueLimit}次上限，请重新取号`,
          `${state.displayNo} was requeued ${state.requeueCount} time(s), the limit: take a new ticket`,
        );
      }
      next.status = 'waiting';
      next.requeueCount += 1;
      next.counterId = null;
      next.calledAt = null;
      next.lastCalledAt = null;
      break;
    case 'transfer': {
      const toQueue = p.toQueue as string;
      if (toQueue === state.queue) {
        return fail(
          'same_queue',
          `${state.displayNo} 已在该队列`,
          `${state.displayNo} is already in queue ${toQueue}`,
        );
      }
      next.status = 'waiting';
      next.queue = toQueue;
      next.transferredFrom = state.queue;
      next.transferCount += 1;
      next.counterId = null;
      next.calledAt = null;
      next.lastCalledAt = null;
      next.startedAt = null;
      next.heldAt = null;
      if (typeof p.priority === 'number') next.priority = p.priority;
      if (Array.isArray(p.services)) next.services = [...(p.services as string[])];
      if (Array.isArray(p.servicesDone))
        next.servicesDone = union(state.servicesDone, p.servicesDone as string[]);
      next.lastReason = reason;
      break;
    }
    case 'cancel':
      next.status = 'cancelled';
      next.lastReason = reason;
      break;
    case 'hold':
      next.status = 'held';
      next.heldAt = ev.at;
      next.lastReason = reason;
      break;
    case 'resume':
      next.status = 'serving';
      next.counterId = counterId;
      next.startedAt = state.startedAt ?? ev.at;
      next.heldAt = null;
      break;
    case 'identify':
      // One visit, one customer: a second identification would move outcomes between customers.
      if (state.customerId !== null) {
        return fail(
          'already_identified',
          `${state.displayNo} 已识别客户，不能再关联其他客户`,
          `${state.displayNo} already belongs to a customer; it cannot be attached to another`,
        );
      }
      next.customerId = p.customerId as string;
      next.identifiedAt = ev.at;
      break;
    case 'override':
      if (typeof p.queue === 'string') next.queue = p.queue;
      if (typeof p.priority === 'number') next.priority = p.priority;
      if (typeof p.channel === 'string') next.channel = p.channel;
      if (Array.isArray(p.services)) next.services = [...(p.services as string[])];
      next.overrideCount += 1;
      next.lastReason = reason;
      break;
  }
  return { ok: true, state: next };
}

export interface RebuildResult {
  tickets: Map<string, TicketState>;
  /** Events the machine refused, in log order (duplicates included), with why. */
  rejected: { event: TicketEvent; error: TicketError }[];
}

/**
 * Fold an event log (in log order, as appended) into ticket states. Refused events are skipped exactly as
 * `applyEvent` refuses them one by one, so the result always equals incremental application.
 */
export function rebuildDetailed(events: Iterable<TicketEvent>): RebuildResult {
  const tickets = new Map<string, TicketState>();
  const rejected: RebuildResult['rejected'] = [];
  for (const ev of events) {
    const r = applyEvent(tickets.get(ev.ticketId) ?? null, ev);
    if (r.ok) tickets.set(ev.ticketId, r.state);
    else rejected.push({ event: ev, error: r });
  }
  return { tickets, rejected };
}

export function rebuild(events: Iterable<TicketEvent>): Map<string, TicketState> {
  return rebuildDetailed(events).tickets;
}

/** The ticket a counter is working on (called or serving there), if any; a parked (held) one does not count. */
export function ticketAtCounter(tickets: Iterable<TicketState>, counterId: string): TicketState | null {
  for (const t of tickets) {
    if (t.counterId === counterId && (t.status === 'called' || t.status === 'serving')) return t;
  }
  return null;
}
