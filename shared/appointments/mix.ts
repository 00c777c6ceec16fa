import type { QueueConfig } from '../queue/config';
import type { IssuePayload } from '../queue/events';
import type { TicketState } from '../queue/machine';
import { pickNext } from '../queue/order';
import type { AppointmentConfig } from './config';

/*
 * Fair mixing (预约与现场取号的合流). Checked-in appointment tickets wait in the appointment lane (its own queue,
 * prefix Y), each naming the queue that serves it; a counter calling from queue Q also calls lane tickets for Q.
 * Walk-ins keep the queue core's order (shared/queue/order: place in line by arrival and class) — this rule only decides
 * between the lane's first ticket and the walk-in the core would call:
 *   1. only one side waits → that side (an appointment checked in early is called rather than leave a counter idle);
 *   2. no appointment is due yet (booked time still ahead) → the walk-in;
 *   3. a walk-in has waited `walkInMaxWaitMinutes` → the walk-in (walk-ins never starve behind bookings);
 *   4. the appointment is `appointmentMaxLateMinutes` past its booked time → the appointment;
 *   5. otherwise the ratio: `walkInsPerAppointment` walk-ins since this counter's last appointment, then one.
 * The lane is ordered by booked time, then arrival, number and id — all set, so the order is total (no missing
 * values: SQLite and PostgreSQL sort NULLs differently, which is why it is decided here, not in SQL).
 */

const MINUTE = 60_000;

/** What an appointment ticket carries (issue payload → ticket state): the booking, its slot start, the queue
 * whose counters serve it and the bookable service. */
export type TicketAppointment = NonNullable<IssuePayload['appointment']>;
type WithAppointment = TicketState;

/** Per counter: walk-ins called since its last appointment (a fresh counter owes none). */
export interface MixHistory {
  walkInsSinceAppointment: number;
}
export const FRESH_MIX: MixHistory = { walkInsSinceAppointment: Number.POSITIVE_INFINITY };

export type MixReason =
  'only_walk_in' | 'only_appointment' | 'not_due' | 'walk_in_aged' | 'appointment_late' | 'ratio';

export interface MixPick {
  ticket: WithAppointment;
  lane: 'appointment' | 'walk_in';
  reason: MixReason;
}

export function isAppointment(t: WithAppointment): t is TicketState & { appointment: TicketAppointment } {
  return !!t.appointment;
}

function laneBefore(a: TicketState & { appointment: TicketAppointment }, b: typeof a): number {
  return (
    a.appointment.bookedAt - b.appointment.bookedAt ||
    a.arrivedAt - b.arrivedAt ||
    a.number - b.number ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Waiting appointment tickets a counter calling from `queues` may call, in lane order (booked time first). */
export function orderLane(
  tickets: readonly WithAppointment[],
  queues: readonly string[],
  laneQueue: string,
): (TicketState & { appointment: TicketAppointment })[] {
  const all = queues.includes(laneQueue);
  return tickets
    .filter(isAppointment)
    .filter(
      (t) =>
        t.status === 'waiting' && t.queue === laneQueue && (all || queues.includes(t.appointment.serveQueue)),
    )
    .sort(laneBefore);
}

/** The ticket a counter calling from `queues` calls now, with the lane it came from and why; null if none waits. */
export function pickMixed(
  tickets: readonly WithAppointment[],
  queues: readonly string[],
  mix: MixHistory,
  now: number,
  queueCfg: QueueConfig,
  cfg: AppointmentConfig,
): MixPick | null {
  const walkQueues = queues.filter((q) => q !== cfg.laneQueue);
  // A transferred appointment ticket has left the lane: it is a walk-in of its new queue.
  const walkIns = tickets.filter((t) => t.queue !== cfg.laneQueue);
  const walk = pickNext(walkIns, walkQueues, queueCfg);
  const lane = orderLane(tickets, queues, cfg.laneQueue);
  const first = lane[0];
  if (!walk) return first ? { ticket: first, lane: 'appointment', reason: 'only_appointment' } : null;
  if (!first) return { ticket: walk, lane: 'walk_in', reason: 'only_walk_in' };
  if (first.appointment.bookedAt > now) return { ticket: walk, lane: 'walk_in', reason: 'not_due' };
  const oldest = walkIns.reduce<number>(
    (min, t) => (t.status === 'waiting' && walkQueues.includes(t.queue) ? Math.min(min, t.arrivedAt) : min),
    Number.POSITIVE_INFINITY,
  );
  if (now - oldest >= cfg.mixing.walkInMaxWaitMinutes * MINUTE)
    return { ticket: walk, lane: 'walk_in', reason: 'walk_in_aged' };
  if (now - first.appointment.bookedAt >= cfg.mixing.appointmentMaxLateMinutes * MINUTE)
    return { ticket: first, lane: 'appointment', reason: 'appointment_late' };
  if (mix.walkInsSinceAppointment < cfg.mixing.walkInsPerAppointment)
    return { ticket: walk, lane: 'walk_in', reason: 'ratio' };
  return { ticket: first, lane: 'appointment', reason: 'ratio' };
}

/** The counter's mixing history after a call. */
export function nextMix(mix: MixHistory, picked: MixPick): MixHistory {
  return {
    walkInsSinceAppointment: picked.lane === 'appointment' ? 0 : mix.walkInsSinceAppointment + 1,
  };
}

/**
 * Minutes until a lane ticket is called: not before its booked time, and not before the tickets ahead of it are
 * served (`queueEstimate`: the queue core's estimate for its place among the serving queue's lane); null if unknown.
 */
export function laneWaitMinutes(t: TicketState, now: number, queueEstimate: number | null): number | null {
  if (!t.appointment) return queueEstimate;
  const untilBooked = Math.max(0, Math.ceil((t.appointment.bookedAt - now) / MINUTE));
  return queueEstimate === null ? untilBooked : Math.max(untilBooked, queueEstimate);
}
