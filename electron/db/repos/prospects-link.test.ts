import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, Store } from '../connection';
import type { Prospect } from '../convert/prospects';
import { ProspectRepo } from './prospects';

/** A row of `table` with `values`, every other NOT NULL column without a default filled with a placeholder. */
function insert(store: Store, table: string, values: Record<string, unknown>): void {
  const cols = store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as {
    name: string;
    type: string;
    notnull: number;
    dflt_value: unknown;
  }[];
  const row: Record<string, unknown> = {};
  for (const c of cols) {
    if (c.name in values) row[c.name] = values[c.name];
    else if (c.notnull && c.dflt_value === null) row[c.name] = /INT|REAL/i.test(c.type) ? 0 : 'x';
  }
  const names = Object.keys(row);
  store.sqlite
    .prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    .run(...names.map((n) => row[n]));
}

const prospect = (id: string, phoneHash: string): Prospect => ({
  id,
  name: '王女士',
  phoneHash,
  phoneMasked: '139****5555',
  phoneEnc: null,
  intent: null,
  note: null,
  assigneeId: null,
  dueAt: 1_764_400_000_000,
  status: 'open',
  customerId: null,
  createdBy: 'staff-1',
  createdAt: 1_764_400_000_000,
  updatedAt: 1_764_400_000_000,
  closedAt: null,
});

describe('the link pass of a lookup by phone (unlinkedMatchesOf)', () => {
  it('finds the prospects with the customer’s phone, also when the first lookups found none waiting', async () => {
    const store = new Store(new Database(':memory:'));
    store.sqlite.pragma('foreign_keys = OFF');
    await migrateToLatest(store);
    insert(store, 'customers', { id: 'c1', customer_no: 'C1', phone_hash: 'h-1' });
    insert(store, 'customers', { id: 'c2', customer_no: 'C2', phone_hash: 'h-2' });
    const repo = new ProspectRepo(store);
    expect(repo.unlinkedMatchesOf('c1')).toEqual([]); // none waiting: remembered until a prospect is written
    repo.add(prospect('p1', 'h-1'));
    expect(repo.unlinkedMatchesOf('c1')).toEqual([{ prospectId: 'p1', customerId: 'c1' }]);
    expect(repo.unlinkedMatchesOf('c2')).toEqual([]);
    repo.put({ ...prospect('p1', 'h-1'), customerId: 'c1', status: 'converted' });
    expect(repo.unlinkedMatchesOf('c1')).toEqual([]);
    repo.put({ ...prospect('p1', 'h-1'), customerId: null, status: 'contacted' });
    expect(repo.unlinkedMatchesOf('c1')).toEqual([{ prospectId: 'p1', customerId: 'c1' }]);
  });
});
