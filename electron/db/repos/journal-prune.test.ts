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
