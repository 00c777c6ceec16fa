import { sql, type Kysely } from 'kysely';
import { backfillPeople } from '../history-people';
import type { HoDB } from '../schema';

/**
 * Step 11 — what the branches journal since their migration 0027, kept by push (history-people.ts):
 * - ho_balance_snapshots: each customer's balance snapshot per branch, keyed by the branch's own customer id and
 *   the snapshot date, so a re-push or a re-imported snapshot replaces the row (the later HLC wins). The tier
 *   migration matrix joins two dates of one branch; the as_of index serves it (and the list of dates).
 * - ho_staff: a branch's staff members (name, role, active), the later version wins; the per-staff table's names.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ho_balance_snapshots (
    branch_id text NOT NULL REFERENCES branches(id),
    customer_id text NOT NULL,
    as_of bigint NOT NULL,
    customer_no text,
    tier text NOT NULL,
    aum_fen bigint NOT NULL,
    hlc text COLLATE "C" NOT NULL,
    PRIMARY KEY (branch_id, customer_id, as_of)
  )`.execute(db);
  await sql`CREATE INDEX ho_balance_snapshots_as_of
    ON ho_balance_snapshots (as_of, branch_id, customer_id) INCLUDE (tier, customer_no)`.execute(db);
  await sql`CREATE TABLE ho_staff (
    branch_id text NOT NULL REFERENCES branches(id),
    staff_id text NOT NULL,
    display_name text NOT NULL,
    role text NOT NULL,
    active integer NOT NULL,
    hlc text COLLATE "C" NOT NULL,
    PRIMARY KEY (branch_id, staff_id)
  )`.execute(db);
  await backfillPeople(db as Kysely<HoDB>);
}
