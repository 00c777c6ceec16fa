import type { RulesConfig } from '@shared/config/schema';
import { DAY_MS } from '@shared/outreach/rules';
import type { Store } from '../connection';
import { SHOWCASE } from './showcase';

/** Every this-many-th valuable customer is left without an owner: the manager's 待分配客户 has work in it. */
const UNOWNED_EVERY = 8;
const SHOWCASE_NOS = new Set<string>(Object.values(SHOWCASE).map((c) => c.customerNo));
/** The book was handed out this long ago (or when the customer opened, if later): the contact log has a past. */
export const OWNED_FOR_DAYS = 200;

/**
 * 专属客户经理 of a demo branch that has been running: the valuable customers (the owned tiers and corporate grades
 * of the rules) belong to the branch's RMs in turn, as the bank's book file would have them (`source` 'import').
 * The top customers (私行, strategic corporates) have the branch manager as backup. One in eight stays unowned, as
 * customers who have just moved up would be, so the manager's unowned list and the outreach's 未分配 view are not
 * empty; the showcase customers are always owned (the tour's 私行 walk-in tells their RM). Without it an RM opening
 * the demo found an empty book and outreach list, and no walk-in ever told its owner. The book was handed out
 * OWNED_FOR_DAYS ago (seedContacts writes the calls since); the showcase customers' today, their clean slate.
 * Deterministic: by customer number. How many were given an owner.
 */
export function seedOwners(store: Store, rules: RulesConfig, now: number): number {
  const db = store.sqlite;
  const staff = db
    .prepare<[], { id: string; role: string }>(
      `SELECT id, role FROM staff WHERE active = 1 AND role IN ('rm', 'manager') ORDER BY username`,
    )
    .all();
  const rms = staff.filter((s) => s.role === 'rm').map((s) => s.id);
  const manager = staff.find((s) => s.role === 'manager')?.id ?? null;
  const owners = rms.length > 0 ? rms : manager ? [manager] : [];
  if (owners.length === 0) return 0;
  const { ownedTiers, ownedCorporateGrades } = rules.outreach;
  const inList = (n: number) => Array.from({ length: n }, () => '?').join(', ') || 'NULL';
  const valuable = db
    .prepare<
      string[],
      { id: string; customer_no: string; tier: string; corporate_grade: string | null; created_at: number }
    >(
      `SELECT id, customer_no, tier, corporate_grade, created_at FROM customers
       WHERE (kind = 'individual' AND tier IN (${inList(ownedTiers.length)}))
          OR (kind = 'corporate' AND corporate_grade IN (${inList(ownedCorporateGrades.length)}))
       ORDER BY customer_no`,
    )
    .all(...ownedTiers, ...ownedCorporateGrades);
  const insert = db.prepare<[string, string, string | null, number]>(
    `INSERT INTO customer_owners (customer_id, owner_id, backup_id, source, assigned_by, assigned_at)
     VALUES (?, ?, ?, 'import', NULL, ?)`,
  );
  let given = 0;
  store.tx(() => {
    valuable.forEach((c, i) => {
      const showcase = SHOWCASE_NOS.has(c.customer_no);
      if (!showcase && i % UNOWNED_EVERY === UNOWNED_EVERY - 1) return;
      const owner = owners[given % owners.length] as string;
      const top = c.tier === 'private' || c.corporate_grade === 'strategic';
      const since = showcase ? now : Math.min(now, Math.max(c.created_at, now - OWNED_FOR_DAYS * DAY_MS));
      insert.run(c.id, owner, top && manager !== owner ? manager : null, since);
      given++;
    });
  });
  return given;
}
