import { z } from 'zod';
import { epochMs } from '../api/dates';
import { scrubPii } from '../customer/mask';

/*
 * Bookings across the hub and its counter terminals (electron/sync). A booking row travels as it is stored when it
 * is made or cancelled (envelope kind `appointment`); its check-in travels as the ticket it issued — the `issue`
 * event names the booking (shared/queue/events.ts) — so an offline terminal checks a customer in with what it holds,
 * and every install derives the same booking state from the same tickets, whatever order they arrive in.
 *
 * Two devices cut from each other may both check in one booking. Exactly one ticket keeps it, on every install:
 * the one issued first (arrival time, then ticket id); the hub cancels the other with the reason said.
 */

const id = z.string().min(1).max(64);
const optId = id.nullable().optional().default(null);
const optAt = epochMs().nullable().optional().default(null);

export const APPOINTMENT_ROW_STATUSES = ['booked', 'checked_in', 'walk_in', 'cancelled', 'no_show'] as const;

/** A booking row as replicated (the hub parses what a terminal pushes with it, like every other row). */
export const appointmentRow = z.object({
  id,
  code: z.string().min(4).max(12),
  customer_id: optId,
  service: z.string().min(1).max(40),
  intent: z.string().min(1).max(40),
  channel: z.enum(['desk', 'phone', 'app']),
  slot_at: epochMs(),
  slot_day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  amount_fen: z.number().int().positive().max(10_000_000_000).nullable().optional().default(null),
  status: z.enum(APPOINTMENT_ROW_STATUSES),
  external_id: z.string().min(1).max(80).nullable().optional().default(null),
  api_key_id: optId,
  ticket_id: optId,
  note: z.string().max(200).transform(scrubPii).nullable().optional().default(null),
  created_by: optId,
  created_at: epochMs(),
  checked_in_at: optAt,
  called_at: optAt,
  cancelled_at: optAt,
  cancel_reason: z.string().max(200).transform(scrubPii).nullable().optional().default(null),
  updated_at: epochMs(),
});
export type AppointmentRow = z.output<typeof appointmentRow>;

/** What an incoming booking row does to this install's copy. */
export type RowMerge = 'insert' | 'cancel' | 'none';

/**
 * A booking made elsewhere is added; a cancellation closes a booking still open here. Check-ins never come this
 * way (they come with their tickets), so a row can never undo a check-in made here.
 */
export function mergeBookingRow(local: { status: string } | null, incoming: { status: string }): RowMerge {
  if (!local) return 'insert';
  if (incoming.status === 'cancelled' && (local.status === 'booked' || local.status === 'no_show'))
    return 'cancel';
  return 'none';
}

/** A ticket holding a booking: which one, and when it was issued. */
export interface CheckInClaim {
  ticketId: string;
  arrivedAt: number;
}

export type CheckInMerge =
  /** The booking was open: it is checked in with this ticket. */
  | { kind: 'take' }
  /** The booking already names this ticket. */
  | { kind: 'same' }
  /** A cancelled booking: the ticket stands on its own (the customer is there), the booking stays cancelled. */
  | { kind: 'ignore' }
  /** Checked in with another ticket issued later: this one takes the booking; `loser` is cancelled. */
  | { kind: 'replace'; loser: string }
  /** Checked in with another ticket issued first: that one keeps it; `loser` (this one) is cancelled. */
  | { kind: 'lose'; loser: string };

const first = (a: CheckInClaim, b: CheckInClaim): boolean =>
  a.arrivedAt < b.arrivedAt || (a.arrivedAt === b.arrivedAt && a.ticketId < b.ticketId);

/** A ticket issued for a booking (here or elsewhere) against the booking as this install holds it. */
export function mergeCheckIn(
  booking: { status: string; held: CheckInClaim | null },
  incoming: CheckInClaim,
): CheckInMerge {
  const { status, held } = booking;
  if (status === 'cancelled') return { kind: 'ignore' };
  if (status === 'booked' || status === 'no_show' || !held) return { kind: 'take' };
  if (held.ticketId === incoming.ticketId) return { kind: 'same' };
  return first(incoming, held)
    ? { kind: 'replace', loser: held.ticketId }
    : { kind: 'lose', loser: incoming.ticketId };
}

/** The reason the hub gives the ticket that lost a double check-in. */
export function doubleCheckInReason(kept: string): string {
  return `该预约已由 ${kept} 签到，本号取消 / the booking was checked in first with ${kept}`;
}
