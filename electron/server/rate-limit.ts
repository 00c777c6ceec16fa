import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context';
import { ApiError } from './errors';

/**
 * Limits password attempts per client address (routes with `passwordAttempt` in route.ts): with the
 * per-account lockout this stops both guessing one account and spraying many. In memory, per server.
 */
export async function registerRateLimit(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) =>
      new ApiError(
        429,
        'too_many_attempts',
        `尝试次数过多，请 ${Math.ceil(c.ttl / 1000)} 秒后再试`,
        `Too many attempts; try again in ${Math.ceil(c.ttl / 1000)} s`,
        { retryAfterMs: c.ttl },
      ),
    onExceeded: (req) => {
      ctx.log.warn({ ip: req.ip, url: req.url.split('?')[0] }, 'password attempts rate-limited');
    },
  });
}
