import { sql, type Kysely } from 'kysely';

/**
 * Step 13 — satisfaction answers go to the head office like the other events of a visit: a trigger journals each
 * new `feedback_ratings` row into `ho_journal` (0006) in the same transaction, and the answers given before this
 * migration are journalled once here. Ratings are written once and never changed (one answer per visit), so only
 * inserts are journalled. No personal data travels: the ticket, counter, staff member, services and the answer.
 */
const payload = (
  r: string,
) => `json_object('op', 'insert', 'ticketId', ${r}.ticket_id, 'counterId', ${r}.counter_id,
  'staffId', ${r}.staff_id, 'services', CASE WHEN json_valid(${r}.services) THEN json(${r}.services) ELSE '[]' END,
  'answer', ${r}.answer, 'dimensions', CASE WHEN json_valid(${r}.dimensions) THEN json(${r}.dimensions) ELSE '{}' END,
  'channel', ${r}.channel, 'branchDay', ${r}.branch_day, 'finishedAt', ${r}.finished_at, 'at', ${r}.at,
  'escalation', ${r}.escalation)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `INSERT INTO ho_journal (source, row_id, op, at, device_id, hlc, payload)
       SELECT 'feedback_ratings', id, 'insert', at, NULL, NULL, ${payload('feedback_ratings')}
       FROM feedback_ratings ORDER BY at, id`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ho_journal_feedback_ratings_insert AFTER INSERT ON feedback_ratings BEGIN
         INSERT INTO ho_journal (source, row_id, op, at, device_id, hlc, payload)
         VALUES ('feedback_ratings', NEW.id, 'insert', NEW.at, NULL, NULL, ${payload('NEW')});
       END`,
    )
    .execute(db);
}
