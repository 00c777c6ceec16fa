/**
 * Import jobs of a running branch server: one at a time (an import replaces data wholesale; two at
 * once could interleave), each with live progress for the import screen, cancellable until it
 * starts writing, and its report kept for download for a day. Uploads are copied to a private
 * scratch folder beside the database and deleted as soon as the job ends: they hold personal data
 * in clear.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import type { RulesConfig } from '@shared/config/schema';
import type {
  Bilingual,
  ImportIssue,
  ImportJobView,
  ImportKind,
  ImportStatus,
  ImportSummary,
} from '@shared/import/types';
import type { Store } from '../../db/connection';
import type { Pii } from '../../db/pii';
import { databaseFile } from '../../db/repos/imports';
import { RandomPool } from '../../db/random-pool';
import type { ReadyToApply } from './options';
import { runImport, type ImportProgress } from './run';
import type { SourceEncoding } from './source';

const KEEP_MS = 24 * 3_600_000;
const MAX_JOBS = 20;

interface Job {
  id: string;
  kind: ImportKind;
  fileName: string;
  staffId: string | null;
  dir: string;
  status: ImportStatus;
  progress: ImportProgress;
  startedAt: number;
  /** performance.now() at start, for the read rate. */
  t0: number;
  finishedAt: number | null;
  issues: ImportIssue[];
  summary: ImportSummary | null;
  error: Bilingual | null;
  reportFile: string | null;
  abort: AbortController;
  done: Promise<void>;
  /** Status `ready`: what the manager is asked about, and how the answer reaches the waiting run. */
  ready: ReadyToApply | null;
  decide: ((write: boolean) => void) | null;
}

export interface ImportJobDeps {
  store: Store;
  pii: Pii;
  rules: () => RulesConfig;
  now: () => number;
  log: Logger;
  /** After an import wrote customers: walk-in prospects with the same phone are linked (Step 15). */
  afterImport?: () => void;
}

export class BusyError extends Error {}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly pool = new RandomPool();
  readonly root: string;

  constructor(private readonly deps: ImportJobDeps) {
    const dbFile = databaseFile(deps.store);
    this.root = dbFile ? join(dirname(dbFile), 'import-tmp') : join(tmpdir(), `branch-import-${process.pid}`);
    // Leftovers of a crash may hold uploaded personal data: they go at start.
    if (existsSync(this.root)) {
      for (const entry of readdirSync(this.root))
        rmSync(join(this.root, entry), { recursive: true, force: true });
    }
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    // mkdir's mode applies only to a folder it creates: one left by an older version may be 0755.
    chmodSync(this.root, 0o700);
  }

  /** A fresh private folder for an upload, before the job is started. */
  newDir(): { id: string; dir: string } {
    const id = this.pool.uuid();
    const dir = join(this.root, id);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return { id, dir };
  }

  /** Deletes the folder of an upload that never became a job (aborted, refused, or lost the race to start). */
  discard(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
  }

  running(): Job | undefined {
    for (const j of this.jobs.values())
      if (j.status === 'queued' || j.status === 'running' || j.status === 'ready') return j;
    return undefined;
  }

  start(opts: {
    id: string;
    dir: string;
    file: string;
    kind: ImportKind;
    fileName: string;
    staffId: string | null;
    bytes: number;
    asOf: number | null;
    encoding: SourceEncoding | 'auto';
  }): ImportJobView {
    if (this.running()) throw new BusyError('an import is running');
    this.prune();
    const job: Job = {
      id: opts.id,
      kind: opts.kind,
      fileName: opts.fileName,
      staffId: opts.staffId,
      dir: opts.dir,
      status: 'running',
      progress: {
        phase: 'reading',
        bytesRead: 0,
        bytesTotal: opts.bytes,
        rowsRead: 0,
        rejectedRows: 0,
        issueCount: 0,
      },
      startedAt: this.deps.now(),
      t0: performance.now(),
      finishedAt: null,
      issues: [],
      summary: null,
      error: null,
      reportFile: null,
      abort: new AbortController(),
      done: Promise.resolve(),
      ready: null,
      decide: null,
    };
    this.jobs.set(job.id, job);
    job.done = this.run(job, opts).catch(() => undefined);
    return this.view(job);
  }

  private async run(job: Job, opts: Parameters<ImportJobs['start']>[0]): Promise<void> {
    try {
      const r = await runImport({
        kind: job.kind,
        file: opts.file,
        fileName: job.fileName,
        store: this.deps.store,
        pii: this.deps.pii,
        rules: this.deps.rules(),
        now: this.deps.now,
        staffId: job.staffId,
        workDir: job.dir,
        asOf: opts.asOf,
        encoding: opts.encoding,
        signal: job.abort.signal,
        runId: job.id,
        checkThread: true,
        onProgress: (p) => {
          job.progress = p;
        },
        confirmApply: (ready) => {
          // The file is read and checked: its copy in clear (personal data) goes now, not when the manager answers.
          rmSync(opts.file, { force: true });
          job.status = 'ready';
          job.ready = ready;
          return new Promise<boolean>((resolve) => {
            job.decide = (write) => {
              job.decide = null;
              job.ready = null;
              job.status = 'running';
              resolve(write);
            };
          });
        },
      });
      job.status = r.status;
      job.summary = r.summary;
      job.issues = r.issues;
      job.reportFile = r.reportFile;
      job.progress = {
        ...job.progress,
        phase: 'done',
        rowsRead: r.summary.rows,
        rejectedRows: r.summary.rejectedRows,
        issueCount: r.summary.issueCount,
      };
      if (r.status === 'applied') this.linkAfterImport(job.id);
    } catch (err) {
      job.status = 'failed';
      job.error = {
        zh: '导入失败（系统错误），未写入任何数据，请联系管理员',
        en: 'The import failed (system error); nothing was written. Please contact support',
      };
      this.deps.log.error({ err, job: job.id }, 'import failed');
    } finally {
      job.finishedAt = this.deps.now();
      // The upload holds personal data in clear: it goes as soon as the job is over; a failed job
      // has no report to keep, so its whole folder goes.
      rmSync(job.status === 'failed' ? job.dir : opts.file, { recursive: true, force: true });
    }
  }

  /** A failure here must not turn a finished import into a failed one: it is logged, the next link pass retries. */
  private linkAfterImport(jobId: string): void {
    try {
      this.deps.afterImport?.();
    } catch (err) {
      this.deps.log.error({ err, job: jobId }, 'linking prospects after the import failed');
    }
  }

  get(id: string): ImportJobView | undefined {
    const j = this.jobs.get(id);
    return j ? this.view(j) : undefined;
  }

  list(): ImportJobView[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt - a.startedAt).map((j) => this.view(j));
  }

  /** Cancels a job still reading, checking or waiting for the manager; once it writes, it finishes (all or nothing). */
  cancel(id: string): ImportJobView | undefined {
    const j = this.jobs.get(id);
    if (!j) return undefined;
    if (j.status === 'ready') j.decide?.(false);
    else if (j.status === 'running' && j.progress.phase !== 'applying') j.abort.abort();
    return this.view(j);
  }

  /** The manager starts the write of a checked file (status `ready`); false when the job is not waiting for it. */
  confirm(id: string): boolean {
    const j = this.jobs.get(id);
    if (j?.status !== 'ready' || !j.decide) return false;
    j.decide(true);
    return true;
  }

  reportFile(id: string): { file: string; job: ImportJobView } | undefined {
    const j = this.jobs.get(id);
    if (!j?.reportFile || !existsSync(j.reportFile)) return undefined;
    return { file: j.reportFile, job: this.view(j) };
  }

  /** Waits for the running job (server shutdown, tests). */
  async idle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  async close(): Promise<void> {
    for (const j of this.jobs.values()) {
      if (j.status === 'ready') j.decide?.(false);
      else if (j.status === 'running') j.abort.abort();
    }
    await this.idle();
    rmSync(this.root, { recursive: true, force: true });
  }

  private prune(): void {
    const now = this.deps.now();
    const done = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    done.sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
    for (const j of done) {
      if (now - (j.finishedAt ?? now) < KEEP_MS && this.jobs.size < MAX_JOBS) continue;
      rmSync(j.dir, { recursive: true, force: true });
      this.jobs.delete(j.id);
    }
  }

  private view(j: Job): ImportJobView {
    const p = j.progress;
    let eta: number | null = null;
    if (j.status === 'running' && p.phase === 'reading' && p.bytesRead > 0 && p.bytesTotal > 0) {
      const elapsed = (performance.now() - j.t0) / 1000;
      const rate = p.bytesRead / Math.max(elapsed, 0.001);
      eta = Math.max(0, Math.round((p.bytesTotal - p.bytesRead) / rate));
    }
    return {
      id: j.id,
      kind: j.kind,
      fileName: j.fileName,
      status: j.status,
      phase: p.phase,
      bytesTotal: p.bytesTotal,
      bytesRead: p.bytesRead,
      rowsRead: p.rowsRead,
      rejectedRows: p.rejectedRows,
      issueCount: p.issueCount,
      etaSeconds: eta,
      startedAt: j.startedAt,
      finishedAt: j.finishedAt,
      issues: j.issues,
      summary: j.summary,
      error: j.error,
      cancellable: j.status === 'ready' || (j.status === 'running' && p.phase !== 'applying'),
      ready: j.status === 'ready' ? j.ready : null,
    };
  }
}
