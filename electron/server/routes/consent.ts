import { routes } from '@shared/api/routes';
import type { ConsentApp } from '../../app/consent';
import { route, type Http } from '../route';

/** Consent at the desk (Step 15). */
export function consentRoutes(http: Http, consent: ConsentApp): void {
  const api = routes.consent;
  route(http, api.texts, () => consent.texts());
  route(http, api.view, ({ params }) => consent.view(params.id));
  route(http, api.record, ({ params, body, me, reply }) => {
    // The route's roles guarantee a signed-in staff member.
    if (!me) throw new Error('a staff route ran without a session');
    reply.status(201);
    return consent.record(params.id, body, me.id);
  });
}
