import { routes } from '@shared/api/routes';
import type { Done } from '@shared/api/security';
import type { SessionApp, SessionCaller } from '../../app/session';
import { setSessionCookie, SESSION_COOKIE } from '../auth';
import { route, type Http } from '../route';

/** Log in and out, the idle lock's unlock, one's own password. */
export function sessionRoutes(http: Http, deps: { session: SessionApp }): void {
  const { session } = deps;

  route(http, routes.session.login, async ({ body, reply, req }) => {
    const h = req.headers['x-device-id'];
    const device = typeof h === 'string' ? h.slice(0, 64) : 'browser';
    const r = await session.login(body.username, body.password, device);
    setSessionCookie(reply, r.reply.token, r.maxAgeSec);
    return r.reply;
  });

  // Roles [] (any logged-in staff): route() has authenticated the caller, so `me` is set.
  route(http, routes.session.me, ({ me }) => session.info(me as SessionCaller));

  route(http, routes.session.logout, ({ me, reply }): Done => {
    if (me) session.logout(me);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  route(http, routes.session.unlock, ({ me, body }) => session.unlock(me as SessionCaller, body.password));

  route(http, routes.session.changePassword, ({ me, body }) =>
    session.changePassword(me as SessionCaller, body.oldPassword, body.newPassword),
  );
}
