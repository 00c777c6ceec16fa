import type { FastifyInstance } from 'fastify';
import type { Health } from '@shared/api/types';
import type { AppContext } from '../context';
import { route } from '../route';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const body: Health = {
    status: 'ok',
    version: ctx.opts.version,
    schemaVersion: ctx.opts.schemaVersion,
    role: ctx.opts.role,
  };
  route(
    app,
    ctx,
    { method: 'GET', url: '/api/health', roles: null, summary: 'Liveness and versions' },
    () => body,
  );
  route(
    app,
    ctx,
    { method: 'GET', url: '/api/docs', roles: null, summary: 'This list of endpoints' },
    () => ({
      endpoints: ctx.routeTable.map((r) => ({
        method: r.method,
        url: r.url,
        roles: r.roles ?? 'public',
        summary: r.summary,
      })),
    }),
  );
}
