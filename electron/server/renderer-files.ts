import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorBody } from './errors';

/**
 * The built renderer (dist/renderer), for the branch and the head office alike:
 * - `/assets/*`: Vite's hashed files, behind one wildcard route. Listing them one route each (the
 *   plugin's `wildcard: false`) globbed the folder and registered ~240 routes on every start (~30 ms).
 * - the other top-level files (favicon.svg), one route each;
 * - `/`: `home` (the branch's SPA, or the head office's redirect);
 * - any other path without a dot outside /api/: the SPA, for client-side routes (/lobby, /display …);
 *   everything else, e.g. an unknown /api path or a missing asset, a JSON 404.
 * A catch-all GET route, not a second not-found handler: Fastify 5.12 allows one per prefix, and
 * installErrorHandlers has set it (a second call stops the server from starting).
 * Returns false, serving nothing, when the folder holds no built renderer.
 */
export async function serveRenderer(
  app: FastifyInstance,
  dir: string | null | undefined,
  home: 'spa' | { redirect: string },
): Promise<boolean> {
  if (!dir || !existsSync(join(dir, 'index.html'))) return false;
  const assets = join(dir, 'assets');
  if (existsSync(assets)) {
    await app.register(fastifyStatic, { root: assets, prefix: '/assets/', wildcard: true, index: false });
  } else {
    // reply.sendFile comes with the plugin; a renderer without assets still needs it for the SPA.
    await app.register(fastifyStatic, { root: dir, serve: false });
  }
  // The page names the hashed assets of this build: always asked again, so an update shows at once.
  const spa = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', dir, { cacheControl: false });
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    if (f.isFile() && f.name !== 'index.html')
      app.get(`/${f.name}`, (_req, reply) => reply.sendFile(f.name, dir));
  }
  app.get('/', (_req, reply) => (home === 'spa' ? spa(reply) : reply.redirect(home.redirect)));
  app.get('/*', (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') && !path.includes('.')) return spa(reply);
    return reply
      .status(404)
      .send(
        errorBody('no_route', `接口不存在：${req.method} ${path}`, `No such endpoint: ${req.method} ${path}`),
      );
  });
  return true;
}
