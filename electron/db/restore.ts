import {
  chmodSync,
  copyFileSync,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkCopy } from './backup';
import { IDENTITY_KEYS } from './repos/sync';

/** The running server's process id, in its data folder while it runs (restore refuses to replace an open database). */
export const PID_FILE = 'server.pid';

export function writePidFile(dataDir: string): () => void {
  const file = join(dataDir, PID_FILE);
  writeFileSync(file, String(process.pid), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}

function serverRunning(dataDir: string): number | null {
  const file = join(dataDir, PID_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return pid;
  } catch {
    return null; // left behind by a crash
  }
}

export type RestoreResult =
  | { ok: true; keptAs: string | null }
  | { ok: false; code: 'server_running' | 'bad_copy' | 'no_copy'; message: string };

/**
 * Puts a backup copy in place of the branch database, with the server stopped. The database it replaces is kept
 * beside it (`branch.db.before-restore-<time>`, with its WAL), never deleted: a restore can be undone by hand.
 */
export function restoreDatabase(dataDir: string, copy: string, now = Date.now()): RestoreResult {
  if (!existsSync(copy)) return { ok: false, code: 'no_copy', message: `no such file: ${copy}` };
  const pid = serverRunning(dataDir);
  if (pid !== null)
    return {
      ok: false,
      code: 'server_running',
      message: `the branch server is running (pid ${pid}): stop it first (if it is not, delete ${join(dataDir, PID_FILE)})`,
    };
  const check = checkCopy(copy);
  if (!check.ok)
    return { ok: false, code: 'bad_copy', message: `the copy is not a sound database: ${check.problem}` };
  const db = join(dataDir, 'branch.db');
  let keptAs: string | null = null;
  if (existsSync(db)) {
    keptAs = `${db}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    for (const ext of ['', '-wal', '-shm']) if (existsSync(db + ext)) renameSync(db + ext, keptAs + ext);
  }
  copyFileSync(copy, db);
  chmodSync(db, 0o600);
  freshIdentity(db);
  return { ok: true, keptAs };
}

/**
 * The restored database gets an identity of its own, keeping the copy's time and journal end: the same copy restored
 * twice is still a going back for the terminals that met it after the first time (shared/sync/hub-identity.ts).
 */
function freshIdentity(file: string): void {
  const db = new Database(file);
  try {
    const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'`).get();
    if (has)
      db.prepare('UPDATE sync_state SET value = ? WHERE key = ?').run(randomUUID(), IDENTITY_KEYS.epoch);
  } finally {
    db.close();
  }
}

/** A restore the manager asked for from 数据备份, done by the next start of the server (before it opens the database). */
export const PENDING_FILE = 'restore-pending.json';

export interface PendingRestore {
  /** The copy, by its full path. */
  file: string;
  name: string;
  requestedAt: number;
  staffId: string | null;
  reason: string;
}

export function readPendingRestore(dataDir: string): PendingRestore | null {
  const file = join(dataDir, PENDING_FILE);
  if (!existsSync(file)) return null;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<PendingRestore>;
    if (typeof v.file !== 'string' || typeof v.name !== 'string') return null;
    return {
      file: v.file,
      name: v.name,
      requestedAt: Number(v.requestedAt ?? 0),
      staffId: typeof v.staffId === 'string' ? v.staffId : null,
      reason: typeof v.reason === 'string' ? v.reason : '',
    };
  } catch {
    return null;
  }
}

export function writePendingRestore(dataDir: string, p: PendingRestore): void {
  writeFileSync(join(dataDir, PENDING_FILE), JSON.stringify(p), { mode: 0o600 });
}

export function clearPendingRestore(dataDir: string): void {
  rmSync(join(dataDir, PENDING_FILE), { force: true });
}

export type StartRestore = { request: PendingRestore; result: RestoreResult };

/**
 * At start, before the database is opened: the restore asked for, if any. The request is removed first, whatever
 * happens, so a copy that cannot be restored never stops the branch from starting (it starts on its database and
 * the failure is audited there).
 */
export function restorePending(dataDir: string, now = Date.now()): StartRestore | null {
  const request = readPendingRestore(dataDir);
  clearPendingRestore(dataDir);
  if (!request) return null;
  return { request, result: restoreDatabase(dataDir, request.file, now) };
}
