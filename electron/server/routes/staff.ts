import { idParam } from '@shared/api/inputs';
import {
  passwordResetInput,
  PRIVILEGED_ROLES,
  staffCreateInput,
  staffPatchInput,
  type StaffView,
} from '@shared/api/security';
import type { Role } from '@shared/api/types';
import { newId } from '../../db/ids';
import type { StaffTable } from '../../db/schema';
import type { Caller } from '../auth';
import type { AppContext } from '../context';
import { ApiError, notFound } from '../errors';
import { hashPassword } from '../password';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';

const MANAGERS = ['manager', 'admin'] as const;

export function toStaffView(s: StaffTable, now: number): StaffView {
  return {
    id: s.id,
    username: s.username,
    displayName: s.display_name,
    role: s.role as Role,
    counterId: s.counter_id,
    active: s.active === 1,
    lockedUntil: s.locked_until !== null && s.locked_until > now ? s.locked_until : null,
  };
}

const adminOnly = () =>
  new ApiError(
    403,
    'admin_only',
    '只有系统管理员可以设置或修改网点负责人和管理员账号',
    'Only an admin may create or change manager and admin accounts',
  );

/** A branch manager runs the front line; accounts that can change settings and staff are the admin's. */
function mayManage(me: Caller, targetRoles: readonly (string | undefined)[]): void {
  if (me.role === 'admin') return;
  if (targetRoles.some((r) => r !== undefined && PRIVILEGED_ROLES.includes(r as Role))) throw adminOnly();
}

export function staffRoutes(http: Http, ctx: AppContext): void {
  const staffOr404 = (id: string) => {
    const s = ctx.staff.byId(id);
    if (!s) throw notFound({ zh: '该员工', en: 'Staff member' });
    return s;
  };
  const counterMustExist = (counterId: string | null | undefined) => {
    if (counterId && !ctx.queue.counters.get(counterId)) {
      throw new ApiError(400, 'unknown_counter', '窗口不存在', 'No such counter');
    }
  };

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/staff',
      roles: MANAGERS,
      summary: 'Staff accounts',
      reply: returns<unknown>(),
    }),
    () => {
      const now = ctx.now();
      return ctx.staff.list().map((s) => toStaffView(s, now));
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/staff',
      roles: MANAGERS,
      body: staffCreateInput,
      summary: 'Create a staff account (manager/admin accounts: admin only)',
      reply: returns<unknown>(),
    }),
    async ({ body, me, reply }) => {
      const caller = me as Caller;
      mayManage(caller, [body.role]);
      counterMustExist(body.counterId);
      if (ctx.staff.byUsername(body.username)) {
        throw new ApiError(
          409,
          'username_taken',
          `用户名已存在：${body.username}`,
          `Username taken: ${body.username}`,
        );
      }
      const hash = await hashPassword(body.password);
      const now = ctx.now();
      const id = newId();
      ctx.store.tx(() => {
        if (ctx.staff.byUsername(body.username)) {
          throw new ApiError(
            409,
            'username_taken',
            `用户名已存在：${body.username}`,
            `Username taken: ${body.username}`,
          );
        }
        ctx.staff.insert({
          id,
          username: body.username,
          display_name: body.displayName,
          role: body.role,
          password_hash: hash,
          counter_id: body.counterId ?? null,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: now,
          updated_at: now,
        });
        ctx.audit.append({
          at: now,
          staffId: caller.id,
          action: 'staff.create',
          targetType: 'staff',
          targetId: id,
          detail: { username: body.username, role: body.role, counterId: body.counterId ?? null },
        });
      });
      reply.status(201);
      return toStaffView(ctx.staff.byId(id) as StaffTable, now);
    },
  );

  route(
    http,
    defineRoute({
      method: 'PATCH',
      path: '/api/staff/:id',
      roles: MANAGERS,
      params: idParam,
      body: staffPatchInput,
      summary: 'Rename, change role or counter, disable/enable (audited)',
      reply: returns<unknown>(),
    }),
    ({ params, body, me }) => {
      const caller = me as Caller;
      const target = staffOr404(params.id);
      mayManage(caller, [target.role, body.role]);
      counterMustExist(body.counterId);
      const roleChanges = body.role !== undefined && body.role !== target.role;
      const activeChanges = body.active !== undefined && body.active !== (target.active === 1);
      if (target.id === caller.id && (roleChanges || body.active === false)) {
        throw new ApiError(
          409,
          'own_account',
          '不能更改自己的岗位或停用自己的账号',
          'You cannot change your own role or disable your own account',
        );
      }
      const leavesAdmins =
        target.role === 'admin' && target.active === 1 && (roleChanges || body.active === false);
      if (leavesAdmins && ctx.staff.activeCountWithRole('admin') <= 1) {
        throw new ApiError(
          409,
          'last_admin',
          '必须保留至少一个启用的管理员',
          'At least one active admin must remain',
        );
      }
      const now = ctx.now();
      ctx.store.tx(() => {
        ctx.staff.update(
          target.id,
          {
            ...(body.displayName === undefined ? {} : { display_name: body.displayName }),
            ...(body.role === undefined ? {} : { role: body.role }),
            ...(body.counterId === undefined ? {} : { counter_id: body.counterId }),
            ...(body.active === undefined ? {} : { active: body.active ? 1 : 0 }),
          },
          now,
        );
        const base = { at: now, staffId: caller.id, targetType: 'staff', targetId: target.id } as const;
        if (roleChanges) {
          ctx.audit.append({
            ...base,
            action: 'staff.role_change',
            detail: { username: target.username, from: target.role, to: body.role },
          });
        }
        if (activeChanges) {
          // A disabled account is out at once, on every PC.
          const ended = body.active ? 0 : ctx.sessions.deleteForStaff(target.id);
          ctx.audit.append({
            ...base,
            action: body.active ? 'staff.enable' : 'staff.disable',
            detail: { username: target.username, sessionsEnded: ended },
          });
        }
        if (body.displayName !== undefined || body.counterId !== undefined) {
          ctx.audit.append({
            ...base,
            action: 'staff.update',
            detail: {
              username: target.username,
              ...(body.displayName === undefined ? {} : { displayName: body.displayName }),
              ...(body.counterId === undefined ? {} : { counterId: body.counterId }),
            },
          });
        }
      });
      return toStaffView(ctx.staff.byId(target.id) as StaffTable, now);
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/staff/:id/password',
      roles: MANAGERS,
      params: idParam,
      body: passwordResetInput,
      summary: 'Reset a staff password (ends their sessions, lifts a lockout)',
      reply: returns<unknown>(),
    }),
    async ({ params, body, me }) => {
      const caller = me as Caller;
      const target = staffOr404(params.id);
      mayManage(caller, [target.role]);
      const hash = await hashPassword(body.password);
      const now = ctx.now();
      const ended = ctx.store.tx(() => {
        ctx.staff.setPassword(target.id, hash, now);
        const n = ctx.sessions.deleteForStaff(target.id, target.id === caller.id ? caller.sessionId : null);
        ctx.audit.append({
          at: now,
          staffId: caller.id,
          action: 'staff.password_reset',
          targetType: 'staff',
          targetId: target.id,
          detail: { username: target.username, sessionsEnded: n },
        });
        return n;
      });
      return { ok: true, sessionsEnded: ended };
    },
  );
}
