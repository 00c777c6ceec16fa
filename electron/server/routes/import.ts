import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { routes } from '@shared/api/routes';
import { ApiError } from '@shared/api/errors';
import type { ImportsApp } from '../../app/imports';
import { route, type Http } from '../route';

/** `attachment; filename=…` that keeps a Chinese name (RFC 5987) with an ASCII fallback. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function importRoutes(http: Http, deps: { imports: ImportsApp }): void {
  const { imports } = deps;
  http.app.addHook('onClose', async () => {
    await imports.close();
  });

  // The file is the body, streamed straight to a private temp file: never buffered whole. Only this
  // route takes application/octet-stream (any other route would fail to validate such a body).
  http.app.addContentTypeParser('application/octet-stream', (_req, payload, done) => done(null, payload));
  route(http, routes.imports.upload, async ({ query, me, req, reply }) => {
    imports.assertIdle();
    const body = req.body as Readable | undefined;
    if (!body || typeof body.pipe !== 'function') {
      throw new ApiError(
        415,
        'upload_type',
        '请以 application/octet-stream 上传文件内容',
        'Send the file as an application/octet-stream body',
      );
    }
    const job = await imports.upload(body, query, me?.id ?? null);
    reply.status(202);
    return job;
  });

  route(http, routes.imports.jobs, () => imports.jobs());
  route(http, routes.imports.job, ({ params }) => imports.job(params.id));
  route(http, routes.imports.cancel, ({ params }) => imports.cancel(params.id));
  route(http, routes.imports.confirm, ({ params, me }) => imports.confirm(params.id, me?.id ?? null));

  route(http, routes.imports.report, ({ params, me, reply }) => {
    const r = imports.report(params.id, me?.id ?? null);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachment(r.fileName))
      .header('cache-control', 'no-store')
      .send(createReadStream(r.file));
  });

  route(http, routes.imports.runs, () => imports.runs());
}
