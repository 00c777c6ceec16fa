import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './connection';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'planner-stats-'));
  dirs.push(dir);
  return join(dir, 'branch.db');
}

/** Rows of applied_events: a table every install has, with an index on its stamps. */
function addEvents(store: Store, from: number, n: number): void {
  const ins = store.sqlite.prepare(
    `INSERT INTO applied_events (id, hlc, device_id, kind, entity_id, origin, status, applied_at)
     VALUES (?, ?, 'dev', 'audit', 'x', 'remote', 'applied', 1)`,
  );
  store.sqlite.transaction(() => {
    for (let i = from; i < from + n; i++) ins.run(`e${i}`, `h${i % 50}`);
  })();
}

const statOf = (store: Store, table: string) =>
  store.sqlite.prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ? ORDER BY idx').pluck().get(table) as
    string | undefined;

describe('the serving database keeps planner statistics', () => {
  it('analyses a database that has none when the server opens it', async () => {
    const file = dbFile();
    const first = await openStore(file);
    addEvents(first, 0, 2_000);
    first.close();
    const serving = await openStore(file, { serving: true });
    expect(statOf(serving, 'applied_events')).toMatch(/^2000 /);
    serving.close();
  });

  it('brings them up to date hourly for a table that grew since', async () => {
    const store = await openStore(dbFile(), { serving: true });
    addEvents(store, 0, 100);
    store.optimize(true);
    expect(statOf(store, 'applied_events')).toMatch(/^100 /);
    addEvents(store, 100, 5_000);
    store.sqlite.prepare('SELECT id FROM applied_events WHERE hlc = ?').all('h7'); // the server uses the index
    store.optimize();
    expect(statOf(store, 'applied_events')).toMatch(/^5100 /);
    store.close();
  });
});
