import { ApiError } from '@shared/api/errors';
import { routes } from '@shared/api/routes';
import type { DisplaySession } from '@shared/api/security';
import type { DisplaysApp } from '../../app/displays';
import { DISPLAY_COOKIE, type Caller } from '../auth';
import { lanUrls } from '../lan-address';
import { route, type Http } from '../route';

/** Lobby displays on the LAN: each has its own read-only token, shown once, revocable. */
export function displayRoutes(http: Http, deps: { displays: DisplaysApp; lan: boolean }): void {
  const { displays, lan } = deps;

  route(http, routes.displays.list, () => displays.list());

  // A TV on the LAN cannot open the 127.0.0.1 this page may be on: the reply names the hub's LAN addresses.
  route(http, routes.displays.create, ({ body, me, req, reply }) => {
    const created = displays.create(body.name, (me as Caller).id);
    reply.status(201);
    return { ...created, lan, lanUrls: lanUrls(lan, req.socket.localPort ?? 0, created.path) };
  });

  route(http, routes.displays.revoke, ({ params, me }) => displays.revoke(params.id, (me as Caller).id));

  // The display page trades the token in its URL for an httpOnly cookie, which the live feed's fetches and
  // WebSocket then carry on their own (a WebSocket cannot send headers from a browser).
  route(http, routes.displays.session, ({ body, reply }): DisplaySession => {
    const d = http.auth.displayFor(body.token);
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
  });
}
