import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PID_FILE, restoreDatabase, writePidFile } from './restore';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'restore-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function makeDb(file: string, value: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v TEXT)');
  db.prepare('INSERT INTO t VALUES (?)').run(value);
  db.close();
}
const valueIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  const v = db.prepare('SELECT v FROM t').pluck().get();
  db.close();
  return v;
};

describe('restoreDatabase', () => {
  it('puts the copy in place and keeps the database it replaced', () => {
    const data = join(dir, 'data');
    makeDb(join(dir, 'copy.db'), 'from the copy');
    mkdirSync(data);
    makeDb(join(data, 'branch.db'), 'current');
    writeFileSync(join(data, 'branch.db-wal'), ''); // a WAL beside it moves with it
    const r = restoreDatabase(data, join(dir, 'copy.db'), Date.UTC(2026, 11, 5, 9, 0));
    expect(r).toEqual({ ok: true, keptAs: join(data, 'branch.db.before-restore-2026-12-05T09-00-00-000Z') });
    expect(readdirSync(data).sort()).toEqual([
      'branch.db',
      'branch.db.before-restore-2026-12-05T09-00-00-000Z',
      'branch.db.before-restore-2026-12-05T09-00-00-000Z-wal',
    ]);
    expect(valueIn(join(data, 'branch.db'))).toBe('from the copy');
    expect(r.ok && r.keptAs && valueIn(r.keptAs)).toBe('current');
  });

  it('refuses while the server runs, and takes a pid file left by a crash for what it is', () => {
    makeDb(join(dir, 'copy.db'), 'x');
    const remove = writePidFile(dir); // this process: alive
    expect(restoreDatabase(dir, join(dir, 'copy.db'))).toMatchObject({ ok: false, code: 'server_running' });
    remove();
    writeFileSync(join(dir, PID_FILE), '99999999'); // no such process
    expect(restoreDatabase(dir, join(dir, 'copy.db'))).toEqual({ ok: true, keptAs: null });
  });

  it('refuses a damaged copy and leaves the database alone', () => {
    makeDb(join(dir, 'branch.db'), 'current');
    writeFileSync(join(dir, 'copy.db'), Buffer.alloc(8192, 7));
    expect(restoreDatabase(dir, join(dir, 'copy.db'))).toMatchObject({ ok: false, code: 'bad_copy' });
    expect(valueIn(join(dir, 'branch.db'))).toBe('current');
    expect(existsSync(join(dir, 'nothing.db'))).toBe(false);
    expect(restoreDatabase(dir, join(dir, 'nothing.db'))).toMatchObject({ ok: false, code: 'no_copy' });
  });

  it('gives the restored database an identity of its own, keeping when the copy was made', () => {
    const data = join(dir, 'data');
    mkdirSync(data);
    const copy = new Database(join(dir, 'copy.db'));
    copy.exec(
      'CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL)',
    );
    const put = copy.prepare('INSERT INTO sync_state VALUES (?, ?, 0)');
    put.run('db_epoch', 'copy-epoch');
    put.run('db_epoch_copied_at', '1000');
    copy.close();
    expect(restoreDatabase(data, join(dir, 'copy.db')).ok).toBe(true);
    const db = new Database(join(data, 'branch.db'), { readonly: true });
    const state = Object.fromEntries(
      (db.prepare('SELECT key, value FROM sync_state').all() as { key: string; value: string }[]).map((r) => [
        r.key,
        r.value,
      ]),
    );
    db.close();
    expect(state.db_epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect(state.db_epoch_copied_at).toBe('1000');
  });
});
