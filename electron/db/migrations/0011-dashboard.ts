import { sql, type Kysely } from 'kysely';
import { ticketMetrics, type TicketTimes } from '@shared/metrics/definitions';

/**
 * Step 11 — the branch manager's day (shared/metrics).
 * - ticket_facts: one narrow row per ticket with its measures (outcome, wait, walk, service — from
 *   shared/metrics/definitions), its tier and who served it, written in the same transaction as each ticket
 *   event (TicketRepo), so a year of history is read without folding events or parsing ticket JSON.
 * - counter_states: every open/close/staff-state change of a counter with the break reason (shrinkage,
 *   minutes in state, idle with queue); counters keep their current break reason and since when.
 * - suggestion_outcomes carry the campaign and the ranking rule that drove the suggestion.
 * Rows from before are backfilled here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ticket_facts (
    day TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    queue TEXT NOT NULL,
    tier TEXT,
    outcome TEXT NOT NULL,
    arrived_at INTEGER NOT NULL,
    wait_ms INTEGER,
    walk_ms INTEGER,
    service_ms INTEGER,
    counter_id TEXT,
    staff_id TEXT,
    PRIMARY KEY (day, ticket_id)
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE counter_states (
    id TEXT PRIMARY KEY,
    counter_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    open INTEGER NOT NULL,
    staff_state TEXT NOT NULL,
    reason TEXT,
    staff_id TEXT
  )`.execute(db);
  await sql`CREATE INDEX counter_states_counter_at ON counter_states (counter_id, at)`.execute(db);
  await sql`CREATE INDEX counter_states_at ON counter_states (at)`.execute(db);
  await sql`ALTER TABLE counters ADD COLUMN break_reason TEXT`.execute(db);
  await sql`ALTER TABLE counters ADD COLUMN state_since INTEGER`.execute(db);

  await sql`ALTER TABLE suggestion_outcomes ADD COLUMN campaign_id TEXT`.execute(db);
  await sql`ALTER TABLE suggestion_outcomes ADD COLUMN rule_id TEXT`.execute(db);
  await sql`CREATE INDEX outcomes_at ON suggestion_outcomes (at, product_code, outcome)`.execute(db);
  await sql`CREATE INDEX complaints_created ON complaints (created_at)`.execute(db);

  const staffOf = new Map<string, string>();
  const served = await sql<{ ticket_id: string; staff_id: string | null }>`
    SELECT ticket_id, staff_id FROM ticket_events
    WHERE accepted = 1 AND type IN ('start', 'resume', 'finish') AND staff_id IS NOT NULL
    ORDER BY ticket_id, seq`.execute(db);
  for (const r of served.rows) if (r.staff_id) staffOf.set(r.ticket_id, r.staff_id);
  // The columns are the folded state; the JSON adds the live queue (after transfers) and the no-show count.
  const tickets = await sql<{
    id: string;
    branch_day: string;
    queue: string;
    status: string;
    arrived_at: number;
    called_at: number | null;
    started_at: number | null;
    finished_at: number | null;
    counter_id: string | null;
    state: string;
    tier: string | null;
  }>`SELECT t.id, t.branch_day, t.queue, t.status, t.arrived_at, t.called_at, t.started_at, t.finished_at,
      t.counter_id, t.state, c.tier
    FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id`.execute(db);
  for (const r of tickets.rows) {
    let s: { queue?: unknown; noShowCount?: unknown } = {};
    try {
      s = JSON.parse(r.state) as typeof s;
    } catch {
      // A row whose state is not JSON keeps its columns' values.
    }
    const times: TicketTimes = {
      status: r.status,
      arrivedAt: r.arrived_at,
      calledAt: r.called_at,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      noShowCount: typeof s.noShowCount === 'number' ? s.noShowCount : 0,
    };
    const queue = typeof s.queue === 'string' ? s.queue : r.queue;
    const m = ticketMetrics(times);
    await sql`INSERT INTO ticket_facts (day, ticket_id, queue, tier, outcome, arrived_at, wait_ms, walk_ms, service_ms, counter_id, staff_id)
      VALUES (${r.branch_day}, ${r.id}, ${queue}, ${r.tier}, ${m.outcome}, ${r.arrived_at}, ${m.waitMs}, ${m.walkMs},
        ${m.serviceMs}, ${r.counter_id}, ${staffOf.get(r.id) ?? null})`.execute(db);
  }
}
