import { setupInput } from '@shared/api/security';
import { newId } from '../../db/ids';
import { ensureBranch } from '../../db/repos/branch';
import { isLoopbackAddress } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { hashPassword } from '../password';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';

const alreadySetUp = () =>
  new ApiError(409, 'already_set_up', '系统已完成初始设置', 'This branch server is already set up');

/** First start of a production install: the first admin account (and the branch's default settings). */
export function setupRoutes(http: Http, ctx: AppContext): void {
  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/setup',
      roles: null,
      body: setupInput,
      summary: 'First run: create the first admin (409 once any staff exists)',
      reply: returns<unknown>(),
    }),
    async ({ body, req, reply }) => {
      if (ctx.staff.count() > 0) throw alreadySetUp();
      // On the LAN, whoever reaches a fresh server first would own it: setup only from the server PC.
      if (ctx.opts.lan && !isLoopbackAddress(req.socket.remoteAddress)) {
        throw new ApiError(
          403,
          'setup_local_only',
          '初始设置只能在网点主机本机上进行',
          'First-run setup can only be done on the branch server PC itself',
        );
      }
      const hash = await hashPassword(body.password);
      const now = ctx.now();
      const id = newId();
      ctx.store.tx(() => {
        // Checked again inside the transaction: two first-run forms submitted at once make one admin.
        if (ctx.staff.count() > 0) throw alreadySetUp();
        ensureBranch(ctx.store, ctx.rules(), null, now);
        ctx.staff.insert({
          id,
          username: body.username,
          display_name: body.displayName,
          role: 'admin',
          password_hash: hash,
          counter_id: null,
          active: 1,
          failed_logins: 0,
          locked_until: null,
          created_at: now,
          updated_at: now,
        });
        ctx.audit.append({
          at: now,
          staffId: id,
          action: 'setup.admin',
          targetType: 'staff',
          targetId: id,
          detail: { username: body.username },
        });
      });
      ctx.invalidateRules();
      reply.status(201);
      return {
        ok: true,
        me: { id, username: body.username, displayName: body.displayName, role: 'admin', counterId: null },
      };
    },
  );
}
