import Database from 'better-sqlite3';
import { Migrator } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { appliedMigrations, migrateToLatest, Store } from './connection';
import { LATEST_SCHEMA_VERSION, migrationProvider, migrations } from './migrations/index';

// A branch PC upgraded in place still holds yesterday's data: every later migration must run over a populated
// first-version database without losing or rewriting rows.
describe('upgrading a populated first-version database', () => {
  it('keeps every row and reaches the latest schema', async () => {
    const store = new Store(new Database(':memory:'));
    const migrator = new Migrator({ db: store.k, provider: migrationProvider });
    const first = await migrator.migrateTo('0001-initial');
    expect(first.error).toBeUndefined();
    expect(appliedMigrations(store.sqlite)).toEqual(['0001-initial']);

    const db = store.sqlite;
    db.prepare(
      `INSERT INTO branch (id, code, name, timezone, created_at) VALUES ('b1', '0101', '测试支行', 'Asia/Shanghai', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO customers (id, customer_no, kind, name, segments, lifecycle, relationship_type, tier, aum_fen, created_at, updated_at)
       VALUES ('c1', 'C0001', 'individual', '张三', '["elderly"]', 'active', 'ordinary', 'effective', 5000000, 1, 1)`,
    ).run();
    db.prepare(
      `INSERT INTO tickets (id, branch_day, queue, number, display_no, channel, status, arrived_at, updated_at)
       VALUES ('t1', '2026-11-20', 'individual', 1, 'A001', 'counter', 'done', 1, 1)`,
    ).run();
    db.prepare(`INSERT INTO audit_log (id, at, action, detail) VALUES ('a1', 1, 'login', '{}')`).run();

    expect(await migrateToLatest(store)).toBe(LATEST_SCHEMA_VERSION);
    expect(appliedMigrations(store.sqlite).length).toBeGreaterThan(1);
    expect(db.prepare(`SELECT name, aum_fen, segments FROM customers WHERE id = 'c1'`).get()).toEqual({
      name: '张三',
      aum_fen: 5000000,
      segments: '["elderly"]',
    });
    expect(db.prepare(`SELECT display_no, status FROM tickets WHERE id = 't1'`).get()).toEqual({
      display_no: 'A001',
      status: 'done',
    });
    expect(db.prepare(`SELECT count(*) AS n FROM audit_log`).get()).toEqual({ n: 1 });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });
});

describe('starting on a database that has its migrations', () => {
  it('does not start the Migrator when every migration is applied (every start of an up-to-date branch)', async () => {
    const store = new Store(new Database(':memory:'));
    await migrateToLatest(store);
    const run = vi.spyOn(Migrator.prototype, 'migrateToLatest');
    try {
      expect(await migrateToLatest(store)).toBe(LATEST_SCHEMA_VERSION);
      expect(run).not.toHaveBeenCalled();
    } finally {
      run.mockRestore();
    }
  });

  it('still runs one that landed below the applied ones (numbers are handed out in parallel)', async () => {
    const store = new Store(new Database(':memory:'));
    const late = '0028-contacts-at-index';
    const without = Object.fromEntries(Object.entries(migrations).filter(([n]) => n !== late));
    const first = await new Migrator({
      db: store.k,
      provider: { getMigrations: async () => without },
    }).migrateToLatest();
    expect(first.error).toBeUndefined();
    expect(appliedMigrations(store.sqlite)).not.toContain(late);
    expect(appliedMigrations(store.sqlite).at(-1)).toBe(LATEST_SCHEMA_VERSION);

    expect(await migrateToLatest(store)).toBe(LATEST_SCHEMA_VERSION);
    expect(appliedMigrations(store.sqlite)).toContain(late);
    const index = store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'contacts_at'`).get();
    expect(index).toEqual({ name: 'contacts_at' });
  });
});
