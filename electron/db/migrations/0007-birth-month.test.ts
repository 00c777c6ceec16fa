import Database from 'better-sqlite3';
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, Store } from '../connection';
import { migrationProvider } from './index';

// A hub upgraded in place holds full birth dates beside masked IDs: the upgrade keeps only the year and month.
describe('0007-birth-month', () => {
  it('reduces every stored birth date to its year and month and keeps no full date', async () => {
    const store = new Store(new Database(':memory:'));
    const migrator = new Migrator({ db: store.k, provider: migrationProvider });
    expect((await migrator.migrateTo('0006-headoffice')).error).toBeUndefined();
    const db = store.sqlite;
    const insert = db.prepare(
      `INSERT INTO customers (id, customer_no, kind, name, id_masked, birth_date, segments, lifecycle, relationship_type, tier, aum_fen, created_at, updated_at)
       VALUES (?, ?, 'individual', '张三', ?, ?, '[]', 'active', 'ordinary', 'effective', 0, 1, 1)`,
    );
    insert.run('c1', 'C0001', '330106********0313', '1973-05-12');
    insert.run('c2', 'C0002', null, null);

    await migrateToLatest(store);

    expect(db.prepare(`SELECT id, birth_month FROM customers ORDER BY id`).all()).toEqual([
      { id: 'c1', birth_month: '1973-05' },
      { id: 'c2', birth_month: null },
    ]);
    expect(db.prepare(`SELECT count(*) n FROM customers WHERE birth_date IS NOT NULL`).get()).toEqual({
      n: 0,
    });
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
  });
});
