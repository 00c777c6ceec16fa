import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { errorBody } from '../errors';

/**
 * The built renderer on the head office, for its own screens (/ho/…, e.g. the cross-branch history at
 * /ho/reports): the same files a branch serves, with no staff login behind them — the screens ask for the admin key
 * and send it with each /api/ho call. `/` opens the history; other client paths get the SPA, unknown /api paths
 * stay JSON 404s.
 */
export async function serveHeadOfficeUi(app: FastifyInstance, dir: string | null): Promise<boolean> {
  if (!dir || !existsSync(join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: false });
  app.get('/', (_req, reply) => reply.redirect('/ho/reports'));
  app.get('/*', (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') && !path.includes('.')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(
        errorBody('no_route', `接口不存在：${req.method} ${path}`, `No such endpoint: ${req.method} ${path}`),
      );
  });
  return true;
}
