import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { idParam } from '@shared/api/inputs';
import { IMPORT_KINDS } from '@shared/import/types';
import { parseCivil, zonedInstant } from '@shared/import/values';
import { recentImportRuns } from '../../db/repos/imports';
import { BusyError, ImportJobs } from '../../sync/import/jobs';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';

const MANAGERS = ['manager', 'admin'] as const;
/** Largest upload accepted: a 1M-customer export is ~150 MB as CSV. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

const uploadQuery = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().trim().min(1).max(200),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  encoding: z.enum(['auto', 'utf-8', 'gb18030']).optional(),
});

const busy = () =>
  new ApiError(
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

/** `attachment; filename=…` that keeps a Chinese name (RFC 5987) with an ASCII fallback. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function importRoutes(http: Http, ctx: AppContext): void {
  const jobs = new ImportJobs({
    store: ctx.store,
    pii: ctx.pii,
    rules: () => ctx.rules(),
    now: ctx.now,
    log: ctx.log,
  });
  http.app.addHook('onClose', async () => {
    await jobs.close();
  });

  // The file is the body, streamed straight to a private temp file: never buffered whole. Only this
  // route takes application/octet-stream (any other route would fail to validate such a body).
  http.app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/import/jobs',
      roles: MANAGERS,
      query: uploadQuery,
      summary: 'Upload a CSV/XLSX file (raw body) and start importing it',
      reply: returns<unknown>(),
    }),
    async ({ query, me, req, reply }) => {
      if (jobs.running()) throw busy();
      const body = req.body as Readable | undefined;
      if (!body || typeof body.pipe !== 'function') {
        throw new ApiError(
          415,
          'upload_type',
          '请以 application/octet-stream 上传文件内容',
          'Send the file as an application/octet-stream body',
        );
      }
      const { id, dir } = jobs.newDir();
      const file = join(dir, 'upload');
      // Until the job owns the upload, any way out of this handler (client gone, empty file, bad
      // date, another upload started first) deletes it: it holds personal data in clear.
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
        if (query.asOf) {
          const d = parseCivil(query.asOf);
          if (!d.ok) throw new ApiError(400, 'bad_as_of', d.zh, d.en);
          asOf = zonedInstant({ ...d.value, minutes: 0 }, ctx.rules().branch.timezone);
        }
        const job = jobs.start({
          id,
          dir,
          file,
          kind: query.kind,
          fileName: query.fileName,
          staffId: me?.id ?? null,
          bytes,
          asOf,
          encoding: query.encoding ?? 'auto',
        });
        return reply.status(202).send(job);
      } catch (err) {
        jobs.discard(dir);
        if (err instanceof BusyError) throw busy();
        throw err;
      }
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/import/jobs',
      roles: MANAGERS,
      summary: 'Import jobs of this server (last day)',
      reply: returns<unknown>(),
    }),
    () => ({ jobs: jobs.list() }),
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/import/jobs/:id',
      roles: MANAGERS,
      params: idParam,
      summary: 'Progress (rows read, rejected, ETA) and result of an import',
      reply: returns<unknown>(),
    }),
    ({ params }) => {
      const j = jobs.get(params.id);
      if (!j) throw noJob();
      return j;
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/import/jobs/:id/cancel',
      roles: MANAGERS,
      params: idParam,
      summary: 'Cancel an import still reading or checking (nothing is written)',
      reply: returns<unknown>(),
    }),
    ({ params }) => {
      const j = jobs.cancel(params.id);
      if (!j) throw noJob();
      return j;
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/import/jobs/:id/report.csv',
      roles: MANAGERS,
      params: idParam,
      summary: 'Every bad row of an import, with line, column and reason (CSV)',
      reply: returns<unknown>(),
    }),
    ({ params, me, reply }) => {
      const r = jobs.reportFile(params.id);
      if (!r) throw noJob();
      ctx.audit.append({
        at: ctx.now(),
        staffId: me?.id ?? null,
        action: 'import.report',
        targetType: 'import',
        targetId: params.id,
        detail: { file: r.job.fileName, issues: r.job.issueCount },
      });
      const base = r.job.fileName.replace(/\.[^.]+$/, '');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(`${base}-导入报告.csv`))
        .header('cache-control', 'no-store')
        .send(createReadStream(r.file));
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/import/runs',
      roles: MANAGERS,
      summary: 'Applied imports, newest first',
      reply: returns<unknown>(),
    }),
    () => ({
      runs: recentImportRuns(ctx.store).map((r) => ({
        id: r.id,
        kind: r.kind,
        fileName: r.file_name,
        rows: r.rows,
        inserted: r.inserted,
        updated: r.updated,
        unchanged: r.unchanged,
        stale: r.stale,
        finishedAt: r.finished_at,
        staffName: r.staff_name,
      })),
    }),
  );
}
