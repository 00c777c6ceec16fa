import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkLoadJournal, openStore, type Store } from './connection';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulk-journal-'));
  store = await openStore(join(dir, 'branch.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const mode = (db: Database.Database) => db.pragma('journal_mode', { simple: true });

describe('bulkLoadJournal', () => {
  it('switches a database it has alone to a rollback journal, and back to WAL', () => {
    const restore = bulkLoadJournal(store);
    expect(restore).not.toBeNull();
    expect(mode(store.sqlite)).toBe('delete');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    store.tx(() =>
      store.sqlite.prepare(`INSERT INTO settings (version, config, created_at) VALUES (1, '{}', 0)`).run(),
    );
    restore?.();
    expect(mode(store.sqlite)).toBe('wal');
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL again
    const other = new Database(join(dir, 'branch.db'), { readonly: true });
    expect(other.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
    other.close();
  });

  it('leaves WAL alone, without waiting, while another connection (the server) has the database open', () => {
    const server = new Database(join(dir, 'branch.db'));
    server.pragma('busy_timeout = 5000');
    expect(server.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
    const t0 = performance.now();
    expect(bulkLoadJournal(store)).toBeNull();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(mode(store.sqlite)).toBe('wal');
    // The load still works, through the WAL, and the other connection sees it.
    store.tx(() =>
      store.sqlite.prepare(`INSERT INTO settings (version, config, created_at) VALUES (1, '{}', 0)`).run(),
    );
    expect(server.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
    server.close();
  });
});
