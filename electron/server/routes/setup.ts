import { ApiError } from '@shared/api/errors';
import { routes } from '@shared/api/routes';
import type { StaffApp } from '../../app/staff';
import { isLoopbackAddress } from '../auth';
import { route, type Http } from '../route';

/** First start of a production install: the first admin account (and the branch's default settings). */
export function setupRoutes(http: Http, deps: { staff: StaffApp; lan: boolean }): void {
  route(http, routes.session.setup, async ({ body, req, reply }) => {
    deps.staff.refuseIfSetUp();
    // On the LAN, whoever reaches a fresh server first would own it: setup only from the server PC.
    if (deps.lan && !isLoopbackAddress(req.socket.remoteAddress)) {
      throw new ApiError(
        403,
        'setup_local_only',
        '初始设置只能在网点主机本机上进行',
        'First-run setup can only be done on the branch server PC itself',
      );
    }
    const done = await deps.staff.setup(body);
    reply.status(201);
    return done;
  });
}
