/**
 * The set checks of a large import, run on a worker thread with a connection of its own: at a million customers
 * they are seconds of SQL (GROUP BYs over the staged file, joins with the branch's customers and cards) that on the
 * server's connection held every request — the lobby, the TV, the counters — for as long. The worker only reads the
 * branch database (WAL: it reads the last committed state while the server goes on writing); the one write of the
 * checks (the holdings' balance summary, `stage.agg`) goes to the import's own staging file, which nothing else
 * writes meanwhile. The main thread builds the messages from the rows (import-checks.ts), so the worker needs only
 * better-sqlite3: its source is a string run with `eval`, like the protect worker's, with no file next to the bundles.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { CheckSql } from './import-checks';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
// Read-write only for the staging file: nothing here writes the branch's tables (the SQL is import-checks.ts').
const db = new Database(workerData.main, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.prepare('ATTACH DATABASE ? AS stage').run(workerData.stage);
parentPort.on('message', (m) => {
  if (m.op === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const st = db.prepare(m.sql);
    const result =
      m.op === 'all' ? st.all(...m.params) : m.op === 'count' ? st.pluck().get(...m.params) : st.run(...m.params).changes;
    parentPort.postMessage({ id: m.id, result });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String((e && e.message) || e) });
  }
});
`;

type Op = 'all' | 'count' | 'run';

interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

/** The checks' statements, answered by the worker; one at a time, in order. */
export class CheckWorker implements CheckSql {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failed: Error | null = null;

  constructor(mainFile: string, stageFile: string) {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { sqlite, main: mainFile, stage: stageFile },
    });
    this.worker.on('message', (m: Reply) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error !== undefined) w.reject(new Error(`import check failed: ${m.error}`));
      else w.resolve(m.result);
    });
    // A worker that could not start (or died) fails every statement asked of it, now and later.
    const fail = (err: Error) => {
      this.failed = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`import check worker stopped (${code})`));
    });
  }

  private ask<T>(op: Op, sql: string, params: unknown[]): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, sql, params });
    });
  }

  all<T>(sql: string, ...params: unknown[]): Promise<T[]> {
    return this.ask<T[]>('all', sql, params);
  }

  count(sql: string, ...params: unknown[]): Promise<number> {
    return this.ask<number>('count', sql, params);
  }

  run(sql: string, ...params: unknown[]): Promise<number> {
    return this.ask<number>('run', sql, params);
  }

  /** Closes the worker's connection and waits for the thread to end. */
  async close(): Promise<void> {
    if (this.failed) return;
    const ended = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage({ op: 'close' });
    await ended;
  }
}
