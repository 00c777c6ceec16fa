import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors';

/**
 * The head office is reached over the WAN by every branch: a client address that keeps presenting wrong keys
 * (a scan, or a branch whose key was revoked and retries in a loop) is answered 429 for the rest of the minute
 * instead of reaching the key table each time. Only refusals count (401), so a branch pushing every few
 * seconds with a good key is never limited. In memory, per server.
 */
export interface KeyAttemptLimits {
  /** Wrong keys an address may present per window before it is refused. */
  perWindow: number;
  windowMs: number;
  now: () => number;
}

export function limitKeyAttempts(app: FastifyInstance, limits: KeyAttemptLimits): void {
  const failures = new Map<string, { since: number; n: number }>();
  const current = (ip: string, now: number) => {
    const f = failures.get(ip);
    if (f && now - f.since < limits.windowMs) return f;
    failures.delete(ip);
    return null;
  };
  app.addHook('onRequest', async (req) => {
    const now = limits.now();
    const f = current(req.ip, now);
    if (f && f.n >= limits.perWindow) {
      const wait = Math.ceil((f.since + limits.windowMs - now) / 1000);
      throw new ApiError(
        429,
        'too_many_attempts',
        `密钥错误次数过多，请 ${wait} 秒后再试`,
        `Too many wrong keys; try again in ${wait} s`,
        { retryAfterMs: f.since + limits.windowMs - now },
      );
    }
  });
  app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode !== 401) return;
    const now = limits.now();
    const f = current(req.ip, now);
    if (f) f.n += 1;
    else failures.set(req.ip, { since: now, n: 1 });
    // A scan from many addresses must not grow the map without end: forget the oldest windows first.
    if (failures.size > 10_000) {
      for (const [ip, v] of failures) if (now - v.since >= limits.windowMs) failures.delete(ip);
    }
  });
}
