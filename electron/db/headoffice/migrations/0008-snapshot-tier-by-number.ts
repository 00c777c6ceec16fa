import { sql, type Kysely } from 'kysely';

/**
 * Conversion by tier at the head office: a branch that imports its own customers sends no customer master, only its
 * balance snapshots (branch migration 0027). The outcome's tier falls back to the customer's latest snapshot at
 * that branch, found by customer number (what outcome facts carry); this index makes it one descent per outcome.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS ho_balance_snapshots_by_no
    ON ho_balance_snapshots (branch_id, customer_no, as_of DESC) INCLUDE (tier)`.execute(db);
}
