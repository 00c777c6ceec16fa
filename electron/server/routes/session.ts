import type { FastifyInstance } from 'fastify';
import { loginInput } from '@shared/api/inputs';
import type { Role } from '@shared/api/types';
import { newId } from '../../db/ids';
import { newToken, setSessionCookie, SESSION_COOKIE, tokenId } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { verifyPassword } from '../password';
import { route } from '../route';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

export function sessionRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(
    app,
    ctx,
    { method: 'POST', url: '/api/session', roles: null, body: loginInput, summary: 'Log in' },
    async ({ body, reply, req }) => {
      const now = ctx.now();
      const staff = ctx.staff.byUsername(body.username);
      const bad = new ApiError(401, 'bad_credentials', '用户名或密码错误', 'Wrong username or password');
      if (!staff || !staff.active) {
        ctx.audit.append({
          at: now,
          staffId: null,
          action: 'login.failed',
          detail: { username: body.username },
        });
        throw bad;
      }
      if (staff.locked_until && staff.locked_until > now) {
        throw new ApiError(
          423,
          'locked',
          `连续登录失败，账号已锁定${LOCK_MINUTES}分钟`,
          `Too many failures; account locked for ${LOCK_MINUTES} minutes`,
        );
      }
      const ok = await verifyPassword(body.password, staff.password_hash);
      const at = ctx.now();
      if (!ok) {
        const failures = staff.failed_logins + 1;
        ctx.store.tx(() => {
          ctx.staff.recordFailure(
            staff.id,
            failures,
            failures >= MAX_FAILURES ? at + LOCK_MINUTES * 60_000 : null,
            at,
          );
          ctx.audit.append({ at, staffId: staff.id, action: 'login.failed', detail: { failures } });
        });
        throw bad;
      }
      const token = newToken();
      const hours = ctx.opts.sessionHours;
      const deviceHeader = req.headers['x-device-id'];
      ctx.store.tx(() => {
        ctx.staff.clearFailures(staff.id, at);
        ctx.sessions.insert({
          id: tokenId(token),
          staff_id: staff.id,
          device_id: typeof deviceHeader === 'string' ? deviceHeader.slice(0, 64) : 'browser',
          created_at: at,
          last_seen_at: at,
          expires_at: at + hours * 3_600_000,
        });
        ctx.audit.append({ at, staffId: staff.id, action: 'login', detail: { sessionRef: newId() } });
      });
      setSessionCookie(reply, token, hours * 3600);
      return {
        token,
        me: {
          id: staff.id,
          username: staff.username,
          displayName: staff.display_name,
          role: staff.role as Role,
          counterId: staff.counter_id,
        },
      };
    },
  );

  route(app, ctx, { method: 'GET', url: '/api/session', roles: [], summary: 'Who am I' }, ({ me }) => {
    if (!me) throw new ApiError(401, 'unauthenticated', '请先登录', 'Please log in first');
    const { sessionId: _s, ...rest } = me;
    return { me: rest };
  });

  route(
    app,
    ctx,
    { method: 'DELETE', url: '/api/session', roles: [], summary: 'Log out' },
    ({ me, reply }) => {
      if (me) {
        const at = ctx.now();
        ctx.store.tx(() => {
          ctx.sessions.delete(me.sessionId);
          ctx.audit.append({ at, staffId: me.id, action: 'logout' });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );
}
