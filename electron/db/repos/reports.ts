import type { MetricSums } from '@shared/metrics/definitions';
import type { Store } from '../connection';

/**
 * History reads over ticket_facts (one row per ticket with its measures from shared/metrics, kept in the
 * ticket event's transaction) through its per-day rollups (migration 0020), suggestion_outcomes, complaints and
 * aum_snapshots. The sums are the ones shared/metrics' addTicket keeps, so figuresOf() gives the same ratios as the
 * live dashboard.
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

/** A day's sums as a rollup row stores them (the same as shared/metrics' addTicket keeps), SL against `target`. */
/**
 * An undo is a compensating row (`undoes_id`) with the outcome it cancels: it counts −1, as at the head office.
 * Its staff is who undid it (usually the teller who keyed it, during the visit).
 */
const SIGNED_COUNT = 'sum(CASE WHEN undoes_id IS NULL THEN 1 ELSE -1 END)';
/** Part of each cached day's mark: bumped when the rollup's formulas change, so every cached day is rebuilt. */
const ROLLUP_VERSION = 2;

const ROLLUP_SUMS = (target: string) => `count(*),
  coalesce(sum(outcome = 'served'), 0),
  coalesce(sum(outcome = 'served' AND wait_ms <= ${target}), 0),
  coalesce(sum(outcome = 'no_show'), 0),
  coalesce(sum(outcome = 'walked_away'), 0),
  coalesce(sum(CASE WHEN outcome IN ('served', 'no_show') THEN wait_ms END), 0),
  coalesce(sum(outcome IN ('served', 'no_show') AND wait_ms IS NOT NULL), 0),
  coalesce(sum(CASE WHEN outcome = 'served' THEN walk_ms END), 0),
  coalesce(sum(outcome = 'served' AND walk_ms IS NOT NULL), 0),
  coalesce(sum(CASE WHEN outcome = 'served' THEN service_ms END), 0),
  coalesce(sum(outcome = 'served' AND service_ms IS NOT NULL), 0)`;

/** Rollup rows summed over a range, under the names MetricSums uses. */
const SUM_ROLLUP = `sum(arrived) AS arrived, sum(served) AS served, sum(sl_met) AS slMet, sum(no_shows) AS noShows,
  sum(walked_away) AS walkedAway, sum(wait_sum) AS waitSum, sum(wait_n) AS waitN, sum(walk_sum) AS walkSum,
  sum(walk_n) AS walkN, sum(service_sum) AS serviceSum, sum(service_n) AS serviceN`;

/** The calendar day after `day` (YYYY-MM-DD). */
const next = (day: string): string =>
  new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

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

  /**
   * Brings the rollups of [fromDay, toDay] up to date for these SL targets and zone offset (migration 0020): every
   * day with facts whose mark is missing (written since) or was computed for another `sig` is rebuilt from its facts,
   * in one transaction.
   */
  refresh(fromDay: string, toDay: string, t: TargetSql, offsetMs: number): number {
    const sig = JSON.stringify([ROLLUP_VERSION, t.params, offsetMs]);
    const db = this.db;
    const fresh = new Set(
      db
        .prepare<[string, string, string], { day: string }>(
          'SELECT day FROM fact_rollup_days WHERE day BETWEEN ? AND ? AND sig = ?',
        )
        .all(fromDay, toDay, sig)
        .map((r) => r.day),
    );
    const stale: string[] = [];
    // Every calendar day of the range (an outcome may fall on a day without tickets); a few hundred probes at most.
    for (let day = fromDay; day <= toDay; day = next(day)) if (!fresh.has(day)) stale.push(day);
    if (stale.length === 0) return 0;
    const clear = db.prepare<[string]>('DELETE FROM fact_rollup WHERE day = ?');
    const cols = `(kind, day, key, arrived, served, sl_met, no_shows, walked_away, wait_sum, wait_n, walk_sum, walk_n,
      service_sum, service_n)`;
    const byQueue = db.prepare<unknown[]>(
      `INSERT INTO fact_rollup ${cols} SELECT 'queue', day, queue, ${ROLLUP_SUMS(t.sql)}
       FROM ticket_facts WHERE day = ? GROUP BY queue`,
    );
    const byStaff = db.prepare<unknown[]>(
      `INSERT INTO fact_rollup ${cols} SELECT 'staff', day, staff_id, ${ROLLUP_SUMS(t.sql)}
       FROM ticket_facts WHERE day = ? AND staff_id IS NOT NULL GROUP BY staff_id`,
    );
    const byHour = db.prepare<[number, number, string]>(
      `INSERT INTO fact_rollup ${cols} SELECT 'hour', day, dow || ':' || hour, count(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
       FROM (SELECT day, (CAST((arrived_at + ?) / 86400000 AS INTEGER) + 3) % 7 AS dow,
               CAST((CAST(arrived_at + ? AS INTEGER) % 86400000) / 3600000 AS INTEGER) AS hour
             FROM ticket_facts WHERE day = ?) GROUP BY dow, hour`,
    );
    const clearOutcomes = db.prepare<[string]>('DELETE FROM outcome_rollup WHERE day = ?');
    const outcomes = (['product_code', 'campaign_id', 'staff_id'] as const).map((col) =>
      db.prepare<[string, number, number]>(
        `INSERT INTO outcome_rollup (kind, day, key, outcome, n)
         SELECT '${col}', ?, coalesce(${col}, ''), outcome, ${SIGNED_COUNT} FROM suggestion_outcomes
         WHERE at >= ? AND at < ? GROUP BY 3, 4`,
      ),
    );
    const byTier = db.prepare<[string, number, number]>(
      `INSERT INTO outcome_rollup (kind, day, key, outcome, n)
       SELECT 'tier', ?, coalesce(c.tier, ''), o.outcome, ${SIGNED_COUNT}
       FROM suggestion_outcomes o
       JOIN customers c ON c.id = o.customer_id WHERE o.at >= ? AND o.at < ? GROUP BY 3, 4`,
    );
    const mark = db.prepare<[string, string]>(
      'INSERT INTO fact_rollup_days (day, sig) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET sig = excluded.sig',
    );
    db.transaction(() => {
      for (const day of stale) {
        clear.run(day);
        byQueue.run(...t.params, day);
        byStaff.run(...t.params, day);
        byHour.run(offsetMs, offsetMs, day);
        clearOutcomes.run(day);
        // The branch day's instants (the zone's offset over the range: no daylight saving in China).
        const start = Date.parse(`${day}T00:00:00Z`) - offsetMs;
        for (const o of outcomes) o.run(day, start, start + 86_400_000);
        byTier.run(day, start, start + 86_400_000);
        mark.run(day, sig);
      }
    })();
    return stale.length;
  }

  /** Arrivals by local weekday (Monday 0) and hour, from the rollups `refresh` brought up to date. */
  heat(fromDay: string, toDay: string): { dow: number; hour: number; n: number }[] {
    return this.db
      .prepare<[string, string], { key: string; n: number }>(
        `SELECT key, sum(arrived) AS n FROM fact_rollup WHERE kind = 'hour' AND day BETWEEN ? AND ? GROUP BY key`,
      )
      .all(fromDay, toDay)
      .map((r) => {
        const [dow, hour] = r.key.split(':').map(Number) as [number, number];
        return { dow, hour, n: r.n };
      });
  }

  /** The measures' sums per branch day (rollups: call `refresh` first). */
  byDay(fromDay: string, toDay: string): { day: string; sums: MetricSums }[] {
    return this.db
      .prepare<[string, string], SumsRow & { day: string }>(
        `SELECT day, ${SUM_ROLLUP} FROM fact_rollup WHERE kind = 'queue' AND day BETWEEN ? AND ?
         GROUP BY day ORDER BY day`,
      )
      .all(fromDay, toDay)
      .map((r) => ({ day: r.day, sums: sums(r) }));
  }

  /** The measures' sums per staff member who served (rollups: call `refresh` first). */
  byStaff(fromDay: string, toDay: string): { staffId: string; name: string; sums: MetricSums }[] {
    return this.db
      .prepare<[string, string], SumsRow & { staff_id: string; name: string | null }>(
        `SELECT f.staff_id, s.display_name AS name, f.* FROM (
           SELECT key AS staff_id, ${SUM_ROLLUP} FROM fact_rollup
           WHERE kind = 'staff' AND day BETWEEN ? AND ? GROUP BY key) f
         LEFT JOIN staff s ON s.id = f.staff_id ORDER BY f.served DESC`,
      )
      .all(fromDay, toDay)
      .map((r) => ({ staffId: r.staff_id, name: r.name ?? r.staff_id, sums: sums(r) }));
  }

  /** Outcomes of [fromDay, toDay] per product, campaign ('' for none), staff or the customer's tier (`refresh` first). */
  outcomes(fromDay: string, toDay: string, by: 'product' | 'campaign' | 'staff' | 'tier'): OutcomeCount[] {
    const kind =
      by === 'product'
        ? 'product_code'
        : by === 'campaign'
          ? 'campaign_id'
          : by === 'staff'
            ? 'staff_id'
            : 'tier';
    return this.db
      .prepare<[string, string, string], OutcomeCount>(
        `SELECT key, outcome, sum(n) AS n FROM outcome_rollup WHERE kind = ? AND day BETWEEN ? AND ? GROUP BY 1, 2
         HAVING sum(n) <> 0`,
      )
      .all(kind, fromDay, toDay);
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
