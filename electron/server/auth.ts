import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Me, Role } from '@shared/api/types';
import { ApiError } from './errors';
import type { AuthCache } from '../db/repos/auth-cache';
import type { DisplayTokenRepo } from '../db/repos/displays';
import type { SessionRepo } from '../db/repos/staff';
import { newToken, tokenId } from '../app/tokens';

export const SESSION_COOKIE = 'sid';
export const DISPLAY_COOKIE = 'dtok';
/** Requests the user did not cause (polling, a live-feed refetch) send this; they do not count as activity. */
export const BACKGROUND_HEADER = 'x-background';

export { newToken, tokenId };

function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h && h.startsWith('Bearer ')) return h.slice(7).trim() || null;
  const c = req.cookies?.[SESSION_COOKIE];
  return c ?? null;
}

const UNAUTH = () => new ApiError(401, 'unauthenticated', '请先登录', 'Please log in first');

export const sessionLocked = () =>
  new ApiError(
    401,
    'session_locked',
    '长时间未操作，屏幕已锁定，请输入密码解锁',
    'Locked after inactivity; enter your password to unlock',
  );

export type Caller = Me & { sessionId: string };

export interface AuthOptions {
  /** Answer even when the session is idle-locked (unlock and logout themselves). */
  allowLocked?: boolean;
}

/** What authentication reads: sessions and staff (cached per token), display tokens, the idle-lock setting. */
export interface AuthDeps {
  authCache: Pick<AuthCache, 'get'>;
  sessions: Pick<SessionRepo, 'touch'>;
  displays: Pick<DisplayTokenRepo, 'byHash' | 'touch'>;
  idleLockMinutes: () => number;
  now: () => number;
  /** Listening beyond loopback: lobby displays then need a display token (or a staff session). */
  lan: boolean;
}

/** Resolves callers from session tokens and lobby displays from display tokens; keeps the idle-lock clock. */
export class Auth {
  /**
   * Last activity per session, kept in memory so the idle lock is exact; the DB copy (sessions.last_seen_at)
   * is written at most once a minute and is what a restarted server starts from.
   */
  private readonly activity = new Map<string, number>();

  constructor(private readonly deps: AuthDeps) {}

  lastActivity(sessionId: string, stored: number): number {
    return Math.max(stored, this.activity.get(sessionId) ?? 0);
  }

  recordActivity(sessionId: string, stored: number, now: number): void {
    const m = this.activity;
    m.set(sessionId, now);
    if (now - stored > 60_000) this.deps.sessions.touch(sessionId, now);
    if (m.size > 10_000) {
      const horizon = now - 24 * 3_600_000;
      for (const [k, v] of m) if (v < horizon) m.delete(k);
    }
  }

  forgetActivity(sessionId: string): void {
    this.activity.delete(sessionId);
  }

  /** Resolves the caller, or throws 401/403. `roles` empty = any logged-in staff. */
  authenticate(req: FastifyRequest, roles: readonly Role[], opts: AuthOptions = {}): Caller {
    const token = bearer(req);
    if (!token) throw UNAUTH();
    const now = this.deps.now();
    // Cached per token; any write to sessions or staff clears it (see AuthCache).
    const { sessionId: id, session, staff } = this.deps.authCache.get(token, tokenId);
    if (!session || session.expires_at <= now)
      throw new ApiError(
        401,
        'session_expired',
        '登录已过期，请重新登录',
        'Session expired; please log in again',
      );
    if (!staff || !staff.active) throw UNAUTH();
    const role = staff.role as Role;
    // The lobby TV's login never locks: nobody types at it, and it shows ticket numbers only.
    if (role !== 'display') {
      const idleMs = this.deps.idleLockMinutes() * 60_000;
      const last = this.lastActivity(id, session.last_seen_at);
      if (now - last > idleMs && !opts.allowLocked) throw sessionLocked();
    }
    if (roles.length > 0 && !roles.includes(role)) {
      throw new ApiError(403, 'forbidden', '您的岗位无权执行此操作', 'Your role is not allowed to do this');
    }
    if (!opts.allowLocked && req.headers[BACKGROUND_HEADER] !== '1') {
      this.recordActivity(id, session.last_seen_at, now);
    }
    return {
      sessionId: id,
      id: staff.id,
      username: staff.username,
      displayName: staff.display_name,
      role,
      counterId: staff.counter_id,
    };
  }

  /** The display whose token this is, or null (unknown or revoked). Last use is kept to the minute. */
  displayFor(token: string): { id: string; name: string } | null {
    const row = this.deps.displays.byHash(tokenId(token));
    if (!row) return null;
    const now = this.deps.now();
    if (!row.last_seen_at || now - row.last_seen_at > 60_000) this.deps.displays.touch(row.id, now);
    return { id: row.id, name: row.name };
  }

  /**
   * The lobby display feed (ticket numbers only). On a loopback-only server anyone on this PC may read it;
   * on the LAN it needs a display token (query `token`, header `x-display-token` or the `dtok` cookie), a
   * staff session, or a client on the server PC itself.
   */
  authorizeDisplay(req: FastifyRequest): void {
    if (!this.deps.lan || isLoopbackAddress(req.socket.remoteAddress)) return;
    const token = displayTokenOf(req);
    if (token && this.displayFor(token)) return;
    if (bearer(req)) {
      // A staff screen showing the board: a locked session may still see ticket numbers, and this is no activity.
      this.authenticate(req, [], { allowLocked: true });
      return;
    }
    throw new ApiError(
      401,
      'display_token_required',
      '大堂显示屏需要有效的显示屏令牌（请由网点负责人在“显示屏”设置中生成链接）',
      'This lobby display needs a valid display token (the branch manager creates the link under Displays)',
    );
  }
}

export function setSessionCookie(reply: FastifyReply, token: string, maxAgeSec: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    // Behind a TLS proxy (or served over https), the cookie never travels over plain HTTP.
    secure: reply.request.protocol === 'https',
    maxAge: maxAgeSec,
  });
}

export function isLoopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false;
  return addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}

function displayTokenOf(req: FastifyRequest): string | null {
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  if (typeof q === 'string' && q) return q;
  const h = req.headers['x-display-token'];
  if (typeof h === 'string' && h) return h;
  return req.cookies?.[DISPLAY_COOKIE] ?? null;
}
