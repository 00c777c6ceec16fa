import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, Store } from '../connection';
import { SyncJournalRepo } from './sync';

async function journalWith(createdAt: number[]) {
  const store = new Store(new Database(':memory:'));
  await migrateToLatest(store);
  const ins = store.sqlite.prepare(
    `INSERT INTO outbox (id, device_id, branch_code, hlc, kind, entity_id, payload, created_at)
     VALUES (?, 'hub', 'DEMO01', ?, 'audit', ?, '{}', ?)`,
  );
  createdAt.forEach((at, i) => ins.run(`e${i}`, `hlc${i}`, `x${i}`, at));
  const repo = new SyncJournalRepo(store);
  const seqs = () => store.sqlite.prepare('SELECT seq FROM outbox ORDER BY seq').pluck().all() as number[];
  return { repo, seqs };
}

describe('SyncJournalRepo.pruneOld', () => {
  it('removes the oldest rows as a prefix: a younger row stops it, so nothing after the tail is missing', async () => {
    const { repo, seqs } = await journalWith([1, 2, 50, 3, 4, 60]);
    expect(repo.pruneOld(10, 100)).toBe(2);
    expect(seqs()).toEqual([3, 4, 5, 6]);
    expect(repo.tail()).toBe(3);
  });

  it('never removes the newest row (its position is the head), and goes in batches', async () => {
    const { repo, seqs } = await journalWith([1, 2, 3, 4]);
    expect(repo.pruneOld(10, 2)).toBe(2);
    expect(repo.pruneOld(10, 2)).toBe(1);
    expect(repo.pruneOld(10, 2)).toBe(0);
    expect(seqs()).toEqual([4]);
    expect(repo.head()).toBe(4);
  });
});

describe('SyncJournalRepo.pruneApplied', () => {
  const stamp = (wall: number, n: number) => `${String(wall).padStart(13, '0')}:0000:dev${n}`;

  async function appliedWith(rows: { wall: number; appliedAt: number; status: string }[]) {
    const store = new Store(new Database(':memory:'));
    await migrateToLatest(store);
    const ins = store.sqlite.prepare(
      `INSERT INTO applied_events (id, hlc, device_id, kind, entity_id, origin, status, applied_at)
       VALUES (?, ?, 'dev', 'audit', ?, 'remote', ?, ?)`,
    );
    rows.forEach((r, i) => ins.run(`e${i}`, stamp(r.wall, i), `x${i}`, r.status, r.appliedAt));
    const repo = new SyncJournalRepo(store);
    const ids = () => store.sqlite.prepare('SELECT id FROM applied_events ORDER BY id').pluck().all();
    return { repo, ids };
  }

  it('keeps failed events (they are retried), late arrivals of old events and the newest stamp', async () => {
    const { repo, ids } = await appliedWith([
      { wall: 1_000, appliedAt: 1_000, status: 'applied' }, // e0: old, goes
      { wall: 2_000, appliedAt: 2_000, status: 'failed' }, // e1: failed, stays
      { wall: 3_000, appliedAt: 90_000, status: 'applied' }, // e2: made long ago, applied lately: stays
      { wall: 4_000, appliedAt: 4_000, status: 'rejected' }, // e3: old, goes
      { wall: 5_000, appliedAt: 5_000, status: 'applied' }, // e4: the newest stamp, stays
    ]);
    expect(repo.pruneApplied(50_000, 100)).toBe(2);
    expect(ids()).toEqual(['e1', 'e2', 'e4']);
    expect(repo.maxHlc()).toBe(stamp(5_000, 4));
  });

  it('goes oldest first, in batches', async () => {
    const { repo, ids } = await appliedWith(
      [3_000, 1_000, 2_000, 9_000].map((wall) => ({ wall, appliedAt: wall, status: 'applied' })),
    );
    expect(repo.pruneApplied(50_000, 2)).toBe(2);
    expect(ids()).toEqual(['e0', 'e3']);
    expect(repo.pruneApplied(50_000, 2)).toBe(1);
    expect(ids()).toEqual(['e3']);
  });
});

describe('SyncJournalRepo.prunePushed', () => {
  it('removes only what the hub acknowledged before the time, never what waits to go up', async () => {
    const store = new Store(new Database(':memory:'));
    await migrateToLatest(store);
    const ins = store.sqlite.prepare(
      `INSERT INTO outbox (id, device_id, branch_code, hlc, kind, entity_id, payload, created_at, pushed_at)
       VALUES (?, 'term', 'DEMO01', ?, 'audit', ?, '{}', ?, ?)`,
    );
    [
      [1, 2], // pushed long ago: goes
      [3, null], // made long ago, never pushed: stays
      [4, 60], // made long ago, pushed lately: stays
      [70, 71], // recent: stays
    ].forEach(([at, pushed], i) => ins.run(`e${i}`, `hlc${i}`, `x${i}`, at, pushed));
    const repo = new SyncJournalRepo(store);
    expect(repo.prunePushed(50, 100)).toBe(1);
    expect(store.sqlite.prepare('SELECT id FROM outbox ORDER BY seq').pluck().all()).toEqual([
      'e1',
      'e2',
      'e3',
    ]);
  });
});
