import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupStatus } from '@shared/api/backups';
import { PENDING_FILE } from '../../electron/db/restore';
import { startHub, tempDir, type Node } from './harness';

/**
 * 数据备份 → 恢复此备份, as the desktop app (which has no restore command) does it: the manager asks, the copy
 * replaces the database when the server next starts, and the branch then runs on the copy, with the restore audited
 * there and the replaced database kept beside it.
 */
const dir = tempDir('restore-start-');
let hub: Node;

afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const count = (n: Node, sql: string) => n.ctx.store.sqlite.prepare(sql).pluck().get() as number;

describe('a restore asked for in 数据备份', () => {
  it('is done at the next start, audited in the restored database, and can be called off before', async () => {
    hub = await startHub({ dir, keep: true });
    const manager = await hub.login('manager1');
    // Past noon the schedule may be copying already: stop it (and wait for its copy), then copy now.
    await hub.ctx.backups.stop();
    await hub.ctx.backups.start(null);
    await hub.ctx.backups.stop();
    const st = (await hub.call<BackupStatus>('GET', '/api/backups', undefined, manager)).body;
    const name = st.lastDone?.name ?? '';
    const customers = count(hub, 'SELECT count(*) FROM customers');

    // Bad input is refused in words; a teller may not ask.
    const bad = await hub.call<{ error: { code: string } }>(
      'POST',
      '/api/backups/restore',
      { name: '../branch.db', reason: '硬盘故障' },
      manager,
    );
    expect(bad.status).toBe(400);
    const teller = await hub.login('teller1');
    expect(
      (await hub.call('POST', '/api/backups/restore', { name, reason: '硬盘故障后恢复' }, teller)).status,
    ).toBe(403);
    const missing = await hub.call(
      'POST',
      '/api/backups/restore',
      { name: 'branch-2000-01-01-1200.db', reason: '硬盘故障后恢复' },
      manager,
    );
    expect(missing.status).toBe(404);

    // Asked for, then called off: nothing happens at a restart.
    const asked = await hub.call<BackupStatus>(
      'POST',
      '/api/backups/restore',
      { name, reason: '试一下再取消' },
      manager,
    );
    expect(asked.status).toBe(200);
    expect(asked.body.pendingRestore).toMatchObject({ name, reason: '试一下再取消' });
    // … on every manager's screen until then.
    expect(hub.ctx.syncApp.status(false).backup).toMatchObject({ kind: 'restore_pending', name });
    const off = await hub.call<BackupStatus>('DELETE', '/api/backups/restore', undefined, manager);
    expect(off.body.pendingRestore).toBeNull();
    expect(hub.ctx.syncApp.status(false).backup).toBeNull();
    expect(existsSync(join(hub.dataDir, 'data', PENDING_FILE))).toBe(false);

    // Asked for again; a customer is added after the copy (the restore takes the branch back to before it).
    await hub.call('POST', '/api/backups/restore', { name, reason: '数据库损坏，恢复中午的备份' }, manager);
    hub.ctx.store.sqlite.prepare("UPDATE customers SET name = '改后' WHERE rowid = 1").run();
    const port = Number(new URL(hub.url).port);
    await hub.stop();
    hub = await startHub({ dir, port, keep: true });

    expect(count(hub, 'SELECT count(*) FROM customers')).toBe(customers);
    expect(count(hub, "SELECT count(*) FROM customers WHERE name = '改后'")).toBe(0);
    const audit = hub.ctx.store.sqlite
      .prepare(
        `SELECT action, reason, detail FROM audit_log WHERE action LIKE 'backup.restore%' ORDER BY rowid`,
      )
      .all() as { action: string; reason: string; detail: string }[];
    // The copy was made before the requests: the restored trail holds the restore itself.
    expect(audit.map((a) => a.action)).toEqual(['backup.restored']);
    expect(audit[0]?.reason).toBe('数据库损坏，恢复中午的备份');
    const after = (
      await hub.call<BackupStatus>('GET', '/api/backups', undefined, await hub.login('manager1'))
    ).body;
    expect(after.pendingRestore).toBeNull();
    expect(after.lastRestore).toMatchObject({ name, ok: true });
    expect(
      readdirSync(join(hub.dataDir, 'data')).some((f) => f.startsWith('branch.db.before-restore-')),
    ).toBe(true);

    // Restarting again restores nothing more.
    await hub.stop();
    hub = await startHub({ dir, port, keep: true });
    expect(count(hub, `SELECT count(*) FROM audit_log WHERE action = 'backup.restored'`)).toBe(1);
  }, 90_000);
});
