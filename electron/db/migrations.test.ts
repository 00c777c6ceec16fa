import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appliedMigrations, migrateToLatest, SchemaTooNewError, Store } from './connection';
import { LATEST_SCHEMA_VERSION } from './migrations/index';

describe('migrations', () => {
  it('build every table from an empty database', async () => {
    const store = new Store(new Database(':memory:'));
    expect(appliedMigrations(store.sqlite)).toEqual([]);
    expect(await migrateToLatest(store)).toBe(LATEST_SCHEMA_VERSION);
    const tables = (
      store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    for (const t of [
      'branch',
      'staff',
      'counters',
      'customers',
      'cards',
      'holdings',
      'products',
      'tickets',
      'ticket_events',
      'suggestion_outcomes',
      'follow_ups',
      'audit_log',
      'settings',
    ]) {
      expect(tables).toContain(t);
    }
  });

  it('are idempotent on re-run', async () => {
    const store = new Store(new Database(':memory:'));
    await migrateToLatest(store);
    expect(await migrateToLatest(store)).toBe(LATEST_SCHEMA_VERSION);
  });

  it('refuse a database newer than the code', async () => {
    const store = new Store(new Database(':memory:'));
    await migrateToLatest(store);
    store.sqlite
      .prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-future', '2030-01-01')`)
      .run();
    await expect(migrateToLatest(store)).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('keep the audit log append-only', async () => {
    const store = new Store(new Database(':memory:'));
    await migrateToLatest(store);
    store.sqlite.prepare(`INSERT INTO audit_log (id, at, action, detail) VALUES ('a', 1, 'x', '{}')`).run();
    expect(() => store.sqlite.prepare(`UPDATE audit_log SET action = 'y'`).run()).toThrow(/append-only/);
    expect(() => store.sqlite.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
  });
});
