import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withIndexesRebuilt } from './import-bulk';
import { ImportSql } from './import-sql';

function db(): { db: Database.Database; q: ImportSql } {
  const d = new Database(':memory:');
  d.exec(`CREATE TABLE c (id INTEGER PRIMARY KEY, name TEXT, tier TEXT, aum INTEGER);
    CREATE INDEX c_name ON c (name); CREATE INDEX c_tier ON c (tier); CREATE INDEX c_aum ON c (aum);
    CREATE TABLE stale (n INTEGER); INSERT INTO stale VALUES (1), (2);
    CREATE TABLE fired (n INTEGER);
    CREATE TRIGGER c_tier_stale AFTER UPDATE OF tier ON c WHEN OLD.tier IS NOT NEW.tier BEGIN
      DELETE FROM stale; INSERT INTO fired VALUES (1);
    END;`);
  const ins = d.prepare('INSERT INTO c (name, tier, aum) VALUES (?, ?, ?)');
  for (let i = 0; i < 50; i++) ins.run(`n${i}`, 'low', i);
  return { db: d, q: new ImportSql(d) };
}
const objects = (d: Database.Database) =>
  d.prepare(`SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name`).all();
const count = (d: Database.Database, sql: string) => d.prepare(sql).pluck().get() as number;

describe('bulk apply helpers', () => {
  it('rebuilds only the indexes on the updated columns, and puts every one back', () => {
    const { db: d, q } = db();
    const before = objects(d);
    let during: string[] = [];
    withIndexesRebuilt(
      q,
      'c',
      true,
      () => {
        during = d.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all() as string[];
        d.exec(`UPDATE c SET tier = 'high', aum = aum + 1`);
      },
      ['tier', 'aum'],
    );
    expect(during).toEqual(['c_name']);
    expect(objects(d)).toEqual(before);
    expect(count(d, `SELECT count(*) FROM c INDEXED BY c_tier WHERE tier = 'high'`)).toBe(50);
  });

  it('restores the dropped indexes when the transaction fails', () => {
    const { db: d, q } = db();
    const before = objects(d);
    expect(() =>
      d.transaction(() =>
        withIndexesRebuilt(
          q,
          'c',
          true,
          () => {
            d.exec(`UPDATE c SET tier = 'high'`);
            throw new Error('boom');
          },
          ['tier'],
        ),
      )(),
    ).toThrow('boom');
    expect(objects(d)).toEqual(before);
    expect(count(d, 'SELECT count(*) FROM stale')).toBe(2);
  });
});
