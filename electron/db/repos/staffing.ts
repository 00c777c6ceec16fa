import type { Store } from '../connection';
import {
  staffingBookingFromRow,
  staffingTicketFromRow,
  type StaffingBookingRecord,
  type StaffingTicketRecord,
} from '../convert/staffing';

/** Reads for the what-if staffing simulator: which days have tickets, and the tickets of chosen days. */
export class StaffingRepo {
  constructor(private readonly store: Store) {}

  /** Branch days with tickets and how many, newest first (at most `limit`). */
  days(limit: number): { date: string; arrivals: number }[] {
    const { k } = this.store;
    return this.store
      .all(
        k
          .selectFrom('tickets')
          .select(['branch_day', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('branch_day')
          .orderBy('branch_day', 'desc')
          .limit(limit),
      )
      .map((r) => ({ date: r.branch_day, arrivals: Number(r.n) }));
  }

  /** Every ticket of these days (index tickets_day_status), with its customer's triage facts. */
  tickets(days: readonly string[]): StaffingTicketRecord[] {
    if (days.length === 0) return [];
    const { k } = this.store;
    return this.store
      .all(
        k
          .selectFrom('tickets as t')
          .leftJoin('customers as c', 'c.id', 't.customer_id')
          .select([
            't.branch_day',
            't.queue',
            't.state',
            'c.kind',
            'c.aum_fen',
            'c.segments',
            'c.birth_month',
            'c.corporate_grade',
          ])
          .where('t.branch_day', 'in', [...days]),
      )
      .map(staffingTicketFromRow);
  }

  /** The day's bookings still expected (booked, not cancelled or checked in yet), with their customer's triage facts. */
  bookings(day: string): StaffingBookingRecord[] {
    const { k } = this.store;
    return this.store
      .all(
        k
          .selectFrom('appointments as a')
          .leftJoin('customers as c', 'c.id', 'a.customer_id')
          .select([
            'a.slot_at',
            'a.intent',
            'c.kind',
            'c.aum_fen',
            'c.segments',
            'c.birth_month',
            'c.corporate_grade',
          ])
          .where('a.slot_day', '=', day)
          .where('a.status', '=', 'booked')
          .orderBy('a.slot_at')
          .orderBy('a.id'),
      )
      .map(staffingBookingFromRow);
  }
}
