import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Me, Role } from '@shared/api/types';
import { ApiError } from './errors';
import type { AppContext } from './context';

export const SESSION_COOKIE = 'sid';

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h && h.startsWith('Bearer ')) return h.slice(7).trim() || null;
  const c = req.cookies?.[SESSION_COOKIE];
  return c ?? null;
}

const UNAUTH = () => new ApiError(401, 'unauthenticated', '请先登录', 'Please log in first');

/** Resolves the caller, or throws 401/403. `roles` empty = any logged-in staff. */
export function authenticate(
  ctx: AppContext,
  req: FastifyRequest,
  roles: readonly Role[],
): Me & { sessionId: string } {
  const token = bearer(req);
  if (!token) throw UNAUTH();
  const id = tokenId(token);
  const now = ctx.now();
  const session = ctx.sessions.get(id);
  if (!session || session.expires_at <= now)
    throw new ApiError(
      401,
      'session_expired',
      '登录已过期，请重新登录',
      'Session expired; please log in again',
    );
  const staff = ctx.staff.byId(session.staff_id);
  if (!staff || !staff.active) throw UNAUTH();
  if (roles.length > 0 && !roles.includes(staff.role as Role)) {
    throw new ApiError(403, 'forbidden', '您的岗位无权执行此操作', 'Your role is not allowed to do this');
  }
  // Touch at most once a minute: a write per request would cost more than the request.
  if (now - session.last_seen_at > 60_000) ctx.sessions.touch(id, now);
  return {
    sessionId: id,
    id: staff.id,
    username: staff.username,
    displayName: staff.display_name,
    role: staff.role as Role,
    counterId: staff.counter_id,
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSec: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    maxAge: maxAgeSec,
  });
}
