import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './connection';

const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe('customers linked to a company (migration 0030)', () => {
  it('are found through an index, not a scan of every customer', async () => {
    const store = await openStore(':memory:');
    stores.push(store);
    const plan = store.sqlite
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM customers WHERE linked_customer_id = ?')
      .all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX customers_linked/);
  });
});
