import type { MetricSums } from '@shared/metrics/definitions';
import type { Store } from '../connection';

/**
 * History reads over ticket_facts (one row per ticket with its measures from shared/metrics, kept in the
 * ticket event's transaction), suggestion_outcomes, complaints and aum_snapshots. The sums are the ones
 * shared/metrics' addTicket keeps, so figuresOf() gives the same ratios as the live dashboard.
 */

/** SL target per queue as SQL: `CASE queue WHEN ? THEN ? … ELSE ? END` and its parameters. */
export interface TargetSql {
  sql: string;
  params: (string | number)[];
}

export function targetSql(targets: readonly { queue: string; ms: number }[], defaultMs: number): TargetSql {
  if (targets.length === 0) return { sql: '?', params: [defaultMs] };
  return {
    sql: `CASE queue ${targets.map(() => 'WHEN ? THEN ?').join(' ')} ELSE ? END`,
    params: [...targets.flatMap((t) => [t.queue, t.ms]), defaultMs],
  };
}

const SUMS = (target: string) => `count(*) AS arrived,
  sum(outcome = 'served') AS served,
  sum(outcome = 'served' AND wait_ms <= ${target}) AS slMet,
  sum(outcome = 'no_show') AS noShows,
  sum(outcome = 'walked_away') AS walkedAway,
  coalesce(sum(CASE WHEN outcome IN ('served', 'no_show') THEN wait_ms END), 0) AS waitSum,
  sum(outcome IN ('served', 'no_show') AND wait_ms IS NOT NULL) AS waitN,
  coalesce(sum(CASE WHEN outcome = 'served' THEN walk_ms END), 0) AS walkSum,
  sum(outcome = 'served' AND walk_ms IS NOT NULL) AS walkN,
  coalesce(sum(CASE WHEN outcome = 'served' THEN service_ms END), 0) AS serviceSum,
  sum(outcome = 'served' AND service_ms IS NOT NULL) AS serviceN`;

type SumsRow = { [K in keyof MetricSums]: number | null };
const sums = (r: SumsRow): MetricSums => ({
  arrived: r.arrived ?? 0,
  served: r.served ?? 0,
  slMet: r.slMet ?? 0,
  noShows: r.noShows ?? 0,
  walkedAway: r.walkedAway ?? 0,
  waitSum: r.waitSum ?? 0,
  waitN: r.waitN ?? 0,
  walkSum: r.walkSum ?? 0,
  walkN: r.walkN ?? 0,
  serviceSum: r.serviceSum ?? 0,
  serviceN: r.serviceN ?? 0,
});

export interface OutcomeCount {
  key: string | null;
  outcome: string;
  n: number;
}

export class ReportRepo {
  constructor(private readonly store: Store) {}

  private get db() {
    return this.store.sqlite;
  }

  /** Arrivals by local weekday (Monday 0) and hour; `offsetMs`: the branch zone's offset from UTC. */
  heat(fromDay: string, toDay: string, offsetMs: number): { dow: number; hour: number; n: number }[] {
    return this.db
      .prepare<[number, number, string, string], { dow: number; hour: number; n: number }>(
        `SELECT (CAST((arrived_at + ?) / 86400000 AS INTEGER) + 3) % 7 AS dow,
           CAST((CAST(arrived_at + ? AS INTEGER) % 86400000) / 3600000 AS INTEGER) AS hour,
           count(*) AS n
         FROM ticket_facts WHERE day BETWEEN ? AND ? GROUP BY dow, hour`,
      )
      .all(offsetMs, offsetMs, fromDay, toDay);
  }

  /** The measures' sums per branch day. */
  byDay(fromDay: string, toDay: string, t: TargetSql): { day: string; sums: MetricSums }[] {
    return this.db
      .prepare<unknown[], SumsRow & { day: string }>(
        `SELECT day, ${SUMS(t.sql)} FROM ticket_facts WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day`,
      )
      .all(...t.params, fromDay, toDay)
      .map((r) => ({ day: r.day, sums: sums(r) }));
  }

  /** The measures' sums per staff member who served (null: nobody started the ticket). */
  byStaff(
    fromDay: string,
    toDay: string,
    t: TargetSql,
  ): { staffId: string; name: string; sums: MetricSums }[] {
    return this.db
      .prepare<unknown[], SumsRow & { staff_id: string; name: string | null }>(
        `SELECT f.staff_id, s.display_name AS name, f.* FROM (
           SELECT staff_id, ${SUMS(t.sql)} FROM ticket_facts
           WHERE day BETWEEN ? AND ? AND staff_id IS NOT NULL GROUP BY staff_id) f
         LEFT JOIN staff s ON s.id = f.staff_id ORDER BY f.served DESC`,
      )
      .all(...t.params, fromDay, toDay)
      .map((r) => ({ staffId: r.staff_id, name: r.name ?? r.staff_id, sums: sums(r) }));
  }

  /** Outcomes in [from, to) grouped by product, campaign, staff or the customer's tier. */
  outcomes(from: number, to: number, by: 'product' | 'campaign' | 'staff' | 'tier'): OutcomeCount[] {
    const sql =
      by === 'tier'
        ? `SELECT c.tier AS key, o.outcome, count(*) AS n FROM suggestion_outcomes o
           JOIN customers c ON c.id = o.customer_id WHERE o.at >= ? AND o.at < ? GROUP BY 1, 2`
        : `SELECT ${by === 'product' ? 'product_code' : by === 'campaign' ? 'campaign_id' : 'staff_id'} AS key,
             outcome, count(*) AS n FROM suggestion_outcomes WHERE at >= ? AND at < ? GROUP BY 1, 2`;
    return this.db.prepare<[number, number], OutcomeCount>(sql).all(from, to);
  }

  /** Complaints opened in [from, to): their category and time. */
  complaints(from: number, to: number): { category: string; createdAt: number }[] {
    return this.db
      .prepare<[number, number], { category: string; createdAt: number }>(
        `SELECT category, created_at AS createdAt FROM complaints WHERE created_at >= ? AND created_at < ?`,
      )
      .all(from, to);
  }

  /** Open complaints past their deadline now (any age), and how many in [from, to) were resolved late. */
  overdue(
    now: number,
    from: number,
    to: number,
  ): {
    open: {
      id: string;
      category: string;
      status: string;
      createdAt: number;
      deadlineAt: number;
      resolvedAt: number | null;
    }[];
    resolvedLate: number;
  } {
    const open = this.db
      .prepare<
        [number],
        {
          id: string;
          category: string;
          status: string;
          createdAt: number;
          deadlineAt: number;
          resolvedAt: null;
        }
      >(
        `SELECT id, category, status, created_at AS createdAt, deadline_at AS deadlineAt, resolved_at AS resolvedAt
         FROM complaints WHERE status != 'resolved' AND deadline_at < ? ORDER BY deadline_at LIMIT 500`,
      )
      .all(now);
    const late = this.db
      .prepare<[number, number], { n: number }>(
        `SELECT count(*) AS n FROM complaints WHERE created_at >= ? AND created_at < ?
           AND resolved_at IS NOT NULL AND resolved_at > deadline_at`,
      )
      .get(from, to);
    return { open, resolvedLate: late?.n ?? 0 };
  }

  /** The dates of the balance snapshots the imports kept (aum_snapshots.as_of), oldest first. */
  snapshotDates(): number[] {
    return this.db
      .prepare<[], { as_of: number }>('SELECT DISTINCT as_of FROM aum_snapshots ORDER BY as_of')
      .all()
      .map((r) => r.as_of);
  }

  /** Customers by tier at snapshot `a` and at snapshot `b` (both present). */
  migration(a: number, b: number): { from: string; to: string; n: number }[] {
    return this.db
      .prepare<[number, number], { from: string; to: string; n: number }>(
        `SELECT s1.tier AS "from", s2.tier AS "to", count(*) AS n FROM aum_snapshots s1
         JOIN aum_snapshots s2 ON s2.customer_id = s1.customer_id AND s2.as_of = ?
         WHERE s1.as_of = ? GROUP BY 1, 2`,
      )
      .all(b, a);
  }
}
