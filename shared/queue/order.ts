import type { QueueConfig } from './config';
import type { TicketState } from './machine';

/*
 * Who is called next (叫号顺序), and what a ticket may promise.
 *
 * The rule. Every waiting ticket has a fixed place in its line: its arrival time moved forward by
 * `promoteAfterMinutes` for each priority class (place = arrivedAt − priority × M). A class is worth M minutes of
 * waiting, which is aging made continuous: a normal ticket that has waited 2×M stands level with a fresh 贵宾优先
 * one (and goes first, having arrived first). The lowest place is called first; ties go by arrival, then number,
 * then id, so the order is total. Priority levels are those of the triage config; 0 is normal.
 *
 * Why a fixed place. The place does not change while the ticket waits, so the order of the tickets already
 * waiting never changes (it does not depend on the clock or on which counter calls). "前面 N 人" printed on a
 * ticket is therefore exactly true of everyone in the line when it is printed; the only people who can still come
 * before it are those who join later with an earlier place:
 *  - a higher class arriving less than (class gap × M) after it — never anyone of its own or a lower class, and
 *    never anyone arriving later than (top class − its class) × M after it, so nobody waits forever;
 *  - a transfer or a requeued no-show, who keep their original arrival (they were in the branch first);
 *  - an override that raises someone's class.
 * The ticket says so when a higher class exists (`canBePassed`).
 *
 * An override keeps the class it was given: a 72-year-old sent to the VIP room by override waits there as
 * 优先(关爱), so a 高端 customer (贵宾优先) arriving within M minutes is called first — and the ticket said so.
 *
 * Earlier versions aged in whole steps and let a normal ticket jump in after a streak of priority ones; both made
 * the order of the tickets already waiting change with time or with a counter's history, so no number printed on
 * a ticket could be kept.
 */

export const NORMAL_PRIORITY = 0;

const MINUTE_MS = 60_000;

/** A ticket's place in its line (epoch ms): lower is called first. Fixed while it waits. */
export function placeInLine(t: Pick<TicketState, 'arrivedAt' | 'priority'>, config: QueueConfig): number {
  return t.arrivedAt - t.priority * config.aging.promoteAfterMinutes * MINUTE_MS;
}

/** Is `a` called before `b`? A strict total order over tickets. */
export function callsBefore(a: TicketState, b: TicketState, config: QueueConfig): boolean {
  const pa = placeInLine(a, config);
  const pb = placeInLine(b, config);
  if (pa !== pb) return pa < pb;
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt;
  if (a.number !== b.number) return a.number < b.number;
  return a.id < b.id;
}

/** Waiting tickets of these queues in calling order. */
export function orderWaiting(
  tickets: readonly TicketState[],
  queues: readonly string[],
  config: QueueConfig,
): TicketState[] {
  const eligible = tickets.filter((t) => t.status === 'waiting' && queues.includes(t.queue));
  return eligible.sort((a, b) => (callsBefore(a, b, config) ? -1 : 1));
}

/** The ticket a counter calling from `queues` should call now, or null. Only `waiting` tickets count. */
export function pickNext(
  tickets: readonly TicketState[],
  queues: readonly string[],
  config: QueueConfig,
): TicketState | null {
  let best: TicketState | null = null;
  for (const t of tickets) {
    if (t.status !== 'waiting' || !queues.includes(t.queue)) continue;
    if (best === null || callsBefore(t, best, config)) best = t;
  }
  return best;
}

/** How many waiting tickets of its queue are called before `t` (its "前面 N 人"). */
export function aheadOf(t: TicketState, tickets: Iterable<TicketState>, config: QueueConfig): number {
  let n = 0;
  for (const x of tickets) {
    if (x.id !== t.id && x.status === 'waiting' && x.queue === t.queue && callsBefore(x, t, config)) n++;
  }
  return n;
}

/**
 * Could someone who arrives later still be called before `t`? Only a higher class can (see the rule above), so a
 * ticket of the top class of `classes` (the triage config's priority levels) cannot be passed by a later arrival.
 */
export function canBePassed(t: Pick<TicketState, 'priority'>, classes: readonly number[]): boolean {
  return classes.some((level) => level > t.priority);
}

/**
 * Arriving at `at` with class `priority`, would a ticket be called before `t`? True only while
 * at < t's place + priority × M, i.e. within (class gap × M) of t's arrival.
 */
export function laterArrivalPasses(
  t: Pick<TicketState, 'arrivedAt' | 'priority'>,
  arrival: { at: number; priority: number },
  config: QueueConfig,
): boolean {
  return placeInLine({ arrivedAt: arrival.at, priority: arrival.priority }, config) < placeInLine(t, config);
}

/**
 * The class a transferred ticket waits with in its new queue, so that it keeps its place: nobody who arrived after
 * it (in that queue) is called before it. Its own class, raised to the highest class of those waiting in the new
 * queue who arrived later. It keeps its original arrival (the machine never changes `arrivedAt`).
 */
export function transferClass(
  t: Pick<TicketState, 'id' | 'arrivedAt' | 'priority'>,
  toQueue: string,
  tickets: Iterable<TicketState>,
): number {
  let level = t.priority;
  for (const x of tickets) {
    if (x.id !== t.id && x.status === 'waiting' && x.queue === toQueue && x.arrivedAt >= t.arrivedAt)
      level = Math.max(level, x.priority);
  }
  return level;
}
