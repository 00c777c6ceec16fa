import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { AnyRoute, Parsed, ReplyType } from '@shared/api/contract';
import type { Me } from '@shared/api/types';
import type { Auth } from './auth';

export interface Call<D extends AnyRoute> {
  body: Parsed<D['body']>;
  query: Parsed<D['query']>;
  params: Parsed<D['params']>;
  me: (Me & { sessionId: string }) | null;
  req: FastifyRequest;
  reply: FastifyReply;
}

/**
 * What registering a route needs: the Fastify instance, authentication, the password-attempt limit, and the list
 * of what was registered (for /api/docs, the role tests and the check that every declared route has a handler).
 */
export class Http {
  readonly registered: AnyRoute[] = [];
  private passwordLimit: onRequestAsyncHookHandler | null = null;
  constructor(
    readonly app: FastifyInstance,
    readonly auth: Auth,
    readonly passwordAttemptsPerMinute: () => number,
  ) {}

  /**
   * One budget per client address shared by every `passwordAttempt` route (login, unlock, password change,
   * enrollment, the display token): a client refused on one cannot keep guessing on another. (A per-route
   * `config.rateLimit` would give each route a store of its own.) Needs the rate-limit plugin (rate-limit.ts).
   */
  passwordAttemptLimit(): onRequestAsyncHookHandler {
    if (!this.app.hasDecorator('rateLimit')) {
      throw new Error('password-attempt routes need registerRateLimit() first');
    }
    this.passwordLimit ??= this.app.rateLimit({
      max: () => this.passwordAttemptsPerMinute(),
      timeWindow: 60_000,
    });
    return this.passwordLimit;
  }
}

/**
 * Registers a handler for a route of the shared contract (shared/api/routes): authenticate → validate (zod) →
 * handler. Errors become 4xx via errors.ts. A JSON route's handler must return its declared reply type; a download
 * (`download()`, reply type unknown) sends through Fastify's `reply` and returns it.
 */
export function route<D extends AnyRoute>(
  http: Http,
  def: D,
  handler: (call: Call<NoInfer<D>>) => ReplyType<NoInfer<D>> | Promise<ReplyType<NoInfer<D>>>,
): void {
  const { app, auth } = http;
  if (http.registered.includes(def)) throw new Error(`route registered twice: ${def.method} ${def.path}`);
  http.registered.push(def);
  app.route({
    method: def.method,
    url: def.path,
    ...(def.passwordAttempt ? { onRequest: http.passwordAttemptLimit() } : {}),
    handler: async (req, reply) => {
      const me =
        def.roles === null
          ? null
          : auth.authenticate(req, def.roles, def.allowLocked ? { allowLocked: true } : {});
      if (def.display) auth.authorizeDisplay(req);
      const body = (def.body ? def.body.parse(req.body ?? {}) : undefined) as Parsed<D['body']>;
      const query = (def.query ? def.query.parse(req.query ?? {}) : undefined) as Parsed<D['query']>;
      const params = (def.params ? def.params.parse(req.params ?? {}) : undefined) as Parsed<D['params']>;
      return handler({ body, query, params, me, req, reply });
    },
  });
}

/** The declared routes that got no handler, as `METHOD /path`. */
export function unregistered(declared: readonly AnyRoute[], registered: readonly AnyRoute[]): string[] {
  const done = new Set(registered);
  return declared.filter((d) => !done.has(d)).map((d) => `${d.method} ${d.path}`);
}
