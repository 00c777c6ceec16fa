import { sql, type Kysely } from 'kysely';

/**
 * P9_headoffice: every journal index is paid by every pushed event (index tuples, WAL, relation-extension locks
 * between the concurrent pushes), so the journal keeps only those a query reads:
 * - journal_pkey (id): idempotency, ON CONFLICT (id) DO NOTHING.
 * - journal_hlc (0002): the report's partial first and last days.
 * - journal_ticket_entity (0003, partial): a ticket's events for its refold.
 * - journal_consent_seq (0004, partial): the consent feed in seq order.
 * Dropped: the UNIQUE on seq (a bigserial is unique by construction; the feed reads it through its partial index),
 * journal_branch_hlc (no query filters by branch and time) and journal_branch_kind (the branch list's counts per
 * kind, now kept on push in journal_kinds like the daily rollup, instead of grouping the whole journal).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE journal_kinds (
    branch_id text NOT NULL REFERENCES branches(id),
    kind text NOT NULL,
    n bigint NOT NULL,
    PRIMARY KEY (branch_id, kind)
  )`.execute(db);
  await sql`INSERT INTO journal_kinds (branch_id, kind, n)
    SELECT branch_id, kind, count(*) FROM journal GROUP BY branch_id, kind`.execute(db);
  await sql`ALTER TABLE journal DROP CONSTRAINT IF EXISTS journal_seq_key`.execute(db);
  await sql`DROP INDEX IF EXISTS journal_branch_hlc`.execute(db);
  await sql`DROP INDEX IF EXISTS journal_branch_kind`.execute(db);
}
