import { routes } from '@shared/api/routes';
import type { ConsentSlips } from '../../app/consent-slip';
import type { ProspectsApp } from '../../app/prospects';
import { route, type Http } from '../route';

/** Walk-in prospects and the printed consent slip (Step 15). */
export function prospectRoutes(http: Http, prospects: ProspectsApp, slips: ConsentSlips): void {
  const api = routes.prospects;
  // The routes' roles guarantee a signed-in staff member.
  const staff = (me: { id: string; role: string } | null) => {
    if (!me) throw new Error('a staff route ran without a session');
    return me;
  };
  route(http, api.create, ({ body, me, reply }) => {
    reply.status(201);
    return prospects.create(body, staff(me).id);
  });
  route(http, api.list, ({ query, me }) => {
    const m = staff(me);
    if (!me) throw new Error('unreachable');
    return prospects.list(query, { id: m.id, role: me.role });
  });
  route(http, api.close, ({ params, body, me }) => prospects.close(params.id, body, staff(me).id));
  route(http, api.withdraw, ({ params, body, me }) => prospects.withdraw(params.id, body, staff(me).id));
  route(http, api.reveal, ({ params, body, me }) => prospects.reveal(params.id, body.reason, staff(me).id));
  route(http, api.slip, ({ params }) => slips.forEvent(params.id));
  route(http, api.currentSlip, ({ query }) => slips.current(query.purpose));
}
