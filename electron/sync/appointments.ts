import type { TicketState } from '@shared/queue';
import { appointmentRow, mergeBookingRow, mergeCheckIn } from '@shared/appointments/sync';
import type { AppointmentRepo } from '../db/repos/appointments';

/** A booking checked in twice (devices cut from each other): the ticket that keeps it and the one to cancel. */
export interface DoubleCheckIn {
  appointmentId: string;
  kept: string;
  loser: string;
}

/**
 * Bookings on an install's copy as replication changes them (rules: shared/appointments/sync.ts): rows made or
 * cancelled elsewhere, and the check-in a ticket issued elsewhere stands for.
 */
export class AppointmentReplica {
  constructor(
    private readonly repo: AppointmentRepo,
    private readonly customerExists: (id: string) => boolean,
    private readonly ticketNo: (id: string) => string | null,
  ) {}

  /** An `appointment` envelope's row (already parsed); throws while its customer is not here yet (retried). */
  applyRow(payload: Record<string, unknown>, now: number): 'applied' | 'duplicate' {
    const row = appointmentRow.parse(payload.row);
    if (row.customer_id && !this.customerExists(row.customer_id))
      throw new Error(`customer ${row.customer_id} not here yet`);
    const local = this.repo.row(row.id);
    const m = mergeBookingRow(local ?? null, row);
    if (m === 'insert') return this.repo.insertReplica(row) ? 'applied' : 'duplicate';
    if (m === 'cancel') {
      this.repo.setStatus(
        row.id,
        ['booked', 'no_show'],
        { status: 'cancelled', cancelled_at: row.cancelled_at, cancel_reason: row.cancel_reason },
        now,
      );
      return 'applied';
    }
    return 'duplicate';
  }

  /** A ticket issued for a booking: the booking is checked in with it, or one of two tickets loses it. */
  ticketIssued(state: TicketState, now: number): DoubleCheckIn | null {
    const appt = state.appointment;
    if (!appt) return null;
    const local = this.repo.row(appt.id);
    // The booking itself is not here (made while this copy was cut off): its row brings the status later.
    if (!local) return null;
    const held =
      local.ticket_id !== null
        ? { ticketId: local.ticket_id, arrivedAt: local.checked_in_at ?? Number.MAX_SAFE_INTEGER }
        : null;
    const incoming = { ticketId: state.id, arrivedAt: state.arrivedAt };
    const m = mergeCheckIn({ status: local.status, held }, incoming);
    const status = appt.walkIn ? 'walk_in' : 'checked_in';
    if (m.kind === 'take' || m.kind === 'replace')
      this.repo.setCheckIn(appt.id, state.id, status, state.arrivedAt, now);
    if (m.kind === 'replace') return { appointmentId: appt.id, kept: state.displayNo, loser: m.loser };
    if (m.kind === 'lose')
      return {
        appointmentId: appt.id,
        kept: (local.ticket_id && this.ticketNo(local.ticket_id)) ?? local.ticket_id ?? '',
        loser: m.loser,
      };
    return null;
  }
}
