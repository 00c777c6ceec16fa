import type { LiveTicket } from '@shared/metrics';
import { TIMELINE_EVENT_TYPES, type TimelineEvent } from '@shared/metrics/idle';
import type Database from 'better-sqlite3';
import type { Store } from '../connection';
import {
  liveTicketFromRow,
  timelineEventFromRow,
  type LiveTicketRow,
  type TimelineRow,
} from '../convert/dashboard';

/**
 * Today's rows the live dashboard folds (shared/metrics): tickets with their tier, and their accepted events. Read as
 * columns (the JSON state and payloads are not parsed: at a thousand tickets a day that was most of the payload's
 * time, P7_dashboard in BENCH.md); the live queue is ticket_facts', the no-show count the state's.
 */
export class DashboardRepo {
  private readonly ticketsStmt: Database.Statement<[string], LiveTicketRow>;
  private readonly eventsStmt: Database.Statement<[string], TimelineRow>;

  constructor(store: Store) {
    this.ticketsStmt = store.sqlite.prepare<[string], LiveTicketRow>(
      `SELECT t.id, t.display_no, coalesce(f.queue, json_extract(t.state, '$.queue')) AS queue, t.status,
         t.arrived_at, t.called_at, t.started_at, t.finished_at, t.counter_id,
         json_extract(t.state, '$.noShowCount') AS no_show_count, f.tier
       FROM tickets t LEFT JOIN ticket_facts f ON f.day = t.branch_day AND f.ticket_id = t.id
       WHERE t.branch_day = ?`,
    );
    // Only the types the timeline reads (shared/metrics/idle.ts): a third of the day's events are recalls and starts.
    this.eventsStmt = store.sqlite.prepare<[string], TimelineRow>(
      `SELECT e.ticket_id, e.type, e.at, e.counter_id,
         CASE e.type WHEN 'issue' THEN json_extract(e.payload, '$.queue')
           WHEN 'override' THEN json_extract(e.payload, '$.queue')
           WHEN 'transfer' THEN json_extract(e.payload, '$.toQueue') END AS queue
       FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id
       WHERE t.branch_day = ? AND e.accepted = 1
         AND e.type IN (${TIMELINE_EVENT_TYPES.map((x) => `'${x}'`).join(', ')})
       ORDER BY e.ticket_id, e.seq`,
    );
  }

  /** Every ticket of the branch day, with the tier ticket_facts recorded for it. */
  dayTickets(day: string): LiveTicket[] {
    return this.ticketsStmt.all(day).map(liveTicketFromRow);
  }

  /** The accepted events of the day's tickets that the timeline reads, in log order per ticket (idle with queue). */
  dayEvents(day: string): TimelineEvent[] {
    return this.eventsStmt.all(day).map(timelineEventFromRow);
  }
}
