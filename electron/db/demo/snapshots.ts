import type { RulesConfig } from '@shared/config/schema';
import { classifyTier } from '@shared/customer/tier';
import { zonedInstant } from '@shared/import/values';
import { branchDay } from '@shared/queue/numbering';
import { v7 } from 'uuid';
import type { Store } from '../connection';
import { RandomPool } from '../random-pool';
import { BULK_JOURNAL_MIN_ROWS, registerBulkSnapshots } from '../repos/ho-bulk-journal';
import { recordBalanceRuns } from './balance-runs';
import { Rng } from './random';
import { SHOWCASE } from './showcase';

/** Month ends of balance files kept: a year (the tier-migration report compares two; the churn rules read 3 months). */
export const SNAPSHOT_MONTHS = 12;
const SALT = 0x736e6170;
/**
 * How the customers' balances went, by share: most drift a few per cent a month; some fell hard in the last three
 * months (to another bank, a house: the 流失预警 list), some grew past a line (the 跨档 list). Demo figures.
 */
const FALLING = 0.06;
const RISING = 0.06;
const DRIFT_PCT = 3;
const SHOWCASE_NOS = new Set<string>(Object.values(SHOWCASE).map((c) => c.customerNo));

/**
 * The dates of the balance files a branch has imported by `now`: the last `months` month ends before today, then
 * yesterday's (the latest export; 跨档 counts this month's files), each as the instant an import stores (midnight,
 * branch time). Oldest first.
 */
export function balanceFileDates(now: number, months: number, timeZone: string): number[] {
  const [y, m, d] = branchDay(now, timeZone).split('-').map(Number) as [number, number, number];
  const at = (day: Date) =>
    zonedInstant(
      { y: day.getUTCFullYear(), m: day.getUTCMonth() + 1, d: day.getUTCDate(), minutes: 0 },
      timeZone,
    );
  const out: number[] = [];
  // Day 0 of a month is the last day of the one before; Date.UTC carries the years.
  for (let k = months - 1; k >= 0; k--) out.push(at(new Date(Date.UTC(y, m - 1 - k, 0))));
  const yesterday = at(new Date(Date.UTC(y, m - 1, d - 1)));
  if (yesterday !== out.at(-1)) out.push(yesterday);
  return out;
}

/** A factor of about ±`pct` per cent (a sum of uniforms: most months small, a few larger). */
function drift(rng: Rng, pct: number): number {
  const z = rng.next() + rng.next() + rng.next() - 1.5;
  return 1 + (z * 2 * pct) / 100;
}

/**
 * The balance snapshots (aum_snapshots) of a demo branch that has imported its month-end balance file for a year,
 * and yesterday's, as a real one has: without them the tier-migration report, the churn-risk list (流失预警) and the
 * 跨档 list of a fresh `npm run serve` were empty. Each customer's history ends at today's balance and tier (the last import is what the
 * branch shows now) and goes back month by month: a few per cent of drift, or a fall or a rise in the last months.
 * No snapshot before the customer opened; none for a customer with nothing (a balance file lists balances only); the
 * showcase customers keep their clean slate (no list of theirs changes under the tour). Each file is in the import
 * history as the nightly job's run (balance-runs.ts). Deterministic for a seed. How many snapshots were written.
 */
export function seedSnapshots(
  store: Store,
  rules: RulesConfig,
  now: number,
  seed: number,
  bulkMin = BULK_JOURNAL_MIN_ROWS,
): number {
  const bands = rules.customer.tiers;
  const dates = balanceFileDates(now, SNAPSHOT_MONTHS, rules.branch.timezone);
  const rows = store.sqlite
    .prepare<[], { id: string; customer_no: string; aum_fen: number; tier: string; created_at: number }>(
      'SELECT id, customer_no, aum_fen, tier, created_at FROM customers ORDER BY customer_no',
    )
    .all();
  const insert = store.sqlite.prepare<[string, number, number, string, string | null]>(
    'INSERT INTO aum_snapshots (customer_id, as_of, aum_fen, tier, import_id) VALUES (?, ?, ?, ?, ?)',
  );
  // Each date is one balance file's import; a large one is journalled for the head office as one row, as a real
  // import of that size is (import-apply.ts), not a row per snapshot.
  const bulk = rows.filter((c) => c.aum_fen > 0).length >= bulkMin;
  const ids = new RandomPool();
  const importIds = dates.map((d) => v7({ msecs: d, random: ids.take(16) }));
  const perFile = dates.map(() => 0);
  // The files' holding rows (each listed customer's holdings) and those of customers seen for the first time.
  const holdingsOf = new Map(
    store.sqlite
      .prepare<[], [string, number]>('SELECT customer_id, count(*) FROM holdings GROUP BY customer_id')
      .raw()
      .all(),
  );
  const fileRows = dates.map(() => 0);
  const firstSeen = dates.map(() => 0);
  const rng = new Rng();
  const last = dates.length - 1;
  let written = 0;
  store.tx(() => {
    const registered = importIds.map((importId, k) =>
      bulk
        ? registerBulkSnapshots(store.sqlite, {
            importId,
            now,
            asOfMin: dates[k] as number,
            asOfMax: dates[k] as number,
          })
        : null,
    );
    rows.forEach((c, index) => {
      if (c.aum_fen <= 0 || SHOWCASE_NOS.has(c.customer_no)) return;
      rng.reseed(seed, index, SALT);
      const u = rng.next();
      // Between which two files (counted back from yesterday's: 1 is this month's change) the balance fell or rose,
      // and by what factor.
      const turn = 1 + Math.floor(rng.next() * 3);
      const factor =
        u < FALLING ? 0.3 + rng.next() * 0.35 : u < FALLING + RISING ? 1.6 + rng.next() * 1.4 : 1;
      let aum = c.aum_fen;
      const holdings = holdingsOf.get(c.id) ?? 0;
      let first = -1;
      for (let k = last; k >= 0; k--) {
        const asOf = dates[k] as number;
        if (asOf < c.created_at) break;
        const tier = k === last ? c.tier : classifyTier(aum, bands).tier;
        insert.run(c.id, asOf, aum, tier, importIds[k] as string);
        perFile[k] = (perFile[k] ?? 0) + 1;
        fileRows[k] = (fileRows[k] ?? 0) + holdings;
        first = k;
        written++;
        // The balance the month before: this month's undone.
        const step = last - k + 1 === turn ? factor : drift(rng, DRIFT_PCT);
        aum = Math.max(0, Math.round(aum / step));
      }
      if (first >= 0) firstSeen[first] = (firstSeen[first] ?? 0) + holdings;
    });
    registered.forEach((done, k) => done?.(perFile[k] ?? 0));
    recordBalanceRuns(
      store,
      dates
        .map((asOf, k) => ({
          importId: importIds[k] as string,
          asOf,
          rows: fileRows[k] ?? 0,
          firstSeen: firstSeen[k] ?? 0,
        }))
        .filter((_, k) => (perFile[k] ?? 0) > 0),
      { now, seed, timeZone: rules.branch.timezone },
    );
  });
  return written;
}
