import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATE_SLICE, readInputs, readInputsSliced } from '../../electron/app/outreach/lists';
import { OutreachRepo } from '../../electron/db/repos/outreach';
import { startTestServer, type TestServer } from './harness';

/**
 * The manager's whole-branch outreach list is made a slice of customers at a time: the server keeps answering the
 * lobby, the TV and the counters while it is made (at 100,000 customers it took seconds, all of them on the one
 * thread every request needs).
 */
let s: TestServer;
const manager = { id: 'outreach-sliced-manager', role: 'manager' as const };
const CUSTOMERS = EVALUATE_SLICE * 2 + 500;

beforeAll(async () => {
  s = await startTestServer({ customers: CUSTOMERS });
});
afterAll(async () => {
  await s?.stop();
});

const turn = () => new Promise<void>((r) => setImmediate(r));

describe('the whole-branch outreach list', () => {
  it('lets the event loop turn while it is made, and lists what a single pass lists', async () => {
    const outreach = s.ctx.outreach;
    const first = await outreach.list({ scope: 'all' }, manager);
    let done = false;
    const pending = outreach.list({ scope: 'all' }, manager).then((l) => {
      done = true;
      return l;
    });
    let turns = 0;
    while (!done) {
      await turn();
      turns++;
    }
    // One turn per slice of customers at least: other requests are served between slices.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(CUSTOMERS / EVALUATE_SLICE));
    const again = await pending;
    expect(again.items.map((i) => i.customerId)).toEqual(first.items.map((i) => i.customerId));
    expect(first.items.length).toBeGreaterThan(0);
  });

  it('makes the list once for two identical requests in flight together', async () => {
    const outreach = s.ctx.outreach;
    const [a, b] = await Promise.all([
      outreach.list({ scope: 'all' }, manager),
      outreach.list({ scope: 'all' }, manager),
    ]);
    expect(a).toBe(b);
    // Once answered, the next request makes a fresh list (it is never served from an old one).
    expect(await outreach.list({ scope: 'all' }, manager)).not.toBe(a);
  });

  it('reads the whole branch a page at a time to the same inputs as one read', async () => {
    const repo = new OutreachRepo(s.ctx.store);
    const at = Date.now();
    const db = s.ctx.store.sqlite;
    // Balance history for a few customers, several snapshots each, so pages end inside a customer's history.
    const ids = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 40').pluck().all() as string[];
    const put = db.prepare(
      'INSERT OR REPLACE INTO aum_snapshots (customer_id, as_of, aum_fen, tier, import_id) VALUES (?,?,?,?,NULL)',
    );
    ids.forEach((id, i) => {
      for (let m = 0; m < 1 + (i % 5); m++)
        put.run(id, at - (m + 1) * 30 * 86_400_000, 100_000 * (i + m), 'effective');
    });
    const one = readInputs(repo, null, at, 30);
    const paged = await readInputsSliced(repo, at, 30, 7);
    const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(paged.bases)).toEqual(byId(one.bases));
    expect(paged.bases.length).toBe(CUSTOMERS);
    // Every customer's history, point by point, the same as one read's.
    const withHistory = ids.filter((id) => one.history.get(id));
    expect(withHistory.length).toBe(40);
    for (const b of one.bases) expect(paged.history.get(b.id)).toEqual(one.history.get(b.id));
    expect(paged.maturities).toEqual(one.maturities);
  });
});
