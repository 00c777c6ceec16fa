import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from 'pino';
import type { BackupStatus } from '@shared/api/backups';
import { ApiError } from '@shared/api/errors';
import {
  backupAlert,
  backupDue,
  backupFileName,
  backupsToPrune,
  parseBackupName,
  sortBackups,
  type BackupAlert,
  type BackupFile,
} from '@shared/backup/schedule';
import { backupSpacePlan, noSpaceMessage } from '@shared/backup/space';
import { branchDay } from '@shared/queue';
import type { RulesConfig } from '@shared/config/schema';
import type { Store } from '../db/connection';
import { copyDatabase, databaseBytes, freeBytes, listFolder } from '../db/backup';
import type { AuditRepo } from '../db/repos/settings';
import {
  clearPendingRestore,
  readPendingRestore,
  writePendingRestore,
  type PendingRestore,
  type StartRestore,
} from '../db/restore';
import { databaseFile } from '../db/repos/imports';
import { repeat, type Repeating } from './repeat';

const RETRY_AFTER_FAILURE_MS = 30 * 60_000;

function pendingView(p: PendingRestore | null): BackupStatus['pendingRestore'] {
  return p ? { name: p.name, requestedAt: p.requestedAt, staffId: p.staffId, reason: p.reason } : null;
}

export interface BackupDeps {
  store: Store;
  /** Where copies go: `--backup-dir`, else `backups` beside the database. */
  dir: string;
  role: 'hub' | 'terminal' | 'headoffice';
  now: () => number;
  rules: () => RulesConfig;
  audit: Pick<AuditRepo, 'append'>;
  log: Logger;
}

/**
 * The hub's database copies: one a day from the branch's backup hour on (checked every minute), or now at the
 * manager's word; the oldest beyond the branch's count are deleted after a copy succeeds. A copy runs on a worker
 * thread (electron/db/backup.ts), never two at once, and every file operation here is asynchronous (a 2 GB file
 * removed locks its folder ~0.5 s). Made and failed copies are audited.
 */
export class BackupApp {
  private running: { startedAt: number; done: number; total: number; work: Promise<void> } | null = null;
  private lastDone: BackupStatus['lastDone'] = null;
  private lastError: BackupStatus['lastError'] = null;
  /** A restore done (or refused) by this start of the server. */
  private lastRestore: BackupStatus['lastRestore'] = null;
  private pending: PendingRestore | null | undefined;
  private timer: Repeating | null = null;
  /** The day of the newest copy, as last listed. */
  private newestDay: string | null = null;
  /** A look at the schedule in flight (it lists the folder, asynchronously). */
  private ticking: Promise<void> | null = null;

  constructor(private readonly deps: BackupDeps) {}

  private async files(): Promise<BackupFile[]> {
    const out: BackupFile[] = [];
    for (const f of await listFolder(this.deps.dir)) {
      const when = parseBackupName(f.name);
      if (when) out.push({ name: f.name, bytes: f.bytes, ...when });
    }
    const sorted = sortBackups(out);
    this.newestDay = sorted[0]?.day ?? null;
    return sorted;
  }

  /** For the manager's banner, with every status poll: from memory (the folder is read by the schedule's look). */
  alert(): BackupAlert | null {
    if (this.deps.role !== 'hub') return null;
    const b = this.deps.rules().branch;
    const input = {
      enabled: b.backupEnabled,
      newestDay: this.newestDay,
      lastError: this.lastError,
      pendingRestore: this.pendingNow(),
    };
    return backupAlert(input, branchDay(this.deps.now(), b.timezone));
  }

  async status(): Promise<BackupStatus> {
    const b = this.deps.rules().branch;
    const r = this.running;
    return {
      available: this.deps.role === 'hub',
      enabled: b.backupEnabled,
      hour: b.backupHour,
      keep: b.backupKeep,
      dir: this.deps.dir,
      freeBytes: this.deps.role === 'hub' ? await freeBytes(this.deps.dir).catch(() => null) : null,
      minFreeMb: b.backupMinFreeMb,
      files: this.deps.role === 'hub' ? await this.files() : [],
      running: r ? { startedAt: r.startedAt, done: r.done, total: r.total } : null,
      lastDone: this.lastDone,
      lastError: this.lastError,
      pendingRestore: this.deps.role === 'hub' ? pendingView(this.pendingNow()) : null,
      lastRestore: this.lastRestore,
    };
  }

  /** Starts a copy now (the manager's 立即备份). */
  start(staffId: string | null): Promise<BackupStatus> {
    this.hubOnly();
    if (this.running)
      throw new ApiError(
        409,
        'backup_running',
        '正在备份，请等这一份完成',
        'A backup is running; wait for it to finish',
      );
    this.begin(staffId);
    return this.status();
  }

  /**
   * The manager's 恢复此备份: the copy replaces the database at the server's next start (restorePending), the only
   * moment nothing has it open; until then it can be called off. Audited with the reason given.
   */
  async requestRestore(name: string, staffId: string | null, reason: string): Promise<BackupStatus> {
    this.hubOnly();
    const file = (await this.files()).find((f) => f.name === name);
    if (!file) throw new ApiError(404, 'no_backup', `没有这份备份：${name}`, `No such backup: ${name}`);
    const request = { file: join(this.deps.dir, name), name, requestedAt: this.deps.now(), staffId, reason };
    writePendingRestore(this.dataDir(), request);
    this.pending = request;
    this.deps.audit.append({
      at: request.requestedAt,
      staffId,
      action: 'backup.restore_requested',
      targetType: 'backup',
      targetId: name,
      reason,
    });
    return this.status();
  }

  async cancelRestore(staffId: string | null): Promise<BackupStatus> {
    this.hubOnly();
    const pending = this.pendingNow();
    if (pending) {
      clearPendingRestore(this.dataDir());
      this.pending = null;
      this.deps.audit.append({
        at: this.deps.now(),
        staffId,
        action: 'backup.restore_cancelled',
        targetType: 'backup',
        targetId: pending.name,
      });
    }
    return this.status();
  }

  /** What the start did with a restore asked for (start.ts): audited in the database the server now runs on. */
  restoredAtStart({ request, result }: StartRestore): void {
    const at = this.deps.now();
    this.lastRestore = result.ok
      ? { at, name: request.name, ok: true, message: null }
      : { at, name: request.name, ok: false, message: result.message };
    this.deps.audit.append({
      at,
      staffId: request.staffId,
      action: result.ok ? 'backup.restored' : 'backup.restore_failed',
      targetType: 'backup',
      targetId: request.name,
      reason: request.reason,
      detail: result.ok
        ? { keptAs: result.keptAs, requestedAt: request.requestedAt }
        : { message: result.message },
    });
    if (result.ok)
      this.deps.log.warn({ name: request.name, keptAs: result.keptAs }, 'database restored from a backup');
    else this.deps.log.error({ name: request.name, err: result.message }, 'restore from a backup failed');
  }

  /** The restore asked for, read from its file once (it changes only through this app until the next start). */
  private pendingNow(): PendingRestore | null {
    if (this.pending === undefined) this.pending = readPendingRestore(this.dataDir());
    return this.pending;
  }

  private dataDir(): string {
    return dirname(databaseFile(this.deps.store) ?? '');
  }

  private hubOnly(): void {
    if (this.deps.role !== 'hub')
      throw new ApiError(
        409,
        'not_hub',
        '只有网点服务器保存网点数据，本机不做备份',
        'Only the branch server backs up',
      );
  }

  private begin(staffId: string | null): void {
    const startedAt = this.deps.now();
    const name = backupFileName(startedAt, this.deps.rules().branch.timezone);
    const run = { startedAt, done: 0, total: 0, work: Promise.resolve() };
    run.work = this.copy(name, staffId, run).finally(() => {
      this.running = null;
    });
    this.running = run;
  }

  private async copy(
    name: string,
    staffId: string | null,
    run: { startedAt: number; done: number; total: number },
  ): Promise<void> {
    const { dir, now, audit, log } = this.deps;
    const t0 = performance.now();
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const source = databaseFile(this.deps.store);
      if (!source) throw new Error('the branch database is not a file');
      const bytes = databaseBytes(this.deps.store);
      await this.makeRoom(bytes);
      await copyDatabase(
        source,
        join(dir, name),
        bytes,
        (done, total) => {
          run.done = done;
          run.total = total;
        },
        run.startedAt,
      );
      const files = await this.files();
      const made = files.find((f) => f.name === name);
      for (const old of backupsToPrune(files, this.deps.rules().branch.backupKeep)) {
        await rm(join(dir, old.name), { force: true }); // a 2 GB file: off the server's thread
      }
      const seconds = Math.round((performance.now() - t0) / 100) / 10;
      this.lastDone = { at: now(), name, seconds, bytes: made?.bytes ?? 0 };
      this.lastError = null;
      audit.append({
        at: now(),
        staffId,
        action: 'backup.created',
        targetType: 'backup',
        targetId: name,
        detail: { seconds, bytes: made?.bytes ?? 0 },
      });
      log.info({ name, seconds }, 'database backed up');
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.lastError = { at: now(), message };
      audit.append({
        at: now(),
        staffId,
        action: 'backup.failed',
        targetType: 'backup',
        targetId: name,
        detail: { message },
      });
      log.error({ err: message, name }, 'database backup failed');
    }
  }

  /**
   * Checks the disk before a copy (shared/backup/space.ts): removes first the oldest copies this one would replace
   * when that makes room, and refuses (a failed copy, with the figures) when even that is not enough.
   */
  private async makeRoom(databaseBytes: number): Promise<void> {
    const b = this.deps.rules().branch;
    const files = await this.files();
    const plan = backupSpacePlan({
      databaseBytes,
      freeBytes: await freeBytes(this.deps.dir),
      minFreeMb: b.backupMinFreeMb,
      files,
      keep: b.backupKeep,
    });
    if (!plan.ok) throw new Error(noSpaceMessage(plan.needBytes, plan.freeBytes));
    for (const old of plan.pruneFirst) await rm(join(this.deps.dir, old.name), { force: true });
  }

  /**
   * Looks every `everyMs` whether today's copy is due (hub only); the first look after `firstInMs` (0: at once). The
   * server passes a delay so the look (which reads the rules and the folder) is not in the way of its first requests.
   */
  schedule(everyMs = 60_000, firstInMs = 0): void {
    if (this.deps.role !== 'hub' || this.timer) return;
    const tick = () => {
      this.ticking ??= this.startIfDue().finally(() => {
        this.ticking = null;
      });
    };
    this.timer = repeat(tick, everyMs, firstInMs);
  }

  private async startIfDue(): Promise<void> {
    const b = this.deps.rules().branch;
    const now = this.deps.now();
    // After a failure (a full disk, a folder gone) the next try waits: not a failed copy and an audit row a minute.
    if (this.running || (this.lastError && now - this.lastError.at < RETRY_AFTER_FAILURE_MS)) return;
    const files = await this.files();
    if (!this.running && backupDue(now, b.timezone, b, files)) this.begin(null);
  }

  /** Stops the schedule and waits for a copy in progress (server shutdown). */
  async stop(): Promise<void> {
    this.timer?.cancel();
    this.timer = null;
    await this.ticking;
    await this.running?.work;
  }
}
