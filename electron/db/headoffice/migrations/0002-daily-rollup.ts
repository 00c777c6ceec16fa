import { sql, type Kysely } from 'kysely';

/**
 * Daily counts per branch kept beside the journal, so the cross-branch report reads a few thousand rows instead of
 * scanning tens of millions of events (P9_headoffice). Push maintains them in the same transaction as the insert
 * (electron/db/headoffice/rollup.ts); this migration fills them once from what the journal already holds.
 * `day` is the UTC day of the event's HLC wall time; `metric` is one of issued, done, follow_ups, complaints or
 * `outcome:<outcome>`. The hlc index serves the report's partial first and last days.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE journal_daily (
    branch_id text NOT NULL REFERENCES branches(id),
    day integer NOT NULL,
    metric text NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (branch_id, day, metric)
  )`.execute(db);
  await sql`CREATE INDEX journal_hlc ON journal (hlc)`.execute(db);
  await sql`INSERT INTO journal_daily (branch_id, day, metric, n)
    SELECT branch_id, day, metric, count(*) FROM (
      SELECT branch_id,
        (substring(hlc from 1 for 13)::bigint / 86400000)::integer AS day,
        CASE
          WHEN kind = 'ticket_event' AND payload->>'type' = 'issue' THEN 'issued'
          WHEN kind = 'ticket_event' AND payload->>'type' = 'finish' THEN 'done'
          WHEN kind = 'follow_up' AND payload->>'op' = 'insert' THEN 'follow_ups'
          WHEN kind = 'complaint' AND payload->>'op' = 'insert' THEN 'complaints'
          WHEN kind = 'suggestion_outcome' AND payload->>'outcome' IS NOT NULL THEN 'outcome:' || (payload->>'outcome')
        END AS metric
      FROM journal
    ) j
    WHERE metric IS NOT NULL
    GROUP BY branch_id, day, metric`.execute(db);
}
