import { defaultRulesConfig } from '@shared/config/schema';
import { classifyTier } from '@shared/customer/tier';
import { newId } from '../../electron/db/ids';
import { registerBulkSnapshots } from '../../electron/db/repos/ho-bulk-journal';
import type { Hub } from './headoffice-harness';

const bands = defaultRulesConfig.customer.tiers;

/** A deterministic walk of balances: each customer's AUM (fen) per snapshot, moving at most a band at a time. */
export function balances(seed: number, customers: number, snapshots: number): number[][] {
  let s = seed;
  const rnd = () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const levels = [0, 5_000_00, 30_000_00, 200_000_00, 1_000_000_00, 8_000_000_00];
  return Array.from({ length: customers }, () => {
    let level = Math.floor(rnd() * levels.length);
    return Array.from({ length: snapshots }, () => {
      level = Math.max(0, Math.min(levels.length - 1, level + Math.floor(rnd() * 3) - 1));
      return (levels[level] as number) + Math.floor(rnd() * 1_000_00);
    });
  });
}

/**
 * Balance snapshots as the branch's import writes them (import-apply.ts: upsert by customer and date, the tier by
 * the bank's bands): `aum[i][j]` is the i-th customer's (by customer number) balance at `dates[j]`.
 */
export function writeSnapshots(
  hub: Hub,
  dates: readonly number[],
  aum: number[][],
  opts: { bulk?: boolean } = {},
): void {
  const ids = hub.sql<{ id: string }>('SELECT id FROM customers ORDER BY customer_no').map((r) => r.id);
  const put = hub.store.sqlite.prepare(
    `INSERT INTO aum_snapshots (customer_id, as_of, aum_fen, tier, import_id) VALUES (?,?,?,?,?)
     ON CONFLICT (customer_id, as_of) DO UPDATE SET aum_fen = excluded.aum_fen, tier = excluded.tier,
       import_id = excluded.import_id
     WHERE aum_snapshots.aum_fen <> excluded.aum_fen OR aum_snapshots.tier <> excluded.tier`,
  );
  // With `bulk`, each date is one large import's (journalled as one row, migration 0031); otherwise rows by hand.
  hub.store.tx(() =>
    dates.forEach((asOf, j) => {
      const importId = opts.bulk ? newId() : null;
      const done = importId
        ? registerBulkSnapshots(hub.store.sqlite, { importId, now: Date.now(), asOfMin: asOf, asOfMax: asOf })
        : null;
      let n = 0;
      ids.forEach((id, i) => {
        const fen = aum[i]?.[j];
        if (fen !== undefined) n += put.run(id, asOf, fen, classifyTier(fen, bands).tier, importId).changes;
      });
      done?.(n);
    }),
  );
}
