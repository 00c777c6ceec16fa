import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATE_SLICE } from '../../electron/app/outreach/lists';
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
});
