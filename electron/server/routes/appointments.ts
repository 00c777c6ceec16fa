import { routes } from '@shared/api/routes';
import type { AppointmentsApp } from '../../app/appointments';
import { route, type Http } from '../route';

const api = routes.appointments;

function staff(me: { id: string } | null): string {
  if (!me) throw new Error('a staff route ran without a session');
  return me.id;
}

/** The key a bank's app sends: `x-api-key`, or `Authorization: Bearer`. */
function apiKeyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const h = headers['x-api-key'];
  if (typeof h === 'string' && h) return h;
  const auth = headers.authorization;
  return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
}

/** Appointments (预约): desk booking, lobby check-in, the manager's day and cash plan, and the bank-app API. */
export function appointmentRoutes(http: Http, deps: { appointments: AppointmentsApp }): void {
  const app = deps.appointments;
  const b = app.bookings;

  route(http, api.info, () => b.info());
  route(http, api.slots, ({ query }) => b.slots(query.day, query.service));
  route(http, api.book, ({ body, me, reply }) => {
    const r = b.book(body, staff(me));
    reply.status(201);
    return r;
  });
  route(http, api.day, ({ query }) => app.dayView(query.day));
  route(http, api.cashPlan, ({ query }) => app.cashPlan(query.day));
  route(http, api.forCustomer, ({ params }) => ({ appointments: app.todayFor(params.id) }));
  route(http, api.byCode, ({ params }) => app.byCode(params.code));
  route(http, api.cancel, ({ params, body, me }) => app.cancel(params.id, body.reason ?? null, staff(me)));
  route(http, api.checkIn, ({ params, body, me, reply }) => {
    const r = app.checkIn(params.id, body.acceptWalkIn ?? false, staff(me));
    if (r.kind !== 'offer_walk_in') reply.status(201);
    return r;
  });
  route(http, api.notifications, () => ({ notifications: app.notifications() }));
  route(http, api.createKey, ({ body, me, reply }) => {
    const r = app.createKey(body.name, staff(me));
    reply.status(201);
    return r;
  });
  route(http, api.keys, () => ({ keys: app.keys() }));

  // The key is checked before the body is used; the route wrapper has validated it already (a 400 says nothing
  // about the key, and an invalid key never reaches the booking).
  route(http, api.apiBook, ({ body, req, reply }) => {
    const keyId = app.authenticateKey(apiKeyOf(req.headers));
    const r = b.apiBook(body, keyId);
    reply.status(r.created ? 201 : 200);
    return r;
  });
  route(http, api.apiCancel, ({ params, req }) =>
    b.apiCancel(params.externalId, app.authenticateKey(apiKeyOf(req.headers))),
  );
}
