import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupStatus } from '@shared/api/backups';
import { checkCopy } from '../../electron/db/backup';
import { patchBranchSettings, startTestServer, type TestServer } from './harness';

/** 2026-12-05 20:30 in Beijing: past the default backup hour (12). */
let clock = Date.UTC(2026, 11, 5, 12, 30);
let s: TestServer;
let manager: string;

beforeAll(async () => {
  s = await startTestServer({ now: () => clock, customers: 400 });
  manager = await s.login('manager1');
});
afterAll(async () => {
  await s.stop();
});

async function status(token = manager): Promise<BackupStatus> {
  const res = await s.get('/api/backups', token);
  if (res.status !== 200) throw new Error(`GET /api/backups: ${res.status} ${await res.text()}`);
  return (await res.json()) as BackupStatus;
}

async function finished(): Promise<BackupStatus> {
  for (let i = 0; i < 400; i++) {
    const st = await status();
    if (!st.running) return st;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('backup did not finish');
}

describe('database backups at the hub', () => {
  it('copies the database now, in the background, as a whole sound database; audited', async () => {
    const res = await s.post('/api/backups', {}, manager);
    expect(res.status).toBe(202);
    const st = await finished();
    expect(st.lastError).toBeNull();
    expect(st.lastDone?.name).toBe('branch-2026-12-05-2030.db');
    expect(st.files.map((f) => f.name)).toEqual(['branch-2026-12-05-2030.db']);
    const copy = join(st.dir, 'branch-2026-12-05-2030.db');
    expect(checkCopy(copy)).toEqual({ ok: true });
    const db = new Database(copy, { readonly: true });
    const n = (d: Database.Database) => d.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    expect(n(db)).toBe(n(s.store.sqlite));
    // The copy is a database of its own: a hub started on it is known to its terminals as gone back to it.
    const state = (d: Database.Database) =>
      Object.fromEntries(
        (
          d.prepare(`SELECT key, value FROM sync_state WHERE key LIKE 'db_epoch%'`).all() as {
            key: string;
            value: string;
          }[]
        ).map((r) => [r.key, r.value]),
      );
    const copied = state(db);
    expect(copied.db_epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect(copied.db_epoch).not.toBe(state(s.store.sqlite).db_epoch);
    expect(Number(copied.db_epoch_copied_at)).toBe(st.lastDone?.at); // the clock stands still here
    expect(Number(copied.db_epoch_copy_seq)).toBe(s.ctx.sync.journal.head());
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(readdirSync(st.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const audit = s.store.sqlite
      .prepare(`SELECT staff_id, target_id FROM audit_log WHERE action = 'backup.created'`)
      .all() as { staff_id: string; target_id: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target_id).toBe('branch-2026-12-05-2030.db');
  });

  it('is for the manager and the admin; one copy at a time', async () => {
    const teller = await s.login('teller1');
    expect((await s.get('/api/backups', teller)).status).toBe(403);
    expect((await s.post('/api/backups', {}, teller)).status).toBe(403);
    clock += 60_000;
    void s.ctx.backups.start(null);
    const second = await s.post('/api/backups', {}, manager);
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('backup_running');
    await finished();
  });

  it('keeps the newest copies the branch asks for, leaving other files alone', async () => {
    expect((await patchBranchSettings(s, manager, { backupKeep: 2 }, 'test: keep 2')).status).toBe(200);
    const dir = (await status()).dir;
    writeFileSync(join(dir, 'branch-2026-11-30-2000.db'), 'old');
    writeFileSync(join(dir, 'notes.txt'), 'kept: not a copy');
    clock += 60_000;
    expect((await s.post('/api/backups', {}, manager)).status).toBe(202);
    const st = await finished();
    expect(st.files.map((f) => f.name)).toEqual(['branch-2026-12-05-2032.db', 'branch-2026-12-05-2031.db']);
    expect(readdirSync(dir)).toContain('notes.txt');
  });

  // The clock jumps by hours here (sessions would lock), so the app is asked directly.
  it('the schedule copies once a branch day, from the backup hour on', async () => {
    const dir = (await s.ctx.backups.status()).dir;
    const before = readdirSync(dir).length;
    const last = async () => (await s.ctx.backups.status()).lastDone?.name;
    // Today's copies exist: nothing to do.
    s.ctx.backups.schedule(3_600_000);
    await s.ctx.backups.stop(); // waits for the look at the folder, and a copy if one was started
    expect(await last()).toBe('branch-2026-12-05-2032.db');
    // The next branch day, before the hour: nothing; at 12:05: a copy.
    clock = Date.UTC(2026, 11, 6, 3, 0); // 11:00
    s.ctx.backups.schedule(3_600_000);
    await s.ctx.backups.stop();
    expect(await last()).toBe('branch-2026-12-05-2032.db');
    clock = Date.UTC(2026, 11, 6, 4, 5); // 12:05
    s.ctx.backups.schedule(3_600_000);
    await s.ctx.backups.stop();
    const st = await s.ctx.backups.status();
    expect(st.lastDone?.name).toBe('branch-2026-12-06-1205.db');
    expect(readdirSync(dir).length).toBe(before); // kept 2: one new, one pruned
  });

  // The server starts its schedule with a first delay (start.ts), so the look is not in the way of its first requests.
  it('with a first delay the schedule looks only once it has passed, and a stop before then leaves nothing behind', async () => {
    const last = async () => (await s.ctx.backups.status()).lastDone?.name;
    clock = Date.UTC(2026, 11, 7, 4, 10); // 12:10 the next branch day: a copy is due
    s.ctx.backups.schedule(3_600_000, 50);
    await s.ctx.backups.stop();
    await new Promise((r) => setTimeout(r, 120));
    expect(await last()).toBe('branch-2026-12-06-1205.db'); // stopped before its first look: no copy
    s.ctx.backups.schedule(3_600_000, 50);
    expect(await last()).toBe('branch-2026-12-06-1205.db');
    await new Promise((r) => setTimeout(r, 120));
    await s.ctx.backups.stop(); // waits for the copy the first look started
    expect(await last()).toBe('branch-2026-12-07-1210.db');
  });

  it('a failed copy is told on the manager’s banner, and a good one clears it', async () => {
    const dir = (await s.ctx.backups.status()).dir;
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'a file where the folder should be');
    await s.ctx.backups.start(null);
    await s.ctx.backups.stop();
    const failed = s.ctx.syncApp.status(false).backup;
    expect(failed).toMatchObject({ kind: 'failed' });
    expect(failed?.kind === 'failed' && failed.message).toMatch(/EEXIST|ENOTDIR/);
    expect(
      s.store.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'backup.failed'`).pluck().get(),
    ).toBe(1);
    rmSync(dir, { force: true });
    await s.ctx.backups.start(null);
    await s.ctx.backups.stop();
    expect(s.ctx.syncApp.status(false).backup).toBeNull();
  });

  it('checks the disk first: a copy that would leave less than the space kept free is not made', async () => {
    manager = await s.login('manager1'); // the clock moved on by days above
    const before = await status();
    expect(before.freeBytes).toBeGreaterThan(0);
    expect(before.minFreeMb).toBe(1024);
    // More than this machine's disk has free: nothing may be written, nothing removed.
    const huge = Math.ceil((before.freeBytes ?? 0) / 1024 / 1024) + 1024;
    expect((await patchBranchSettings(s, manager, { backupMinFreeMb: huge }, 'test: room')).status).toBe(200);
    const files = before.files.map((f) => f.name);
    await s.ctx.backups.start(null);
    await s.ctx.backups.stop();
    const st = await status();
    expect(st.lastError?.message).toContain('磁盘空间不足');
    expect(st.lastError?.message).toContain('Not enough disk space');
    expect(st.files.map((f) => f.name)).toEqual(files);
    expect(readdirSync(st.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(s.ctx.syncApp.status(false).backup).toMatchObject({ kind: 'failed' });
    expect((await patchBranchSettings(s, manager, { backupMinFreeMb: 1024 }, 'test: room back')).status).toBe(
      200,
    );
    await s.ctx.backups.start(null);
    await s.ctx.backups.stop();
    expect((await status()).lastError).toBeNull();
  });
});
