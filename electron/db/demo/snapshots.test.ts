import { describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { classifyTier } from '@shared/customer/tier';
import { churnRiskRule, crossedRule } from '@shared/outreach/rules';
import type { BalancePoint, OutreachCustomer } from '@shared/outreach/types';
import type { Store } from '../connection';
import { outreachBaseFromRow, type OutreachBaseRow } from '../convert/outreach';
import { recentImportRuns } from '../repos/imports';
import { ReportRepo } from '../repos/reports';
import { demoBranches } from './branch.fixtures';
import { seedContacts } from './contacts';
import { seedOwners } from './owners';
import { SHOWCASE } from './showcase';
import { balanceFileDates, seedSnapshots, SNAPSHOT_MONTHS } from './snapshots';

const NOW = Date.UTC(2026, 10, 25, 6, 30);
const TZ = defaultRulesConfig.branch.timezone;
const rules = defaultRulesConfig;
const branch = demoBranches(NOW, 1500, 400);

type Row = OutreachBaseRow & { tier: string };
const customers = (s: Store) =>
  s.sqlite.prepare<[], Row>('SELECT * FROM customers ORDER BY customer_no').all();
function histories(s: Store): Map<string, BalancePoint[]> {
  const out = new Map<string, BalancePoint[]>();
  for (const p of s.sqlite
    .prepare<[], { customer_id: string; as_of: number; aum_fen: number; tier: BalancePoint['tier'] }>(
      'SELECT customer_id, as_of, aum_fen, tier FROM aum_snapshots ORDER BY customer_id, as_of',
    )
    .all()) {
    const list = out.get(p.customer_id) ?? [];
    list.push({ asOf: p.as_of, aumFen: p.aum_fen, tier: p.tier });
    out.set(p.customer_id, list);
  }
  return out;
}

describe('balanceFileDates', () => {
  it("gives the last month ends before today and yesterday's, at midnight branch time, across a year end", () => {
    const iso = (t: number) => new Date(t + 8 * 3_600_000).toISOString().replace('T00:00:00.000Z', '');
    expect(balanceFileDates(NOW, 12, TZ).map(iso)).toEqual([
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-24',
    ]);
    // 2026-12-01 00:30 in Beijing is still 30 November in UTC: the branch's day counts, and yesterday was a month end.
    expect(balanceFileDates(Date.UTC(2026, 10, 30, 16, 30), 2, TZ).map(iso)).toEqual([
      '2026-10-31',
      '2026-11-30',
    ]);
  });
});

describe('seedSnapshots', () => {
  it("writes a year of month-end balances per customer, ending at today's balance and tier", async () => {
    const store = await branch();
    const written = seedSnapshots(store, rules, NOW, 7);
    const all = customers(store);
    const h = histories(store);
    expect(written).toBe([...h.values()].reduce((n, l) => n + l.length, 0));
    const showcase = new Set<string>(Object.values(SHOWCASE).map((c) => c.customerNo));
    const ends = balanceFileDates(NOW, SNAPSHOT_MONTHS, TZ);
    for (const c of all) {
      const list = h.get(c.id) ?? [];
      // A customer with nothing, or opened since yesterday's file, is in none.
      if (showcase.has(c.customer_no) || c.aum_fen <= 0 || c.created_at > (ends.at(-1) as number)) {
        expect(list).toEqual([]);
        continue;
      }
      // The last file (yesterday's) is today's balance; none before the customer opened; each tier is its balance's.
      expect(list.at(-1)).toEqual({ asOf: ends.at(-1), aumFen: c.aum_fen, tier: c.tier });
      expect(list.map((p) => p.asOf)).toEqual(ends.slice(ends.length - list.length));
      expect(ends[ends.length - list.length - 1] ?? -Infinity).toBeLessThan(c.created_at);
      for (const p of list.slice(0, -1))
        expect(p.tier).toBe(classifyTier(p.aumFen, rules.customer.tiers).tier);
    }
    // Most customers have the whole year.
    expect(written).toBeGreaterThan(all.length * 6);
  });

  it('gives the churn-risk and crossed lists, and the tier-migration report, something to show', async () => {
    const store = await branch();
    seedSnapshots(store, rules, NOW, 7);
    const h = histories(store);
    const ctx = { now: NOW, timeZone: TZ, tiers: rules.customer.tiers };
    let churn = 0;
    let crossed = 0;
    for (const r of customers(store)) {
      const c: OutreachCustomer = {
        ...outreachBaseFromRow(r),
        history: h.get(r.id) ?? [],
        maturities: [],
        ownedSince: null,
        lastContactAt: null,
        lastContactByRule: {},
      };
      if (churnRiskRule(c, rules.outreach.rules.churnRisk, ctx)) churn++;
      if (crossedRule(c, rules.outreach.rules.crossed, ctx)) crossed++;
    }
    // A branch's day, not its whole book.
    expect(churn).toBeGreaterThan(10);
    expect(churn).toBeLessThan(150);
    expect(crossed).toBeGreaterThan(10);
    expect(crossed).toBeLessThan(150);
    const ends = balanceFileDates(NOW, SNAPSHOT_MONTHS, TZ);
    const moves = new ReportRepo(store).migration(ends.at(-2) as number, ends.at(-1) as number);
    const rank = (t: string) => rules.customer.tiers.findIndex((b) => b.key === t);
    const n = (f: (a: number, b: number) => boolean) =>
      moves.filter((m) => f(rank(m.from), rank(m.to))).reduce((s, m) => s + m.n, 0);
    expect(n((a, b) => b > a)).toBeGreaterThan(0);
    expect(n((a, b) => b < a)).toBeGreaterThan(0);
    expect(n((a, b) => a === b)).toBeGreaterThan(n((a, b) => a !== b) * 10);
  });

  it('is journalled for the head office as its imports would be: per snapshot, or one row a file when large', async () => {
    const count = (s: Store, sql: string) => s.sqlite.prepare(sql).pluck().get() as number;
    const small = await branch();
    const written = seedSnapshots(small, rules, NOW, 7);
    expect(count(small, "SELECT count(*) FROM ho_journal WHERE source = 'aum_snapshots'")).toBe(written);
    expect(count(small, 'SELECT count(*) FROM ho_journal_bulk')).toBe(0);
    // Files of more rows than the bulk threshold (lowered here): one journal row and one registration each.
    const large = await branch();
    const rows = seedSnapshots(large, rules, NOW, 7, 100);
    expect(rows).toBe(written);
    const files = balanceFileDates(NOW, SNAPSHOT_MONTHS, TZ).length;
    expect(count(large, "SELECT count(*) FROM ho_journal WHERE source = 'aum_snapshots'")).toBe(0);
    expect(count(large, "SELECT count(*) FROM ho_journal WHERE source = 'aum_snapshots_bulk'")).toBe(files);
    expect(count(large, 'SELECT count(*) FROM ho_journal_bulk WHERE as_of_min = as_of_max')).toBe(files);
    expect(count(large, 'SELECT sum(rows) FROM ho_journal_bulk')).toBe(rows);
    expect(count(large, 'SELECT count(*) FROM aum_snapshots WHERE import_id IS NULL')).toBe(0);
  });

  it("is in the import history: one nightly run per file, the morning after its date, with that file's rows", async () => {
    const store = await branch();
    const written = seedSnapshots(store, rules, NOW, 7);
    const runs = recentImportRuns(store, 100);
    const dates = balanceFileDates(NOW, SNAPSHOT_MONTHS, TZ);
    expect(runs).toHaveLength(dates.length);
    expect(runs.map((r) => r.file_name)).toContain('客户资产余额_20261031.csv');
    expect(runs[0]?.file_name).toBe('客户资产余额_20261124.csv');
    const perRun = store.sqlite
      .prepare<[], { import_id: string; n: number; holdings: number }>(
        `SELECT s.import_id, count(*) AS n,
           sum((SELECT count(*) FROM holdings h WHERE h.customer_id = s.customer_id)) AS holdings
         FROM aum_snapshots s GROUP BY s.import_id`,
      )
      .all();
    expect(perRun.reduce((sum, r) => sum + r.n, 0)).toBe(written);
    for (const run of runs) {
      const snaps = perRun.find((r) => r.import_id === run.id);
      // Every snapshot belongs to its file's run; a run's rows are the holdings of the customers it lists.
      expect(run.rows).toBe(snaps?.holdings);
      expect(run.inserted + run.updated).toBe(run.rows);
      expect(run.staff_name).toBeNull();
      expect(run.finished_at).toBeLessThan(NOW);
    }
    // Holdings are inserted once, in the file that first lists their customer.
    const listed = store.sqlite
      .prepare('SELECT count(*) FROM holdings WHERE customer_id IN (SELECT customer_id FROM aum_snapshots)')
      .pluck()
      .get();
    expect(runs.reduce((sum, r) => sum + r.inserted, 0)).toBe(listed);
    const finished = runs.map((r) => r.finished_at);
    expect(finished).toEqual([...finished].sort((a, b) => b - a));
  });

  it('is the same history for the same branch and seed', async () => {
    const key = async () => {
      const s = await branch();
      seedSnapshots(s, rules, NOW, 7);
      return s.sqlite
        .prepare<[], { k: string }>(
          `SELECT c.customer_no || ':' || s.as_of || ':' || s.aum_fen AS k FROM aum_snapshots s
           JOIN customers c ON c.id = s.customer_id ORDER BY 1`,
        )
        .pluck()
        .all();
    };
    expect(await key()).toEqual(await key());
  });
});

describe('seedContacts with the balance history', () => {
  it('logs churn-risk calls with the balance of then and, often, why it fell', async () => {
    const store = await branch();
    seedSnapshots(store, rules, NOW, 7);
    seedOwners(store, rules, NOW);
    seedContacts(store, rules, NOW, 7);
    const h = histories(store);
    const calls = store.sqlite
      .prepare<
        [],
        {
          customer_id: string;
          at: number;
          rule: string | null;
          reason: string | null;
          aum_fen: number;
          churn_reason: string | null;
          result: string;
        }
      >('SELECT customer_id, at, rule, reason, aum_fen, churn_reason, result FROM contacts')
      .all();
    const churn = calls.filter((c) => c.rule === 'churnRisk');
    expect(churn.length).toBeGreaterThan(0);
    for (const c of churn) expect(c.reason).toMatch(/^金融资产下降\d+%|^最近一次导入降级/);
    // A reason only where the RM reached a churn risk; some of those have one, from the rules' list.
    const reasons = rules.outreach.churnReasons.map((r) => r.key);
    for (const c of calls.filter((x) => x.churn_reason !== null)) {
      expect(c.rule).toBe('churnRisk');
      expect(c.result).toBe('reached');
      expect(reasons).toContain(c.churn_reason);
    }
    expect(calls.some((c) => c.churn_reason !== null)).toBe(true);
    // Each call notes the balance of the last file before it.
    for (const c of calls) {
      const then = (h.get(c.customer_id) ?? []).filter((p) => p.asOf <= c.at).at(-1);
      if (then) expect(c.aum_fen).toBe(then.aumFen);
    }
  });
});
