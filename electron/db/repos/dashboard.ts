import type { TicketState } from '@shared/queue';
import type { TimelineEvent } from '@shared/metrics/idle';
import type { Store } from '../connection';

/** Today's rows the live dashboard folds (shared/metrics): tickets with their tier, and their accepted events. */
export class DashboardRepo {
  constructor(private readonly store: Store) {}

  /** Every ticket of the branch day, with the tier ticket_facts recorded for it. */
  dayTickets(day: string): { state: TicketState; tier: string | null }[] {
    return this.store.sqlite
      .prepare<[string], { state: string; tier: string | null }>(
        `SELECT t.state, f.tier FROM tickets t
         LEFT JOIN ticket_facts f ON f.day = t.branch_day AND f.ticket_id = t.id
         WHERE t.branch_day = ?`,
      )
      .all(day)
      .map((r) => ({ state: JSON.parse(r.state) as TicketState, tier: r.tier }));
  }

  /** The accepted events of the day's tickets, in log order per ticket (for idle with queue). */
  dayEvents(day: string): TimelineEvent[] {
    return this.store.sqlite
      .prepare<
        [string],
        { ticket_id: string; type: string; at: number; counter_id: string | null; payload: string }
      >(
        `SELECT e.ticket_id, e.type, e.at, e.counter_id, e.payload FROM tickets t
         JOIN ticket_events e ON e.ticket_id = t.id
         WHERE t.branch_day = ? AND e.accepted = 1 ORDER BY e.ticket_id, e.seq`,
      )
      .all(day)
      .map((r) => ({
        ticketId: r.ticket_id,
        type: r.type,
        at: r.at,
        counterId: r.counter_id,
        // Only issue, transfer and override carry what the timeline reads (the queue).
        payload:
          r.type === 'issue' || r.type === 'transfer' || r.type === 'override'
            ? (JSON.parse(r.payload) as Record<string, unknown>)
            : {},
      }));
  }
}
