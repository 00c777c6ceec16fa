import { sql } from 'kysely';
import type { HeadOfficeDb } from './connection';

/**
 * The head office's reads of the balance snapshots and staff members the branches journal (kept by
 * history-people.ts, tables of migration 0006): the tier migration matrix and the per-staff names.
 */
const inBranch = (branchId: string | null) => (branchId === null ? sql`TRUE` : sql`branch_id = ${branchId}`);

export class HoPeopleRepo {
  constructor(private readonly db: HeadOfficeDb) {}

  /** The snapshot dates of one branch or of every branch, oldest first. */
  async snapshotDates(branchId: string | null): Promise<number[]> {
    const r = await sql<{ as_of: number }>`
      SELECT DISTINCT as_of FROM ho_balance_snapshots WHERE ${inBranch(branchId)} ORDER BY as_of`.execute(
      this.db.k,
    );
    return r.rows.map((x) => Number(x.as_of));
  }

  /**
   * Customers by tier at snapshot `a` and at snapshot `b` — the branch's own query (reports.ts migration) within
   * each branch. Across branches a customer is counted once by customer number, even when two branches keep
   * snapshots of them: with the pair of the branch whose snapshot at `b` arrived last (the newest figures).
   */
  async migration(
    a: number,
    b: number,
    branchId: string | null,
  ): Promise<{ from: string; to: string; n: number }[]> {
    const r = await sql<{ from: string; to: string; n: number }>`
      SELECT "from", "to", count(*)::integer AS n FROM (
        SELECT DISTINCT ON (coalesce(s1.customer_no, s1.branch_id || ':' || s1.customer_id))
          s1.tier AS "from", s2.tier AS "to"
        FROM ho_balance_snapshots s1
        JOIN ho_balance_snapshots s2 ON s2.as_of = ${b} AND s2.branch_id = s1.branch_id
          AND s2.customer_id = s1.customer_id
        WHERE s1.as_of = ${a} AND ${branchId === null ? sql`TRUE` : sql`s1.branch_id = ${branchId}`}
        ORDER BY coalesce(s1.customer_no, s1.branch_id || ':' || s1.customer_id), s2.hlc DESC, s2.branch_id
      ) x GROUP BY 1, 2`.execute(this.db.k);
    return r.rows.map((x) => ({ from: x.from, to: x.to, n: Number(x.n) }));
  }

  /** Staff display names by branch id and staff id. */
  async staffNames(branchId: string | null): Promise<Map<string, string>> {
    const r = await sql<{ branch_id: string; staff_id: string; display_name: string }>`
      SELECT branch_id, staff_id, display_name FROM ho_staff WHERE ${inBranch(branchId)}`.execute(this.db.k);
    return new Map(r.rows.map((x) => [`${x.branch_id}:${x.staff_id}`, x.display_name]));
  }
}
