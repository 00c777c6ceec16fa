import { sql } from 'kysely';
import type { MetricSums } from '@shared/metrics/definitions';
import type { HeadOfficeDb } from './connection';
import { refreshRollups, type SlTargets } from './history-rollup';
import { HoPeopleRepo } from './people';

export type { SlTargets } from './history-rollup';

/**
 * Reads of the cross-branch history over the fact tables of migration 0003 (history-facts.ts). The sums are the
 * ones shared/metrics' addTicket keeps and the branch's rollups store (electron/db/repos/reports.ts), so
 * figuresOf() gives the branch's own ratios. Every read takes an optional branch id (null: every branch) and
 * answers per branch, so the caller adds up "all branches" and fills the comparison table from one read.
 */

/** Rollup rows summed over a range, under the names SumsRow reads. */
const SUM_ROLLUP = sql`sum(arrived) AS arrived, sum(served) AS served, sum(sl_met) AS sl_met,
  sum(no_shows) AS no_shows, sum(walked_away) AS walked_away, sum(wait_sum) AS wait_sum, sum(wait_n) AS wait_n,
  sum(walk_sum) AS walk_sum, sum(walk_n) AS walk_n, sum(service_sum) AS service_sum, sum(service_n) AS service_n`;

interface SumsRow {
  arrived: number;
  served: number;
  sl_met: number;
  no_shows: number;
  walked_away: number;
  wait_sum: number;
  wait_n: number;
  walk_sum: number;
  walk_n: number;
  service_sum: number;
  service_n: number;
}

const sums = (r: SumsRow): MetricSums => ({
  arrived: Number(r.arrived),
  served: Number(r.served),
  slMet: Number(r.sl_met),
  noShows: Number(r.no_shows),
  walkedAway: Number(r.walked_away),
  waitSum: Number(r.wait_sum),
  waitN: Number(r.wait_n),
  walkSum: Number(r.walk_sum),
  walkN: Number(r.walk_n),
  serviceSum: Number(r.service_sum),
  serviceN: Number(r.service_n),
});

const inBranch = (branchId: string | null) => (branchId === null ? sql`TRUE` : sql`branch_id = ${branchId}`);

export type OutcomeBy = 'product' | 'campaign' | 'staff' | 'tier';

export interface HoOutcomeCount {
  branchId: string;
  key: string;
  outcome: string;
  n: number;
}

export interface HoComplaintRow {
  branchId: string;
  id: string;
  category: string;
  status: string;
  createdAt: number;
  deadlineAt: number;
  resolvedAt: number | null;
}

export class HoHistoryRepo {
  /** Balance snapshots and staff names (migration 0006): the tier migration matrix, the per-staff names. */
  readonly people: HoPeopleRepo;

  constructor(private readonly db: HeadOfficeDb) {
    this.people = new HoPeopleRepo(db);
  }

  async branches(): Promise<{ id: string; code: string; name: string }[]> {
    return this.db.k.selectFrom('branches').select(['id', 'code', 'name']).orderBy('code').execute();
  }

  /** Brings the rollups of the range up to date for these targets and offset (before byDay, byStaff, heat). */
  refresh(
    fromDay: string,
    toDay: string,
    branchId: string | null,
    t: SlTargets,
    offsetMs: number,
  ): Promise<number> {
    return refreshRollups(this.db.k, { fromDay, toDay, branchId }, t, offsetMs);
  }

  /** The measures' sums per branch and branch day of [fromDay, toDay] (rollups: `refresh` first). */
  async byDay(
    fromDay: string,
    toDay: string,
    branchId: string | null,
  ): Promise<{ branchId: string; day: string; sums: MetricSums }[]> {
    const r = await sql<SumsRow & { branch_id: string; day: string }>`
      SELECT branch_id, day, ${SUM_ROLLUP} FROM ho_fact_rollup
      WHERE kind = 'queue' AND day BETWEEN ${fromDay} AND ${toDay} AND ${inBranch(branchId)}
      GROUP BY branch_id, day ORDER BY day, branch_id`.execute(this.db.k);
    return r.rows.map((x) => ({ branchId: x.branch_id, day: x.day, sums: sums(x) }));
  }

  /** The measures' sums per branch and staff member who served (rollups: `refresh` first). */
  async byStaff(
    fromDay: string,
    toDay: string,
    branchId: string | null,
  ): Promise<{ branchId: string; staffId: string; sums: MetricSums }[]> {
    const r = await sql<SumsRow & { branch_id: string; staff_id: string }>`
      SELECT branch_id, key AS staff_id, ${SUM_ROLLUP} FROM ho_fact_rollup
      WHERE kind = 'staff' AND day BETWEEN ${fromDay} AND ${toDay} AND ${inBranch(branchId)}
      GROUP BY branch_id, key`.execute(this.db.k);
    return r.rows.map((x) => ({ branchId: x.branch_id, staffId: x.staff_id, sums: sums(x) }));
  }

  /** Arrivals by local weekday (Monday 0) and hour (rollups: `refresh` first, with the zone's offset). */
  async heat(
    fromDay: string,
    toDay: string,
    branchId: string | null,
  ): Promise<{ dow: number; hour: number; n: number }[]> {
    const r = await sql<{ key: string; n: number }>`
      SELECT key, sum(arrived) AS n FROM ho_fact_rollup
      WHERE kind = 'hour' AND day BETWEEN ${fromDay} AND ${toDay} AND ${inBranch(branchId)}
      GROUP BY key`.execute(this.db.k);
    return r.rows.map((x) => {
      const [dow, hour] = x.key.split(':').map(Number) as [number, number];
      return { dow, hour, n: Number(x.n) };
    });
  }

  /** Outcomes of [from, to) per branch and key; an undo row counts −1 (it cancels the row it names). */
  async outcomes(
    from: number,
    to: number,
    branchId: string | null,
    by: OutcomeBy,
  ): Promise<HoOutcomeCount[]> {
    const key =
      by === 'product'
        ? sql`o.product_code`
        : by === 'campaign'
          ? sql`coalesce(o.campaign_id, '')`
          : by === 'staff'
            ? sql`coalesce(o.staff_id, '')`
            : sql`coalesce(c.tier, snap.tier, '')`;
    // The tier from the head office's customer master; for a branch that sends none (it imports its own customers),
    // the tier of the customer's latest balance snapshot there (migration 0008), as the branch's own report counts it.
    const join =
      by === 'tier'
        ? sql`LEFT JOIN customers c ON c.branch_id = o.branch_id AND c.customer_no = o.customer_no
            LEFT JOIN LATERAL (SELECT s.tier FROM ho_balance_snapshots s
              WHERE s.branch_id = o.branch_id AND s.customer_no = o.customer_no ORDER BY s.as_of DESC LIMIT 1) snap
              ON c.tier IS NULL`
        : sql``;
    const r = await sql<{ branch_id: string; key: string; outcome: string; n: number }>`
      SELECT o.branch_id, ${key} AS key, o.outcome, sum(o.sign) AS n FROM ho_outcome_facts o ${join}
      WHERE o.at >= ${from} AND o.at < ${to} AND ${branchId === null ? sql`TRUE` : sql`o.branch_id = ${branchId}`}
      GROUP BY 1, 2, 3`.execute(this.db.k);
    return r.rows.map((x) => ({ branchId: x.branch_id, key: x.key, outcome: x.outcome, n: Number(x.n) }));
  }

  /** Complaints opened in [from, to). */
  async complaints(
    from: number,
    to: number,
    branchId: string | null,
  ): Promise<{ branchId: string; category: string; createdAt: number }[]> {
    const r = await sql<{ branch_id: string; category: string; created_at: number }>`
      SELECT branch_id, category, created_at FROM ho_complaint_facts
      WHERE created_at >= ${from} AND created_at < ${to} AND ${inBranch(branchId)}`.execute(this.db.k);
    return r.rows.map((x) => ({
      branchId: x.branch_id,
      category: x.category,
      createdAt: Number(x.created_at),
    }));
  }

  /** Open complaints past their deadline now (any age; the 500 oldest deadlines), and the count per branch. */
  async overdue(
    now: number,
    branchId: string | null,
  ): Promise<{ open: HoComplaintRow[]; perBranch: Map<string, number> }> {
    const where = sql`status <> 'resolved' AND deadline_at < ${now} AND ${inBranch(branchId)}`;
    const open = await sql<{
      branch_id: string;
      id: string;
      category: string;
      status: string;
      created_at: number;
      deadline_at: number;
      resolved_at: number | null;
    }>`SELECT branch_id, id, category, status, created_at, deadline_at, resolved_at FROM ho_complaint_facts
      WHERE ${where} ORDER BY deadline_at LIMIT 500`.execute(this.db.k);
    const counts = await sql<{ branch_id: string; n: number }>`
      SELECT branch_id, count(*) AS n FROM ho_complaint_facts WHERE ${where} GROUP BY 1`.execute(this.db.k);
    return {
      open: open.rows.map((x) => ({
        branchId: x.branch_id,
        id: x.id,
        category: x.category,
        status: x.status,
        createdAt: Number(x.created_at),
        deadlineAt: Number(x.deadline_at),
        resolvedAt: x.resolved_at === null ? null : Number(x.resolved_at),
      })),
      perBranch: new Map(counts.rows.map((x) => [x.branch_id, Number(x.n)])),
    };
  }

  /** Complaints opened in [from, to) and resolved after their deadline. */
  async resolvedLate(from: number, to: number, branchId: string | null): Promise<number> {
    const r = await sql<{ n: number }>`
      SELECT count(*) AS n FROM ho_complaint_facts WHERE created_at >= ${from} AND created_at < ${to}
        AND resolved_at IS NOT NULL AND resolved_at > deadline_at AND ${inBranch(branchId)}`.execute(
      this.db.k,
    );
    return Number(r.rows[0]?.n ?? 0);
  }
}
