import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, Store } from '../connection';
import { AuditRepo } from './settings';

const tick = () => new Promise<void>((r) => setImmediate(r));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function setup() {
  const store = new Store(new Database(':memory:'));
  await migrateToLatest(store);
  const audit = new AuditRepo(store);
  const count = () => store.sqlite.prepare(`SELECT count(*) FROM audit_log`).pluck().get() as number;
  const lookup = (i: number) =>
    audit.appendSoon({ at: 1_764_400_000_000 + i, staffId: null, action: 'customer.lookup', detail: { i } });
  return { audit, count, lookup };
}

describe('the lookups audit group commit (appendSoon)', () => {
  it('writes a big group in slices with the event loop turning between them, losing and reordering nothing', async () => {
    const { count, lookup } = await setup();
    for (let i = 0; i < 300; i++) lookup(i); // past GROUP_MAX: written at the next turn, not after 25 ms
    await sleep(0);
    const first = count();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(300); // one slice, not the whole group
    // Full slices follow each other a turn apart; a rest smaller than a slice waits for the next group.
    const seen = new Set<number>([first]);
    for (let turn = 0; turn < 50; turn++) {
      await tick();
      seen.add(count());
    }
    expect(seen.size).toBeGreaterThan(3);
    expect(count()).toBeGreaterThan(300 - 24);
    await sleep(60);
    expect(count()).toBe(300);
  });

  it('writes a small group after the group delay, and flush() writes everything at once', async () => {
    const { audit, count, lookup } = await setup();
    for (let i = 0; i < 5; i++) lookup(i);
    expect(count()).toBe(0);
    await sleep(60); // the group delay (25 ms) has passed: timers fire in order
    expect(count()).toBe(5);
    for (let i = 0; i < 100; i++) lookup(i);
    audit.flush();
    expect(count()).toBe(105);
    await sleep(60); // no timer left behind writes anything twice
    expect(count()).toBe(105);
  });

  it('keeps each row its own time, in order', async () => {
    const { audit, lookup } = await setup();
    for (let i = 0; i < 70; i++) lookup(i);
    await sleep(60);
    audit.flush();
    const store = (audit as unknown as { store: Store }).store;
    const ats = store.sqlite.prepare(`SELECT at FROM audit_log ORDER BY rowid`).pluck().all() as number[];
    expect(ats).toEqual(Array.from({ length: 70 }, (_, i) => 1_764_400_000_000 + i));
  });
});
