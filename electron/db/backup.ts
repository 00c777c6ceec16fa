import { chmod, readdir, rename, rm, stat, statfs } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Store } from './connection';
import { IDENTITY_KEYS } from './repos/sync';

/**
 * A worker thread with a read-only connection of its own runs `VACUUM INTO`: the copy is one consistent snapshot of
 * the last committed state (WAL), however the branch writes meanwhile, and none of its work, the final fsync of
 * ~2 GB included, runs on the server's thread. (SQLite's online backup on the server's connection took 4.4 s for a
 * million customers too, but stood the server still for 0.74 s, mostly at its end.) Its source is a string run with
 * `eval`, like the import's workers, so it needs no file next to the bundles.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const Database = require(workerData.sqlite);
  const db = new Database(workerData.main, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.prepare('VACUUM INTO ?').run(workerData.dest);
  db.close();
  // The copy's own identity: a hub started on it later is known to its terminals as gone back to this copy.
  const copy = new Database(workerData.dest, { fileMustExist: true });
  copy.pragma('journal_mode = DELETE');
  const seq = copy.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get();
  const put = copy.prepare(
    'INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?) ' +
      'ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const { keys, epoch, at } = workerData.stamp;
  copy.transaction(() => {
    put.run(keys.epoch, epoch, at);
    put.run(keys.copiedAt, String(at), at);
    put.run(keys.copySeq, String(seq), at);
  })();
  copy.close();
  parentPort.postMessage({ ok: true });
} catch (e) {
  parentPort.postMessage({ ok: false, error: String((e && e.message) || e) });
}
`;

/** How often the copy's growing size is read for the progress bar. */
const PROGRESS_MS = 250;

/**
 * Copies the branch database (`source`, open in the server) to `dest` while the branch keeps working. Written as
 * `dest.partial` and renamed when complete, so a file with the final name is always a whole database. Readable by
 * this user only: names and balances are in clear, numbers encrypted under the branch's key.
 * `onProgress` gets the bytes written so far against the database's size (a copy is a little smaller: no free pages).
 * `at` (the copy's start, no later than the state it holds) is written into the copy with a new identity and its
 * journal's last position (IDENTITY_KEYS).
 */
export async function copyDatabase(
  source: string,
  dest: string,
  sourceBytes: number,
  onProgress: (done: number, total: number) => void,
  at: number,
): Promise<void> {
  const partial = `${dest}.partial`;
  // Removing or replacing a 2 GB file takes the file system ~0.5 s: on libuv's threads, never the server's.
  await rm(partial, { force: true });
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      sqlite,
      main: source,
      dest: partial,
      stamp: { keys: IDENTITY_KEYS, epoch: randomUUID(), at },
    },
  });
  const timer = setInterval(() => {
    stat(partial).then(
      (st) => onProgress(Math.min(st.size, sourceBytes), sourceBytes),
      () => undefined, // not created yet
    );
  }, PROGRESS_MS);
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (m: { ok: boolean; error?: string }) =>
        m.ok ? resolve() : reject(new Error(m.error ?? 'backup failed')),
      );
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`backup worker stopped (${code})`)));
    });
    await chmod(partial, 0o600);
    await rename(partial, dest);
    onProgress(sourceBytes, sourceBytes);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  } finally {
    clearInterval(timer);
    await worker.terminate();
  }
}

/** The database's size now: what a copy's progress is measured against. */
export function databaseBytes(store: Store): number {
  const pages = store.sqlite.pragma('page_count', { simple: true }) as number;
  const size = store.sqlite.pragma('page_size', { simple: true }) as number;
  return pages * size;
}

/**
 * Files in the backup folder with their sizes (the caller keeps the ones named like copies). Asynchronous on purpose:
 * while a 2 GB copy is removed or replaced, the folder stays locked for ~0.5 s, and a synchronous listing would hold
 * the server's thread that long (measured: 0.5 s with readdirSync/statSync, 5 ms without).
 */
export async function listFolder(dir: string): Promise<{ name: string; bytes: number }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: { name: string; bytes: number }[] = [];
  for (const name of names) {
    try {
      const st = await stat(join(dir, name));
      if (st.isFile()) out.push({ name, bytes: st.size });
    } catch {
      // Removed between the listing and the stat (a prune running): not there any more.
    }
  }
  return out;
}

/** Bytes this user may still write on the disk that holds (or will hold) `dir`: its nearest existing folder's. */
export async function freeBytes(dir: string): Promise<number> {
  for (let d = dir; ; d = dirname(d)) {
    try {
      const fs = await statfs(d);
      return fs.bavail * fs.bsize;
    } catch (e) {
      if (dirname(d) === d) throw e;
    }
  }
}

/**
 * Whether a copy is a whole, sound SQLite database (`PRAGMA integrity_check`), read-only. For the restore command,
 * which runs with the server stopped: on a large file it takes seconds of CPU.
 */
export function checkCopy(file: string): { ok: true } | { ok: false; problem: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((v) => v !== 'ok');
    return problems.length === 0 ? { ok: true } : { ok: false, problem: problems.slice(0, 5).join('; ') };
  } catch (e) {
    return { ok: false, problem: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}
