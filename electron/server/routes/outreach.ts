import { routes } from '@shared/api/routes';
import type { Me } from '@shared/api/types';
import type { OutreachConfig } from '@shared/outreach/config';
import type { OutreachApp, OwnersApp } from '../../app/outreach';
import { route, type Http } from '../route';

/** The route's roles guarantee a signed-in staff member; this narrows the type for the app. */
function staff(me: Me | null): Me {
  if (!me) throw new Error('a staff route ran without a session');
  return me;
}

const MANAGERS = new Set(['manager', 'admin']);

/** 客户经营 (Step 14): the book, outreach lists, contacts, owners and 我来接待. */
export function outreachRoutes(
  http: Http,
  deps: { outreach: OutreachApp; owners: OwnersApp; config: () => OutreachConfig },
): void {
  const { outreach, owners } = deps;
  const api = routes.outreach;

  // An RM sees their own book; the manager may open anyone's.
  route(http, api.book, ({ query, me }) => {
    const m = staff(me);
    return outreach.book(query.staffId && MANAGERS.has(m.role) ? query.staffId : m.id);
  });
  route(http, api.list, ({ query, me }) => {
    const m = staff(me);
    const on = query.staffId && MANAGERS.has(m.role) ? { ...m, id: query.staffId, role: 'rm' as const } : m;
    return outreach.list(query, on);
  });
  route(http, api.assign, ({ body, me }) =>
    outreach.assignOutreach(body.customerIds, body.assigneeId, staff(me).id),
  );
  route(http, api.figures, ({ query, me }) => {
    const m = staff(me);
    // An RM sees their own figures; the manager the branch's, or one RM's.
    const staffId = MANAGERS.has(m.role) ? query.staffId : m.id;
    return outreach.figures({ from: query.from, to: query.to, staffId }, m);
  });
  route(http, api.config, () => deps.config());
  route(http, api.unowned, () => owners.unowned());
  route(http, api.assignOwners, ({ body, me }) => owners.assignOwners(body, staff(me).id));
  route(http, api.books, () => owners.handover.books());
  route(http, api.handover, ({ body, me }) => owners.handover.handover(body, staff(me).id));
  route(http, api.panel, ({ params }) => owners.panel(params.id));
  route(http, api.logContact, ({ params, body, me, reply }) => {
    const c = outreach.logContact(params.id, body, staff(me));
    reply.status(201);
    return c;
  });
  route(http, api.setMarks, ({ params, body, me }) => {
    owners.setMarks(params.id, body, staff(me).id);
    return owners.panel(params.id);
  });
  route(http, api.arrivals, ({ me }) => ({ arrivals: outreach.arrivals(staff(me).id) }));
  route(http, api.take, ({ params, me }) => owners.take(params.id, staff(me)));
}
