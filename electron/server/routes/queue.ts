import { z } from 'zod';
import { issueRequest, ticketEventRequest, triageRequest } from '@shared/api/queue';
import { idParam } from '@shared/api/inputs';
import type { Role } from '@shared/api/types';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';

const FRONT: Role[] = ['lobby', 'manager', 'admin', 'teller', 'rm'];
const SERVING: Role[] = ['teller', 'rm', 'lobby', 'manager', 'admin'];

export function queueRoutes(http: Http, ctx: AppContext): void {
  const q = ctx.queue;
  const actor = (me: { id: string } | null) => ({ staffId: me?.id ?? null, deviceId: ctx.opts.deviceId });

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/triage',
      roles: FRONT,
      body: triageRequest,
      summary: 'Triage decision with reasons (no ticket)',
      reply: returns<unknown>(),
    }),
    ({ body }) => q.triageFor(body.customerId, body.intents, body.flags, ctx.now()),
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/tickets',
      roles: FRONT,
      body: issueRequest,
      summary: 'Issue a ticket (triage, or an override with a reason)',
      reply: returns<unknown>(),
    }),
    ({ body, me, reply }) => {
      const r = q.issue(
        { customerId: body.customerId, intents: body.intents, flags: body.flags, override: body.override },
        actor(me),
        ctx.now(),
      );
      reply.status(201);
      return r;
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/tickets/:id',
      roles: SERVING,
      params: idParam,
      summary: 'One ticket',
      reply: returns<unknown>(),
    }),
    ({ params }) => {
      const t = q.tickets.get(params.id);
      if (!t) throw new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');
      return q.view(t, ctx.now());
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/tickets/:id/events',
      roles: SERVING,
      params: idParam,
      summary: 'A ticket’s event log',
      reply: returns<unknown>(),
    }),
    ({ params }) => ({
      events: q.tickets.events(params.id),
    }),
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/tickets/:id/events',
      roles: SERVING,
      params: idParam,
      body: ticketEventRequest,
      summary:
        'call | recall | start | finish | no_show | requeue | transfer | cancel | hold | resume | override',
      reply: returns<unknown>(),
    }),
    ({ params, body, me }) => {
      const counterId = body.counterId ?? me?.counterId ?? null;
      const view = q.act(params.id, body.type, body.payload, counterId, actor(me), ctx.now());
      if (body.type === 'override' || body.type === 'transfer' || body.type === 'cancel') {
        ctx.audit.append({
          at: ctx.now(),
          staffId: me?.id ?? null,
          action: `ticket.${body.type}`,
          targetType: 'ticket',
          targetId: params.id,
          reason: typeof body.payload.reason === 'string' ? body.payload.reason : null,
        });
      }
      return view;
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/counters/:id/call-next',
      roles: SERVING,
      params: idParam,
      summary: 'Call the next ticket for a counter',
      reply: returns<unknown>(),
    }),
    ({ params, me }) => {
      const ticket = q.callNext(params.id, actor(me), ctx.now());
      return ticket
        ? { ticket }
        : { ticket: null, message: { zh: '当前没有等候的客户', en: 'Nobody is waiting' } };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/counters',
      roles: [],
      summary: 'Service points',
      reply: returns<unknown>(),
    }),
    () => ({
      counters: q.counters.all(),
    }),
  );

  // PATCH /api/counters/:id (open/close and set-up) lives in counters.ts with the counter management.

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/queues',
      roles: [],
      summary: 'Live queue state',
      reply: returns<unknown>(),
    }),
    () => q.snapshot(ctx.now()),
  );

  // The lobby TV shows ticket numbers only; on the default loopback binding it needs no login.
  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/display',
      roles: null,
      display: true,
      summary: 'Queue state for the lobby display (ticket numbers only; display token on the LAN)',
      reply: returns<unknown>(),
    }),
    () => q.snapshot(ctx.now()),
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/intents',
      roles: [],
      summary: 'Visit intents and channels of the triage config',
      reply: returns<unknown>(),
    }),
    () => {
      const r = ctx.rules();
      return {
        intents: r.triage.intents,
        channels: r.triage.channels,
        priorities: r.triage.priorities,
        queues: r.queue.queues,
      };
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/queues/end-of-day',
      roles: ['manager', 'admin'],
      body: z.object({}).optional(),
      summary: 'Cancel what is still open today; tickets stay archived',
      reply: returns<unknown>(),
    }),
    ({ me }) => {
      const n = q.endOfDay(actor(me), ctx.now());
      ctx.audit.append({
        at: ctx.now(),
        staffId: me?.id ?? null,
        action: 'queue.end_of_day',
        detail: { cancelled: n },
      });
      return { cancelled: n };
    },
  );
}
