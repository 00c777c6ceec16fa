import { routes } from '@shared/api/routes';
import type { CounterApp } from '../../app/queue';
import type { Caller } from '../auth';
import { route, type Http } from '../route';

const api = routes.queue;

/** Service points as the branch manager sets them up; a counter's open/closed state stays the teller's. */
export function counterRoutes(http: Http, deps: { counters: CounterApp }): void {
  const { counters } = deps;

  route(http, api.counters, () => counters.list());

  route(http, api.createCounter, ({ body, me, reply }) => {
    const created = counters.create(body, (me as Caller).id);
    reply.status(201);
    return created;
  });

  route(http, api.updateCounter, ({ params, body, me }) => counters.update(params.id, body, me as Caller));
}
