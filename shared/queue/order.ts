import type { QueueConfig } from './config';
import type { TicketState } from './machine';

/*
 * Who is called next (叫号顺序): the highest priority class first, then the earliest arrival (then the lower number,
 * then the id, so the order is total). Two aging rules keep normal tickets from starving:
 *  - every `promoteAfterMinutes` of waiting lifts a ticket one class (a normal ticket waiting 2×M outranks a
 *    fresh VIP one);
 *  - after `maxPriorityStreak` priority tickets in a row, the oldest waiting normal ticket goes next.
 * Priority levels are those of the triage config; level 0 is normal (the triage schema requires it).
 */

export const NORMAL_PRIORITY = 0;

export interface PickHistory {
  /** Priority tickets called in a row by this counter (or queue group) since the last normal one. */
  priorityStreak: number;
}

const MINUTE_MS = 60_000;

/** The class a ticket counts as now, after aging. */
export function effectivePriority(t: TicketState, now: number, config: QueueConfig): number {
  const waited = now - t.arrivedAt;
  const steps = waited > 0 ? Math.floor(waited / (config.aging.promoteAfterMinutes * MINUTE_MS)) : 0;
  return t.priority + steps;
}

function before(a: TicketState, ea: number, b: TicketState, eb: number): boolean {
  if (ea !== eb) return ea > eb;
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt < b.arrivedAt;
  if (a.number !== b.number) return a.number < b.number;
  return a.id < b.id;
}

/** Waiting tickets of these queues in calling order, ignoring the streak rule (for the lobby display). */
export function orderWaiting(
  tickets: readonly TicketState[],
  queues: readonly string[],
  now: number,
  config: QueueConfig,
): TicketState[] {
  const eligible = tickets.filter((t) => t.status === 'waiting' && queues.includes(t.queue));
  const eff = new Map(eligible.map((t) => [t, effectivePriority(t, now, config)] as const));
  return eligible.sort((a, b) => (before(a, eff.get(a) ?? 0, b, eff.get(b) ?? 0) ? -1 : 1));
}

/**
 * The ticket a counter calling from `queues` should call now, or null. Only tickets with status `waiting` in
 * those queues count. `history` is that caller's streak; update it with `nextHistory` after the call succeeds.
 */
export function pickNext(
  waiting: readonly TicketState[],
  queues: readonly string[],
  history: PickHistory,
  now: number,
  config: QueueConfig,
): TicketState | null {
  let best: TicketState | null = null;
  let bestEff = 0;
  let oldestNormal: TicketState | null = null;
  let oldestNormalEff = 0;
  for (const t of waiting) {
    if (t.status !== 'waiting' || !queues.includes(t.queue)) continue;
    const eff = effectivePriority(t, now, config);
    if (best === null || before(t, eff, best, bestEff)) {
      best = t;
      bestEff = eff;
    }
    if (
      t.priority <= NORMAL_PRIORITY &&
      (oldestNormal === null || before(t, eff, oldestNormal, oldestNormalEff))
    ) {
      oldestNormal = t;
      oldestNormalEff = eff;
    }
  }
  if (best !== null && best.priority > NORMAL_PRIORITY && oldestNormal !== null) {
    if (history.priorityStreak >= config.aging.maxPriorityStreak) return oldestNormal;
  }
  return best;
}

/** The streak after calling `picked`. */
export function nextHistory(history: PickHistory, picked: TicketState): PickHistory {
  return { priorityStreak: picked.priority > NORMAL_PRIORITY ? history.priorityStreak + 1 : 0 };
}
