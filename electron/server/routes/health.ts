import { z } from 'zod';
import type { AnyRoute } from '@shared/api/contract';
import { routes } from '@shared/api/routes';
import type { ApiDocs, Health } from '@shared/api/types';
import type { AppContext } from '../context';
import { route, type Http } from '../route';

const schemaOf = (s: z.ZodType | undefined): unknown =>
  s ? z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) : undefined;

/** The docs page, generated from what the server registered (every route comes from the shared table). */
export function docsOf(registered: readonly AnyRoute[]): ApiDocs {
  return {
    endpoints: registered.map((r) => ({
      method: r.method,
      url: r.path,
      roles: r.roles ?? 'public',
      summary: r.summary,
      input: { body: schemaOf(r.body), query: schemaOf(r.query), params: schemaOf(r.params) },
    })),
  };
}

export function healthRoutes(http: Http, ctx: AppContext): void {
  // Staff accounts are never deleted: once one exists, setup is done for good and the count is not asked again.
  let needsSetup = true;
  route(http, routes.health.health, (): Health => {
    if (needsSetup) needsSetup = ctx.staff.count() === 0;
    return {
      status: 'ok',
      version: ctx.opts.version,
      schemaVersion: ctx.opts.schemaVersion,
      role: ctx.opts.role,
      mode: ctx.opts.mode,
      needsSetup,
    };
  });
  // Generated once, on first ask: by then every route is registered.
  let docs: ApiDocs | null = null;
  route(http, routes.health.docs, () => (docs ??= docsOf(http.registered)));
}
