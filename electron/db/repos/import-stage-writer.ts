/**
 * The staging writes of a large import on a thread of their own. Reading a million-row file was one thread's work:
 * parse, check, then insert each row into the staging file (~4 µs a customer row, ~5 s of the ~20 s), while the
 * second core waited for the hashing worker's next batch or idled. Here the reading thread collects each
 * transaction's writes and posts them; this thread runs them, in order, one transaction per post, on a connection of
 * its own to the staging file. Nothing else writes that file meanwhile (ImportStage routes every write here until
 * `close`), and nothing reads it before `close` has waited for the last transaction: the checks and the apply come
 * after. Like the check worker, the source is a string run with `eval`: no file next to the bundles.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { StageWrite } from './import-stage-sql';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
// A failure to open or prepare is answered to the first post, with its message (an error thrown here would reach
// the reading thread without it).
let db = null;
let write = null;
let setupError = null;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -32000');
  const st = {};
  for (const [name, sql] of Object.entries(workerData.writes)) st[name] = db.prepare(sql);
  // A post is [name, params, name, params, …]: one transaction, in the order the reading thread wrote.
  write = db.transaction((ops) => {
    for (let i = 0; i < ops.length; i += 2) st[ops[i]].run(ops[i + 1]);
  });
} catch (e) {
  setupError = String((e && e.message) || e);
}
parentPort.on('message', (ops) => {
  if (ops === 'close') {
    if (db) db.close();
    parentPort.close();
    return;
  }
  if (setupError !== null) {
    parentPort.postMessage(setupError);
    return;
  }
  try {
    write(ops);
    parentPort.postMessage(null);
  } catch (e) {
    parentPort.postMessage(String((e && e.message) || e));
  }
});
`;

/**
 * Writes posted and not yet done past which the reading thread waits (`writable`): about two slices of a big file
 * ahead, so memory stays flat when the disk or the other core is slower than the parsing.
 */
const MAX_PENDING_WRITES = 40_000;

export class StageWriter {
  private readonly worker: Worker;
  private ops: unknown[] = [];
  /** Sizes (writes) of the posts not yet answered, oldest first. */
  private readonly posted: number[] = [];
  private pending = 0;
  private failed: Error | null = null;
  private wake: (() => void) | null = null;
  private readonly exited: Promise<number>;

  constructor(file: string, writes: Partial<Record<StageWrite, string>>) {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { sqlite, file, writes } });
    this.worker.on('message', (m: string | null) => {
      this.pending -= this.posted.shift() ?? 0;
      if (m !== null) this.fail(new Error(`import staging failed: ${m}`));
      this.notify();
    });
    this.worker.on('error', (err) => this.fail(err));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        // Ended with writes unanswered (only `close` ends it cleanly, and only once none are): never wait on them.
        if (code !== 0 || this.pending > 0) this.fail(new Error(`import staging thread stopped (${code})`));
        this.notify();
        resolve(code);
      }),
    );
  }

  private fail(err: Error): void {
    this.failed ??= err;
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** One write of the current transaction (sent with `commit`). */
  write(name: StageWrite, params: readonly unknown[]): void {
    this.ops.push(name, params);
  }

  /** Sends the writes since the last commit as one transaction. Throws when the thread has failed. */
  commit(): void {
    if (this.failed) throw this.failed;
    if (this.ops.length === 0) return;
    const n = this.ops.length / 2;
    this.worker.postMessage(this.ops);
    this.ops = [];
    this.posted.push(n);
    this.pending += n;
  }

  /** Waits while more than `max` writes are posted and not yet done; throws when the thread has failed. */
  async writable(max = MAX_PENDING_WRITES): Promise<void> {
    while (this.pending > max && !this.failed) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failed) throw this.failed;
  }

  /**
   * Waits for every posted transaction, then closes the thread's connection and the thread. Throws the thread's
   * failure, if any: the staged rows are then incomplete and the import must not go on.
   */
  async close(): Promise<void> {
    try {
      this.commit();
      await this.writable(0);
    } finally {
      if (!this.failed) this.worker.postMessage('close');
      else await this.worker.terminate();
      await this.exited;
    }
    if (this.failed) throw this.failed;
  }
}
