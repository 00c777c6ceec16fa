import type { FastifyInstance } from 'fastify';
import type { Health } from '@shared/api/types';
import type { AppContext } from '../context';
import { route } from '../route';

export function healthRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Staff accounts are never deleted: once one exists, setup is done for good and the count is not asked again.
  let needsSetup = true;
  route(
    app,
    ctx,
    { method: 'GET', url: '/api/health', roles: null, summary: 'Liveness, versions, demo/production, setup' },
    (): Health => {
      if (needsSetup) needsSetup = ctx.staff.count() === 0;
      return {
        status: 'ok',
        version: ctx.opts.version,
        schemaVersion: ctx.opts.schemaVersion,
        role: ctx.opts.role,
        mode: ctx.opts.mode,
        needsSetup,
      };
    },
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
