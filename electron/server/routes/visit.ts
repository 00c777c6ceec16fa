import { routes } from '@shared/api/routes';
import type { Done } from '@shared/api/visit';
import type { Role } from '@shared/api/types';
import type { VisitsApp } from '../../app/visits';
import { route, type Http } from '../route';

/** The route's roles guarantee a signed-in staff member; this narrows the type for the app. */
function asker(me: { id: string; role: Role } | null): { id: string; role: Role } {
  if (!me) throw new Error('a staff route ran without a session');
  return me;
}

/** Suggestion outcomes, follow-ups (定期回访), complaints (投诉) and the visit settings. */
export function visitRoutes(http: Http, deps: { visits: VisitsApp }): void {
  const { visits } = deps;
  const api = routes.visits;

  route(http, api.recordOutcome, ({ body, me, reply }) => {
    const result = visits.recordOutcome(body, asker(me).id);
    reply.status(201);
    return result;
  });

  route(http, api.undoOutcome, ({ params, me }) => {
    visits.undoOutcome(params.id, asker(me));
    return { ok: true as const };
  });

  route(http, api.followUps, ({ query, me }) => ({
    followUps: visits.followUps(
      {
        all: query.mine === '0',
        ...(query.status ? { status: query.status } : {}),
        ...(query.customerId ? { customerId: query.customerId } : {}),
      },
      asker(me),
    ),
  }));

  route(http, api.assignees, () => ({ assignees: visits.assignees() }));

  route(http, api.closeFollowUp, ({ params, body, me }): Done => {
    visits.closeFollowUp(params.id, body.status, body.note ?? null, asker(me));
    return { ok: true };
  });

  route(http, api.createComplaint, ({ body, me, reply }) => {
    const result = visits.createComplaint(body, asker(me).id);
    reply.status(201);
    return result;
  });

  route(http, api.complaints, () => ({ complaints: visits.openComplaints() }));

  route(http, api.updateComplaint, ({ params, body, me }): Done => {
    visits.updateComplaint(params.id, body, asker(me).id);
    return { ok: true };
  });

  route(http, api.config, () => visits.config());
}
