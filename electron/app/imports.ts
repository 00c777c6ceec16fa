import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ApiError } from '@shared/api/errors';
import type { ImportJobList, ImportRunList, ImportUploadQuery } from '@shared/api/imports';
import type { RulesConfig } from '@shared/config/schema';
import type { ImportJobView, ImportKind } from '@shared/import/types';
import { parseCivil, zonedInstant } from '@shared/import/values';
import type { Store } from '../db/connection';
import { recentImportRuns } from '../db/repos/imports';
import type { AuditRepo } from '../db/repos/settings';
import { BusyError, type ImportJobs } from '../sync/import/jobs';

/** Largest upload accepted: a 1M-customer export is ~150 MB as CSV. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

const busy = (waiting = false) =>
  waiting
    ? new ApiError(
        409,
        'import_waiting',
        '有一份检查通过的文件正在等待写入，请先在导入页写入或取消它',
        'A checked file is waiting to be written; write or cancel it on the import screen first',
      )
    : new ApiError(
        409,
        'import_busy',
        '已有导入任务正在进行，请等待其完成',
        'Another import is running; wait for it to finish',
      );
const noJob = () =>
  new ApiError(404, 'import_not_found', '导入任务不存在或已过期', 'No such import job (or it expired)');

/** Counts bytes on the way to disk and stops an upload past the limit. */
function limit(max: number, onBytes: (n: number) => void): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      onBytes(n);
      if (n > max)
        cb(new ApiError(413, 'upload_too_large', '文件过大（上限 1 GB）', 'File too large (1 GB at most)'));
      else cb(null, chunk);
    },
  });
}

export interface ImportsAppDeps {
  jobs: ImportJobs;
  store: Store;
  audit: Pick<AuditRepo, 'append'>;
  now: () => number;
  rules: () => RulesConfig;
}

/**
 * The branch manager's imports: an upload streamed to a private temp file and imported as a job (one at a time),
 * its progress, cancelling it, its report of bad rows, and the imports applied so far.
 */
export class ImportsApp {
  constructor(private readonly deps: ImportsAppDeps) {}

  /**
   * Streams the upload to disk (never buffered whole) and starts its job. Until the job owns the upload, any way
   * out of here (client gone, empty file, bad date, another upload started first) deletes it: it holds personal
   * data in clear.
   */
  async upload(body: Readable, q: ImportUploadQuery, staffId: string | null): Promise<ImportJobView> {
    const { jobs } = this.deps;
    this.assertIdle();
    const { id, dir } = jobs.newDir();
    const file = join(dir, 'upload');
    try {
      let bytes = 0;
      await pipeline(
        body,
        limit(MAX_UPLOAD_BYTES, (n) => (bytes = n)),
        createWriteStream(file, { mode: 0o600 }),
      );
      if (bytes === 0)
        throw new ApiError(400, 'upload_empty', '上传的文件是空的', 'The uploaded file is empty');
      let asOf: number | null = null;
      if (q.asOf) {
        const d = parseCivil(q.asOf);
        if (!d.ok) throw new ApiError(400, 'bad_as_of', d.zh, d.en);
        asOf = zonedInstant({ ...d.value, minutes: 0 }, this.deps.rules().branch.timezone);
      }
      return jobs.start({
        id,
        dir,
        file,
        kind: q.kind,
        fileName: q.fileName,
        staffId,
        bytes,
        asOf,
        encoding: q.encoding ?? 'auto',
      });
    } catch (err) {
      jobs.discard(dir);
      if (err instanceof BusyError) throw busy();
      throw err;
    }
  }

  /** 409 while an import runs: one at a time. */
  assertIdle(): void {
    const open = this.deps.jobs.running();
    if (open) throw busy(open.status === 'ready');
  }

  jobs(): ImportJobList {
    return { jobs: this.deps.jobs.list() };
  }

  job(id: string): ImportJobView {
    const j = this.deps.jobs.get(id);
    if (!j) throw noJob();
    return j;
  }

  cancel(id: string): ImportJobView {
    const j = this.deps.jobs.cancel(id);
    if (!j) throw noJob();
    return j;
  }

  /**
   * The manager starts the write of a checked file that waited for them (status `ready`): audited with who did it,
   * since the branch pauses while it is written. A job not waiting (written, cancelled, another's) is a 409.
   */
  confirm(id: string, staffId: string | null): ImportJobView {
    const before = this.deps.jobs.get(id);
    if (!before) throw noJob();
    if (before.status !== 'ready' || !this.deps.jobs.confirm(id)) {
      throw new ApiError(
        409,
        'import_not_ready',
        '该导入不在等待写入状态',
        'This import is not waiting to be written',
      );
    }
    this.deps.audit.append({
      at: this.deps.now(),
      staffId,
      action: 'import.confirmed',
      targetType: 'import',
      targetId: id,
      detail: { kind: before.kind, file: before.fileName, ...before.ready },
    });
    return this.deps.jobs.get(id) ?? before;
  }

  /** The report's file and the name to download it under; the download is audited. */
  report(id: string, staffId: string | null): { file: string; fileName: string } {
    const r = this.deps.jobs.reportFile(id);
    if (!r) throw noJob();
    this.deps.audit.append({
      at: this.deps.now(),
      staffId,
      action: 'import.report',
      targetType: 'import',
      targetId: id,
      detail: { file: r.job.fileName, issues: r.job.issueCount },
    });
    const base = r.job.fileName.replace(/\.[^.]+$/, '');
    return { file: r.file, fileName: `${base}-导入报告.csv` };
  }

  runs(): ImportRunList {
    return {
      runs: recentImportRuns(this.deps.store).map((r) => ({
        id: r.id,
        kind: r.kind as ImportKind,
        fileName: r.file_name,
        rows: r.rows,
        inserted: r.inserted,
        updated: r.updated,
        unchanged: r.unchanged,
        stale: r.stale,
        finishedAt: r.finished_at,
        staffName: r.staff_name,
      })),
    };
  }

  /** Server shutdown: running jobs are aborted and the scratch folder removed. */
  close(): Promise<void> {
    return this.deps.jobs.close();
  }
}
