import type { Store } from '../connection';

/** A satisfaction rating as the branch manager's export reads it (masked by the export's columns). */
export interface RatingExportRow {
  id: string;
  at: number;
  finished_at: number;
  display_no: string | null;
  counter_name: string | null;
  staff_name: string | null;
  services: string;
  answer: string;
  dimensions: string;
  channel: string;
  escalation: string | null;
  customer_no: string | null;
  customer_kind: string | null;
  customer_name: string | null;
}

/** Ratings with time in [from, to), after the cursor, in (time, id) order: the export's keyset paging. */
export function ratingsPage(
  store: Store,
  from: number,
  to: number,
  after: { at: number; id: string },
  limit: number,
): RatingExportRow[] {
  return store.sqlite
    .prepare(
      `SELECT r.id, r.at, r.finished_at, t.display_no, k.name AS counter_name, s.display_name AS staff_name,
         r.services, r.answer, r.dimensions, r.channel, r.escalation,
         c.customer_no, c.kind AS customer_kind, c.name AS customer_name
       FROM feedback_ratings r
       LEFT JOIN tickets t ON t.id = r.ticket_id
       LEFT JOIN customers c ON c.id = t.customer_id
       LEFT JOIN counters k ON k.id = r.counter_id
       LEFT JOIN staff s ON s.id = r.staff_id
       WHERE r.at >= ? AND r.at < ? AND (r.at > ? OR (r.at = ? AND r.id > ?))
       ORDER BY r.at, r.id LIMIT ?`,
    )
    .all(from, to, after.at, after.at, after.id, limit) as RatingExportRow[];
}
