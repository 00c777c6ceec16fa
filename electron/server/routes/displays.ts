import { idParam } from '@shared/api/inputs';
import { displayCreateInput, displaySessionInput, type DisplayView } from '@shared/api/security';
import { newId } from '../../db/ids';
import { DISPLAY_COOKIE, newToken, tokenId, type Caller } from '../auth';
import type { AppContext } from '../context';
import { ApiError, notFound } from '../errors';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';

const MANAGERS = ['manager', 'admin'] as const;

/** Lobby displays on the LAN: each has its own read-only token, shown once, revocable. */
export function displayRoutes(http: Http, ctx: AppContext): void {
  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/displays',
      roles: MANAGERS,
      summary: 'Lobby displays with a token',
      reply: returns<unknown>(),
    }),
    (): DisplayView[] =>
      ctx.displays.active().map((d) => ({
        id: d.id,
        name: d.name,
        createdAt: d.created_at,
        lastSeenAt: d.last_seen_at,
      })),
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/displays',
      roles: MANAGERS,
      body: displayCreateInput,
      summary: 'New display token (shown once): open /display?token=… on the lobby TV',
      reply: returns<unknown>(),
    }),
    ({ body, me, reply }) => {
      const caller = me as Caller;
      const token = newToken();
      const id = newId();
      const now = ctx.now();
      ctx.store.tx(() => {
        ctx.displays.insert({
          id,
          name: body.name,
          token_hash: tokenId(token),
          created_at: now,
          created_by: caller.id,
          last_seen_at: null,
          revoked_at: null,
        });
        ctx.audit.append({
          at: now,
          staffId: caller.id,
          action: 'display.create',
          targetType: 'display',
          targetId: id,
          detail: { name: body.name },
        });
      });
      reply.status(201);
      return { id, name: body.name, token, path: `/display?token=${token}` };
    },
  );

  route(
    http,
    defineRoute({
      method: 'DELETE',
      path: '/api/displays/:id',
      roles: MANAGERS,
      params: idParam,
      summary: 'Revoke a display token',
      reply: returns<unknown>(),
    }),
    ({ params, me }) => {
      const now = ctx.now();
      const done = ctx.store.tx(() => {
        if (!ctx.displays.revoke(params.id, now)) return false;
        ctx.audit.append({
          at: now,
          staffId: (me as Caller).id,
          action: 'display.revoke',
          targetType: 'display',
          targetId: params.id,
        });
        return true;
      });
      if (!done) throw notFound({ zh: '该显示屏', en: 'Display' });
      return { ok: true };
    },
  );

  // The display page trades the token in its URL for an httpOnly cookie, which the live feed's fetches and
  // WebSocket then carry on their own (a WebSocket cannot send headers from a browser).
  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/display/session',
      roles: null,
      passwordAttempt: true,
      body: displaySessionInput,
      summary: 'Lobby display: exchange its token for a cookie',
      reply: returns<unknown>(),
    }),
    ({ body, reply }) => {
      const d = ctx.auth.displayFor(body.token);
      if (!d) {
        throw new ApiError(
          401,
          'bad_display_token',
          '显示屏令牌无效或已被撤销',
          'The display token is not valid or was revoked',
        );
      }
      reply.setCookie(DISPLAY_COOKIE, body.token, {
        path: '/api',
        httpOnly: true,
        sameSite: 'strict',
        maxAge: 365 * 24 * 3600,
      });
      return { ok: true, name: d.name };
    },
  );
}
