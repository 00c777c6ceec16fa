import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Me, Role } from '@shared/api/types';
import { authenticate, authorizeDisplay } from './auth';
import type { AppContext } from './context';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteSpec<
  B extends Schema | undefined,
  Q extends Schema | undefined,
  P extends Schema | undefined,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** null = public; [] = any logged-in staff; otherwise only these roles. */
  roles: readonly Role[] | null;
  body?: B;
  query?: Q;
  params?: P;
  summary?: string;
  /** Public on a loopback-only server; on the LAN, a display token or a staff session (see authorizeDisplay). */
  display?: boolean;
  /** Still answers when the session is idle-locked (unlock, logout). */
  allowLocked?: boolean;
  /** A password is checked here: attempts per client address are limited (security.passwordAttemptsPerMinute). */
  passwordAttempt?: boolean;
}

export interface Call<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  me: (Me & { sessionId: string }) | null;
  req: FastifyRequest;
  reply: FastifyReply;
}

/** Every route the same way: authenticate → validate (zod) → handler. Errors become 4xx via errors.ts. */
export function route<
  B extends Schema | undefined,
  Q extends Schema | undefined,
  P extends Schema | undefined,
>(
  app: FastifyInstance,
  ctx: AppContext,
  spec: RouteSpec<B, Q, P>,
  handler: (call: Call<Out<B>, Out<Q>, Out<P>>) => unknown,
): void {
  ctx.routeTable.push({
    method: spec.method,
    url: spec.url,
    roles: spec.roles,
    summary: spec.summary ?? '',
    display: spec.display === true,
  });
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.passwordAttempt
      ? {
          config: {
            rateLimit: { max: () => ctx.rules().security.passwordAttemptsPerMinute, timeWindow: 60_000 },
          },
        }
      : {}),
    handler: async (req, reply) => {
      const me =
        spec.roles === null
          ? null
          : authenticate(ctx, req, spec.roles, spec.allowLocked ? { allowLocked: true } : {});
      if (spec.display) authorizeDisplay(ctx, req);
      const body = (spec.body ? spec.body.parse(req.body ?? {}) : undefined) as Out<B>;
      const query = (spec.query ? spec.query.parse(req.query ?? {}) : undefined) as Out<Q>;
      const params = (spec.params ? spec.params.parse(req.params ?? {}) : undefined) as Out<P>;
      return handler({ body, query, params, me, req, reply });
    },
  });
}

/** Collected per server for /api/docs and for the role tests. */
export interface RouteInfo {
  method: string;
  url: string;
  roles: readonly Role[] | null;
  summary: string;
  display: boolean;
}
