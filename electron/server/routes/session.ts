import { loginInput } from '@shared/api/inputs';
import { passwordChangeInput, unlockInput } from '@shared/api/security';
import type { Role } from '@shared/api/types';
import { scrubPii } from '@shared/customer/mask';
import { newId } from '../../db/ids';
import type { StaffTable } from '../../db/schema';
import { newToken, setSessionCookie, SESSION_COOKIE, tokenId } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { hashPassword, verifyPassword } from '../password';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';
import { accountLocked, lockEnd, passwordFailed } from '../lockout';

export function sessionRoutes(http: Http, ctx: AppContext): void {
  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/session',
      roles: null,
      body: loginInput,
      passwordAttempt: true,
      summary: 'Log in',
      reply: returns<unknown>(),
    }),
    async ({ body, reply, req }) => {
      const now = ctx.now();
      const staff = ctx.staff.byUsername(body.username);
      const bad = new ApiError(401, 'bad_credentials', '用户名或密码错误', 'Wrong username or password');
      if (!staff || !staff.active) {
        // Someone may type an ID or phone number into the user name: the audit row keeps it masked.
        ctx.audit.append({
          at: now,
          staffId: null,
          action: 'login.failed',
          detail: { username: scrubPii(body.username).slice(0, 64) },
        });
        throw bad;
      }
      const locked = lockEnd(staff, now);
      if (locked) {
        ctx.audit.append({ at: now, staffId: staff.id, action: 'login.refused_locked' });
        throw accountLocked(locked);
      }
      const ok = await verifyPassword(body.password, staff.password_hash);
      const at = ctx.now();
      if (!ok) {
        const until = passwordFailed(ctx, staff, 'login.failed', at);
        if (until) throw accountLocked(until);
        throw bad;
      }
      const token = newToken();
      const hours = ctx.rules().security.sessionHours;
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
        idleLockMinutes: ctx.rules().security.idleLockMinutes,
      };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/session',
      roles: [],
      summary: 'Who am I',
      reply: returns<unknown>(),
    }),
    ({ me }) => {
      if (!me) throw new ApiError(401, 'unauthenticated', '请先登录', 'Please log in first');
      const { sessionId: _s, ...rest } = me;
      return { me: rest, idleLockMinutes: ctx.rules().security.idleLockMinutes };
    },
  );

  route(
    http,
    defineRoute({
      method: 'DELETE',
      path: '/api/session',
      roles: [],
      allowLocked: true,
      summary: 'Log out',
      reply: returns<unknown>(),
    }),
    ({ me, reply }) => {
      if (me) {
        const at = ctx.now();
        ctx.store.tx(() => {
          ctx.sessions.delete(me.sessionId);
          ctx.audit.append({ at, staffId: me.id, action: 'logout' });
        });
        ctx.auth.forgetActivity(me.sessionId);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/session/unlock',
      roles: [],
      allowLocked: true,
      passwordAttempt: true,
      body: unlockInput,
      summary: 'Unlock an idle-locked session with the password',
      reply: returns<unknown>(),
    }),
    async ({ me, body }) => {
      const caller = me as NonNullable<typeof me>;
      const staff = ctx.staff.byId(caller.id) as StaffTable;
      const now = ctx.now();
      const locked = lockEnd(staff, now);
      if (locked) throw accountLocked(locked);
      const ok = await verifyPassword(body.password, staff.password_hash);
      const at = ctx.now();
      if (!ok) {
        const until = passwordFailed(ctx, staff, 'unlock.failed', at);
        if (until) {
          // Locked out: this session ends too, so the next person at the counter must log in afresh.
          ctx.sessions.delete(caller.sessionId);
          ctx.auth.forgetActivity(caller.sessionId);
          throw accountLocked(until);
        }
        throw new ApiError(401, 'bad_password', '密码错误', 'Wrong password');
      }
      const session = ctx.sessions.get(caller.sessionId);
      ctx.store.tx(() => {
        ctx.staff.clearFailures(staff.id, at);
        ctx.audit.append({ at, staffId: staff.id, action: 'unlock' });
      });
      ctx.auth.recordActivity(caller.sessionId, session?.last_seen_at ?? 0, at);
      return { ok: true };
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/session/password',
      roles: [],
      passwordAttempt: true,
      body: passwordChangeInput,
      summary: 'Change my password (other sessions of mine end)',
      reply: returns<unknown>(),
    }),
    async ({ me, body }) => {
      const caller = me as NonNullable<typeof me>;
      const staff = ctx.staff.byId(caller.id) as StaffTable;
      if (!(await verifyPassword(body.oldPassword, staff.password_hash))) {
        const until = passwordFailed(ctx, staff, 'password.change_failed', ctx.now());
        if (until) {
          ctx.sessions.delete(caller.sessionId);
          ctx.auth.forgetActivity(caller.sessionId);
          throw accountLocked(until);
        }
        throw new ApiError(400, 'bad_password', '原密码不正确', 'The current password is wrong');
      }
      const hash = await hashPassword(body.newPassword);
      const at = ctx.now();
      const ended = ctx.store.tx(() => {
        ctx.staff.setPassword(staff.id, hash, at);
        const n = ctx.sessions.deleteForStaff(staff.id, caller.sessionId);
        ctx.audit.append({
          at,
          staffId: staff.id,
          action: 'password.change',
          targetType: 'staff',
          targetId: staff.id,
          detail: { otherSessionsEnded: n },
        });
        return n;
      });
      return { ok: true, otherSessionsEnded: ended };
    },
  );
}
