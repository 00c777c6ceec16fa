import type { Role } from '../api/types';
import type { Allowed, Refusal } from '../refusal';
import { ALLOWED, refuse } from '../refusal';
import type { QueueConfig } from './config';
import type { TicketEventType, TicketStatus } from './events';
import type { TicketState } from './machine';

/*
 * Branch-wide queue rules: the state machine sees one ticket at a time, these look across the day's tickets.
 * Pure; the server passes today's live tickets.
 */

// ── Counter busy ────────────────────────────────────────────────────────────────────

/** Events that bring a ticket to a counter, so that counter must be free first. */
export function bringsToCounter(type: TicketEventType): boolean {
  return type === 'call' || type === 'resume';
}

/**
 * A counter already calling or serving someone cannot take another ticket (call next, call, resume) until
 * it finishes that one or marks a no-show. `except` is the ticket being brought there (a recall of the
 * same ticket is not a second customer). A ticket parked (held) at the counter does not make it busy.
 */
export function checkCounterFree(
  tickets: Iterable<Pick<TicketState, 'id' | 'counterId' | 'status' | 'displayNo'>>,
  counterId: string,
  except: string | null = null,
): Allowed | Refusal<'counter_busy'> {
  for (const t of tickets) {
    if (t.id !== except && t.counterId === counterId && (t.status === 'called' || t.status === 'serving')) {
      return refuse(
        'counter_busy',
        `本窗口正在办理 ${t.displayNo}，请先办结或过号`,
        `This counter still has ${t.displayNo}; finish it or mark a no-show first`,
      );
    }
  }
  return ALLOWED;
}

// ── Whose counter ───────────────────────────────────────────────────────────────────

/**
 * Roles that may act for any counter (the lobby manager steps in at a counter, the branch manager and an admin
 * cover for a teller); such an act on someone else's counter is audited. Every other role is bound to its own.
 */
export const ACTS_FOR_ANY_COUNTER: readonly Role[] = ['lobby', 'manager', 'admin'];

/**
 * May this caller call next at, move tickets at, or open/close the target counter? A teller or RM only at their
 * own counter (with none assigned, at none); the lobby manager, branch manager and admin anywhere, and
 * `actingFor` says the counter is not theirs, so the act must be audited.
 */
export function checkActsForCounter(
  callerRole: Role,
  callerCounterId: string | null,
  targetCounterId: string,
): (Allowed & { actingFor: boolean }) | Refusal<'not_your_counter'> {
  const own = callerCounterId !== null && callerCounterId === targetCounterId;
  if (own) return { ok: true, actingFor: false };
  if (ACTS_FOR_ANY_COUNTER.includes(callerRole)) return { ok: true, actingFor: true };
  return callerCounterId === null
    ? refuse(
        'not_your_counter',
        '您未分配窗口，不能操作窗口',
        'You have no counter assigned, so you cannot act on a counter',
      )
    : refuse('not_your_counter', '只能操作本人的窗口', 'You can only act on your own counter');
}

/**
 * The counters a ticket event touches: the one the ticket is at now (called, serving, parked or marked a
 * no-show there) and the one the event brings it to. Both must be the caller's.
 */
export function countersTouched(ticketCounterId: string | null, eventCounterId: string | null): string[] {
  const out: string[] = [];
  if (ticketCounterId) out.push(ticketCounterId);
  if (eventCounterId && eventCounterId !== ticketCounterId) out.push(eventCounterId);
  return out;
}

// ── End of day ──────────────────────────────────────────────────────────────────────

/** The reason written on the cancel events of the end-of-day clean-up. */
export const END_OF_DAY_REASON = '日终清理 / end of day';

/**
 * What end of day does to a ticket still open today: one that is waiting, called, parked (held) or a
 * no-show is cancelled (the customer has left); one being served is kept, so the counter can finish it;
 * finished ones (done, cancelled, transferred) are already closed. Tickets and events stay, archived by day.
 */
export function endOfDayFate(status: TicketStatus): 'cancel' | 'keep' {
  return status === 'waiting' || status === 'no_show' || status === 'held' || status === 'called'
    ? 'cancel'
    : 'keep';
}

/** The tickets end of day cancels, in the order given. */
export function endOfDayCancels<T extends Pick<TicketState, 'status'>>(tickets: Iterable<T>): T[] {
  const out: T[] = [];
  for (const t of tickets) if (endOfDayFate(t.status) === 'cancel') out.push(t);
  return out;
}

// ── VIP room ────────────────────────────────────────────────────────────────────────

/** The queues served in the VIP room (贵宾室): every queue of the VIP channel. The VIP-room screen lists them. */
export function vipRoomQueues(config: Pick<QueueConfig, 'queues'>): Set<string> {
  return new Set(config.queues.filter((q) => q.channel === 'vip').map((q) => q.key));
}

/**
 * The queue whose customers count towards the VIP room's load in triage. Kept as the fixed key the server
 * has always used; with the default config it is the one queue `vipRoomQueues` returns.
 */
export const VIP_QUEUE = 'vip';

/**
 * How full the VIP room is: its capacity from the branch config, and its load, the VIP-queue customers
 * waiting, called or in service (a parked or finished visit has left the room). Triage stops sending
 * customers there when load reaches capacity.
 */
export function vipRoomLoad(
  tickets: Iterable<Pick<TicketState, 'queue' | 'status'>>,
  branch: { vipRoomCapacity: number },
): { capacity: number; load: number } {
  let load = 0;
  for (const t of tickets) {
    if (t.queue === VIP_QUEUE && (t.status === 'waiting' || t.status === 'called' || t.status === 'serving'))
      load++;
  }
  return { capacity: branch.vipRoomCapacity, load };
}

// ── Identifying a walk-in at the counter ──────────────────────────────────────────────

/**
 * May this counter attach a customer to the ticket (item 13: an anonymous walk-in identified during the visit)?
 * Only the ticket called or being served at this very counter, and only while it belongs to nobody: a visit
 * never changes hands between customers (its outcomes would follow). The machine checks the same again.
 */
export function checkIdentify(
  t: Pick<TicketState, 'counterId' | 'status' | 'displayNo' | 'customerId'>,
  counterId: string | null,
): Allowed | Refusal<'not_at_this_counter' | 'already_identified'> {
  if (counterId === null || t.counterId !== counterId || (t.status !== 'called' && t.status !== 'serving')) {
    return refuse(
      'not_at_this_counter',
      `${t.displayNo} 不在本窗口办理中，不能识别客户`,
      `${t.displayNo} is not being served at this counter: the customer cannot be identified here`,
    );
  }
  if (t.customerId !== null) {
    return refuse(
      'already_identified',
      `${t.displayNo} 已识别客户，不能再关联其他客户`,
      `${t.displayNo} already belongs to a customer; it cannot be attached to another`,
    );
  }
  return ALLOWED;
}
