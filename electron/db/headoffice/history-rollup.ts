import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { HoDB } from './schema';

/**
 * Per-day rollups of the ticket facts (migration 0003), so a year of several branches is read from tens of
 * thousands of rows, not a million. Like the branch's (electron/db/repos/reports.ts, migration 0020) they are built
 * for given SL targets and zone offset (`sig`) and rebuilt lazily: push marks the (branch, day) it touched stale
 * (`ho_fact_days.sig = NULL`, in its transaction); a read first rebuilds the stale days of its range from the facts.
 * kind 'queue' (key: queue), 'staff' (key: staff id), 'hour' (key: local weekday:hour, arrivals only).
 */

export interface SlTargets {
  targets: readonly { queue: string; ms: number }[];
  defaultMs: number;
}

type Db = Kysely<HoDB> | Transaction<HoDB>;

/** The SL target of a fact's queue, as SQL. */
function targetOf(t: SlTargets): RawBuilder<number> {
  if (t.targets.length === 0) return sql<number>`${t.defaultMs}::bigint`;
  return sql<number>`CASE queue ${sql.join(
    t.targets.map((x) => sql`WHEN ${x.queue} THEN ${x.ms}::bigint`),
    sql` `,
  )} ELSE ${t.defaultMs}::bigint END`;
}

/** The sums shared/metrics' addTicket keeps, over facts. */
function sumsSql(t: SlTargets) {
  return sql`count(*),
    count(*) FILTER (WHERE outcome = 'served'),
    count(*) FILTER (WHERE outcome = 'served' AND wait_ms <= ${targetOf(t)}),
    count(*) FILTER (WHERE outcome = 'no_show'),
    count(*) FILTER (WHERE outcome = 'walked_away'),
    coalesce(sum(wait_ms) FILTER (WHERE outcome IN ('served', 'no_show')), 0),
    count(wait_ms) FILTER (WHERE outcome IN ('served', 'no_show')),
    coalesce(sum(walk_ms) FILTER (WHERE outcome = 'served'), 0),
    count(walk_ms) FILTER (WHERE outcome = 'served'),
    coalesce(sum(service_ms) FILTER (WHERE outcome = 'served'), 0),
    count(service_ms) FILTER (WHERE outcome = 'served')`;
}

const COLS = sql`(branch_id, day, kind, key, arrived, served, sl_met, no_shows, walked_away, wait_sum, wait_n,
  walk_sum, walk_n, service_sum, service_n)`;

/** Push: these days of a branch got new or changed facts (sorted, so two pushes lock the rows in one order). */
export async function markDaysStale(db: Db, branchId: string, days: readonly string[]): Promise<void> {
  if (days.length === 0) return;
  await sql`INSERT INTO ho_fact_days (branch_id, day, sig)
    SELECT ${branchId}, d, NULL FROM unnest(${[...new Set(days)].sort()}::text[]) AS d ORDER BY d
    ON CONFLICT (branch_id, day) DO UPDATE SET sig = NULL`.execute(db);
}

/**
 * Rebuilds the rollups of the stale days in [fromDay, toDay] (of one branch, or all) for these targets and offset,
 * in one transaction. The stale day rows are locked first: a push touching one of them waits and marks it stale
 * again after; a second reader waits and then finds it fresh.
 */
export async function refreshRollups(
  db: Kysely<HoDB>,
  range: { fromDay: string; toDay: string; branchId: string | null },
  t: SlTargets,
  offsetMs: number,
): Promise<number> {
  const sig = JSON.stringify([t.targets, t.defaultMs, offsetMs]);
  return db.transaction().execute(async (trx) => {
    const stale = await sql<{ branch_id: string; day: string }>`
      SELECT branch_id, day FROM ho_fact_days
      WHERE day BETWEEN ${range.fromDay} AND ${range.toDay}
        AND ${range.branchId === null ? sql`TRUE` : sql`branch_id = ${range.branchId}`}
        AND sig IS DISTINCT FROM ${sig}
      ORDER BY branch_id, day FOR UPDATE`.execute(trx);
    if (stale.rows.length === 0) return 0;
    const b = stale.rows.map((r) => r.branch_id);
    const d = stale.rows.map((r) => r.day);
    const pairs = sql`unnest(${b}::text[], ${d}::text[]) AS s(b, d)`;
    await sql`DELETE FROM ho_fact_rollup r USING ${pairs} WHERE r.branch_id = s.b AND r.day = s.d`.execute(
      trx,
    );
    await sql`INSERT INTO ho_fact_rollup ${COLS}
      SELECT f.branch_id, f.day, 'queue', f.queue, ${sumsSql(t)}
      FROM ho_ticket_facts f JOIN ${pairs} ON f.branch_id = s.b AND f.day = s.d GROUP BY f.branch_id, f.day, f.queue`.execute(
      trx,
    );
    await sql`INSERT INTO ho_fact_rollup ${COLS}
      SELECT f.branch_id, f.day, 'staff', f.staff_id, ${sumsSql(t)}
      FROM ho_ticket_facts f JOIN ${pairs} ON f.branch_id = s.b AND f.day = s.d
      WHERE f.staff_id IS NOT NULL GROUP BY f.branch_id, f.day, f.staff_id`.execute(trx);
    // Monday 0 (epoch day 0 was a Thursday), as shared/metrics/history's localWeekday and localHour.
    await sql`INSERT INTO ho_fact_rollup ${COLS}
      SELECT branch_id, day, 'hour', dow || ':' || hour, count(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM (SELECT f.branch_id, f.day, ((f.arrived_at + ${offsetMs}::bigint) / 86400000 + 3) % 7 AS dow,
              ((f.arrived_at + ${offsetMs}::bigint) % 86400000) / 3600000 AS hour
            FROM ho_ticket_facts f JOIN ${pairs} ON f.branch_id = s.b AND f.day = s.d) x
      GROUP BY branch_id, day, dow, hour`.execute(trx);
    await sql`UPDATE ho_fact_days x SET sig = ${sig} FROM ${pairs} WHERE x.branch_id = s.b AND x.day = s.d`.execute(
      trx,
    );
    return stale.rows.length;
  });
}
