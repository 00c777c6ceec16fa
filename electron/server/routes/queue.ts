import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { issueRequest, ticketEventRequest, triageRequest } from '@shared/api/queue';
import { idParam } from '@shared/api/inputs';
import type { Role } from '@shared/api/types';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { route } from '../route';

const FRONT: Role[] = ['lobby', 'manager', 'admin', 'teller', 'rm'];
const SERVING: Role[] = ['teller', 'rm', 'lobby', 'manager', 'admin'];

export function queueRoutes(app: FastifyInstance, ctx: AppContext): void {
  const q = ctx.queue;
  const actor = (me: { id: string } | null) => ({ staffId: me?.id ?? null, deviceId: ctx.opts.deviceId });

  route(
    app,
    ctx,
    {
      method: 'POST',
      url: '/api/triage',
      roles: FRONT,
      body: triageRequest,
      summary: 'Triage decision with reasons (no ticket)',
    },
    ({ body }) => q.triageFor(body.customerId, body.intents, body.flags, ctx.now()),
  );

  route(
    app,
    ctx,
    {
      method: 'POST',
      url: '/api/tickets',
      roles: FRONT,
      body: issueRequest,
      summary: 'Issue a ticket (triage, or an override with a reason)',
    },
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
    app,
    ctx,
    { method: 'GET', url: '/api/tickets/:id', roles: SERVING, params: idParam, summary: 'One ticket' },
    ({ params }) => {
      const t = q.tickets.get(params.id);
      if (!t) throw new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');
      return q.view(t, ctx.now());
    },
  );

  route(
    app,
    ctx,
    {
      method: 'GET',
      url: '/api/tickets/:id/events',
      roles: SERVING,
      params: idParam,
      summary: 'A ticket’s event log',
    },
    ({ params }) => ({
      events: q.tickets.events(params.id),
    }),
  );

  route(
    app,
    ctx,
    {
      method: 'POST',
      url: '/api/tickets/:id/events',
      roles: SERVING,
      params: idParam,
      body: ticketEventRequest,
      summary:
        'call | recall | start | finish | no_show | requeue | transfer | cancel | hold | resume | override',
    },
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
    app,
    ctx,
    {
      method: 'POST',
      url: '/api/counters/:id/call-next',
      roles: SERVING,
      params: idParam,
      summary: 'Call the next ticket for a counter',
    },
    ({ params, me }) => {
      const ticket = q.callNext(params.id, actor(me), ctx.now());
      return ticket
        ? { ticket }
        : { ticket: null, message: { zh: '当前没有等候的客户', en: 'Nobody is waiting' } };
    },
  );

  route(app, ctx, { method: 'GET', url: '/api/counters', roles: [], summary: 'Service points' }, () => ({
    counters: q.counters.all(),
  }));

  // PATCH /api/counters/:id (open/close and set-up) lives in counters.ts with the counter management.

  route(app, ctx, { method: 'GET', url: '/api/queues', roles: [], summary: 'Live queue state' }, () =>
    q.snapshot(ctx.now()),
  );

  // The lobby TV shows ticket numbers only; on the default loopback binding it needs no login.
  route(
    app,
    ctx,
    {
      method: 'GET',
      url: '/api/display',
      roles: null,
      display: true,
      summary: 'Queue state for the lobby display (ticket numbers only; display token on the LAN)',
    },
    () => q.snapshot(ctx.now()),
  );

  route(
    app,
    ctx,
    {
      method: 'GET',
      url: '/api/intents',
      roles: [],
      summary: 'Visit intents and channels of the triage config',
    },
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
    app,
    ctx,
    {
      method: 'POST',
      url: '/api/queues/end-of-day',
      roles: ['manager', 'admin'],
      body: z.object({}).optional(),
      summary: 'Cancel what is still open today; tickets stay archived',
    },
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
