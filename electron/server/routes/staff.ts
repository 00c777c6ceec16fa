import { routes } from '@shared/api/routes';
import type { SessionCaller } from '../../app/session';
import type { StaffApp } from '../../app/staff';
import { route, type Http } from '../route';

/** Staff accounts (manager/admin routes: route() has authenticated the caller, so `me` is set). */
export function staffRoutes(http: Http, deps: { staff: StaffApp }): void {
  const { staff } = deps;

  route(http, routes.staff.list, () => staff.list());

  route(http, routes.staff.create, async ({ body, me, reply }) => {
    const view = await staff.create(me as SessionCaller, body);
    reply.status(201);
    return view;
  });

  route(http, routes.staff.update, ({ params, body, me }) =>
    staff.update(me as SessionCaller, params.id, body),
  );

  route(http, routes.staff.resetPassword, ({ params, body, me }) =>
    staff.resetPassword(me as SessionCaller, params.id, body.password),
  );
}
