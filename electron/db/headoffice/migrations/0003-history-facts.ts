import { sql, type Kysely } from 'kysely';
import { backfillHistoryFacts } from '../history-facts';
import type { HoDB } from '../schema';

/**
 * The cross-branch history (GET /api/ho/history): narrow fact tables kept by push in the same transaction as the
 * journal insert (electron/db/headoffice/history-facts.ts), so a year of several branches is read from a few
 * hundred thousand narrow rows instead of folding millions of JSON events per query. Filled here once from what the
 * journal already holds. `day` is the branch day of the ticket (YYYY-MM-DD, as the branch's ticket_facts).
 * The journal index finds a ticket's events when a push brings one more of them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ho_ticket_facts (
    branch_id text NOT NULL REFERENCES branches(id),
    ticket_id text NOT NULL,
    day text NOT NULL,
    queue text NOT NULL,
    outcome text NOT NULL,
    arrived_at bigint NOT NULL,
    wait_ms bigint,
    walk_ms bigint,
    service_ms bigint,
    staff_id text,
    PRIMARY KEY (branch_id, ticket_id)
  )`.execute(db);
  await sql`CREATE INDEX ho_ticket_facts_day ON ho_ticket_facts (day, branch_id)`.execute(db);
  await sql`CREATE TABLE ho_outcome_facts (
    branch_id text NOT NULL REFERENCES branches(id),
    id text NOT NULL,
    at bigint NOT NULL,
    product_code text NOT NULL,
    outcome text NOT NULL,
    staff_id text,
    customer_no text,
    campaign_id text,
    sign integer NOT NULL,
    PRIMARY KEY (branch_id, id)
  )`.execute(db);
  await sql`CREATE INDEX ho_outcome_facts_at ON ho_outcome_facts (at)`.execute(db);
  await sql`CREATE TABLE ho_complaint_facts (
    branch_id text NOT NULL REFERENCES branches(id),
    id text NOT NULL,
    hlc text NOT NULL,
    category text NOT NULL,
    status text NOT NULL,
    created_at bigint NOT NULL,
    deadline_at bigint NOT NULL,
    resolved_at bigint,
    PRIMARY KEY (branch_id, id)
  )`.execute(db);
  await sql`CREATE INDEX ho_complaint_facts_created ON ho_complaint_facts (created_at)`.execute(db);
  await sql`CREATE INDEX ho_complaint_facts_open ON ho_complaint_facts (deadline_at) WHERE status <> 'resolved'`.execute(
    db,
  );
  // Per-day rollups of the ticket facts, rebuilt lazily for the SL targets a read asks with (history-rollup.ts).
  await sql`CREATE TABLE ho_fact_days (
    branch_id text NOT NULL REFERENCES branches(id),
    day text NOT NULL,
    sig text,
    PRIMARY KEY (branch_id, day)
  )`.execute(db);
  await sql`CREATE INDEX ho_fact_days_day ON ho_fact_days (day)`.execute(db);
  await sql`CREATE TABLE ho_fact_rollup (
    branch_id text NOT NULL REFERENCES branches(id),
    day text NOT NULL,
    kind text NOT NULL,
    key text NOT NULL,
    arrived bigint NOT NULL,
    served bigint NOT NULL,
    sl_met bigint NOT NULL,
    no_shows bigint NOT NULL,
    walked_away bigint NOT NULL,
    wait_sum bigint NOT NULL,
    wait_n bigint NOT NULL,
    walk_sum bigint NOT NULL,
    walk_n bigint NOT NULL,
    service_sum bigint NOT NULL,
    service_n bigint NOT NULL,
    PRIMARY KEY (branch_id, day, kind, key)
  )`.execute(db);
  await sql`CREATE INDEX ho_fact_rollup_kind_day ON ho_fact_rollup (kind, day)`.execute(db);
  await sql`CREATE INDEX journal_ticket_entity ON journal (branch_id, entity_id) WHERE kind = 'ticket_event'`.execute(
    db,
  );
  await backfillHistoryFacts(db as Kysely<HoDB>);
}
