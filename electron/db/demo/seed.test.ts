import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { openStore, type Store } from '../connection';
import { Pii, testKeys } from '../pii';
import { seedBranch, seedCustomers } from './seed';

const NOW = Date.UTC(2026, 10, 20, 4, 0);
const pii = new Pii(testKeys());
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

let dropped = 0;
async function seeded(count: number, bulkMin: number): Promise<Store> {
  const store = await openStore(':memory:');
  stores.push(store);
  seedBranch(store, defaultRulesConfig, 'x', NOW);
  const exec = vi.spyOn(store.sqlite, 'exec');
  const n = seedCustomers(store, pii, defaultRulesConfig, { count, seed: 7, now: NOW, batch: 100, bulkMin });
  dropped = exec.mock.calls.filter(([sql]) => /^DROP INDEX/i.test(sql)).length;
  exec.mockRestore();
  expect(n).toBe(count);
  return store;
}

/** Everything but the random ids and ciphertexts, keyed by customer number. */
function content(store: Store): unknown[] {
  return store.sqlite
    .prepare(
      `SELECT c.customer_no, c.name, c.id_hash, c.phone_hash, c.aum_fen, c.tier, c.lifecycle, l.customer_no AS linked,
         (SELECT group_concat(card_hash, ',') FROM (SELECT card_hash FROM cards WHERE customer_id = c.id ORDER BY 1)) AS cards,
         (SELECT group_concat(product_type || ':' || balance_fen, ',') FROM
           (SELECT product_type, balance_fen FROM holdings WHERE customer_id = c.id ORDER BY 1, 2)) AS holdings
       FROM customers c LEFT JOIN customers l ON l.id = c.linked_customer_id ORDER BY c.customer_no`,
    )
    .all();
}

const indexes = (store: Store) =>
  store.sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('customers', 'cards', 'holdings') ORDER BY name`,
    )
    .all();

describe('seedCustomers', () => {
  it('bulk path (indexes dropped and rebuilt, one transaction) seeds the same branch as the batched path', async () => {
    const batched = await seeded(400, Infinity);
    expect(dropped).toBe(0);
    const bulk = await seeded(400, 100);
    expect(dropped).toBe(9); // customers ×6 (… by AUM, 0022; linked, 0030), cards, holdings ×2 (by customer; by maturity, 0015)
    expect(content(bulk)).toEqual(content(batched));
    expect(indexes(bulk)).toEqual(indexes(batched));
    expect(bulk.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(bulk.sqlite.pragma('foreign_key_check')).toEqual([]);
    // Some customers are linked (公私联动), so the links were set after the rows existed.
    expect(
      bulk.sqlite
        .prepare('SELECT count(*) FROM customers WHERE linked_customer_id IS NOT NULL')
        .pluck()
        .get(),
    ).toBeGreaterThan(0);
  });

  it('never drops indexes under a branch that already has customers', async () => {
    const store = await seeded(50, Infinity);
    const exec = vi.spyOn(store.sqlite, 'exec');
    // The generator numbers customers from the start again: the second seed fails on the first row.
    expect(() =>
      seedCustomers(store, pii, defaultRulesConfig, { count: 200, seed: 8, now: NOW, bulkMin: 10 }),
    ).toThrow(/UNIQUE/);
    expect(exec.mock.calls.filter(([sql]) => /DROP INDEX/i.test(sql))).toEqual([]);
    exec.mockRestore();
  });
});
