import type { IntentsInfo } from '@shared/api/queue';
import type { RulesConfig } from '@shared/config/schema';
import { routes } from '@shared/api/routes';
import type { IdentifyApp, QueueApp } from '../../app/queue';
import type { Caller } from '../auth';
import { route, type Http } from '../route';

const api = routes.queue;

/** Triage, tickets and their events, call-next, the live board, the lobby display and end of day. */
export function queueRoutes(
  http: Http,
  deps: {
    queue: QueueApp;
    identify: IdentifyApp;
    rules: () => RulesConfig;
    /** The ticket writes of a busy hall: run with the others of the same moment, answered once committed. */
    grouped: <T>(fn: () => T) => Promise<T>;
  },
): void {
  const { queue, grouped } = deps;

  route(http, api.triage, ({ body }) => queue.triage(body.customerId, body.intents, body.flags));

  route(http, api.issue, async ({ body, me, reply }) => {
    const r = await grouped(() =>
      queue.issue(
        {
          customerId: body.customerId,
          intents: body.intents,
          flags: body.flags,
          override: body.override,
          secondReason: body.secondReason,
        },
        me?.id ?? null,
      ),
    );
    reply.status(201);
    return r;
  });

  route(http, api.ticket, ({ params }) => queue.ticket(params.id));

  route(http, api.events, ({ params }) => queue.events(params.id));

  route(http, api.act, ({ params, body, me }) =>
    grouped(() =>
      queue.act(params.id, body.type, body.payload, body.counterId ?? me?.counterId ?? null, me as Caller),
    ),
  );

  route(http, api.identify, ({ params, body, me }) =>
    deps.identify.identify(params.id, body.customerId, body.counterId ?? me?.counterId ?? null, me as Caller),
  );

  route(http, api.callNext, async ({ params, me }) => {
    const ticket = await grouped(() => queue.callNext(params.id, me as Caller));
    return ticket
      ? { ticket }
      : { ticket: null, message: { zh: '当前没有等候的客户', en: 'Nobody is waiting' } };
  });

  route(http, api.queues, () => queue.snapshot());

  route(http, api.display, () => queue.snapshot());

  route(http, api.intents, (): IntentsInfo => {
    const r = deps.rules();
    return {
      intents: r.triage.intents,
      channels: r.triage.channels,
      priorities: r.triage.priorities,
      queues: r.queue.queues,
    };
  });

  route(http, api.endOfDay, ({ me }) => ({ cancelled: queue.endOfDay(me?.id ?? null) }));
}
