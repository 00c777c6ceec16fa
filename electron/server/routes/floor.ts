import { routes } from '@shared/api/routes';
import type { FloorApp } from '../../app/queue';
import { route, type Http } from '../route';

const api = routes.floor;

/** 大堂现场: today's open tickets and the lobby's acts on them (the app audits each). */
export function floorRoutes(http: Http, deps: { floor: FloorApp }): void {
  const { floor } = deps;
  const who = (me: { id: string } | null | undefined) => me?.id ?? null;

  route(http, api.floor, () => floor.floor());
  route(http, api.customerTickets, ({ params }) => floor.customerTickets(params.id));
  route(http, api.reprint, ({ params, me }) => floor.reprint(params.id, who(me)));
  route(http, api.changeServices, ({ params, body, me }) =>
    floor.changeServices(params.id, body.intents, body.flags, who(me)),
  );
  route(http, api.cancel, ({ params, body, me }) => floor.cancel(params.id, body.reason, who(me)));
  route(http, api.move, ({ params, body, me }) => floor.move(params.id, body.toQueue, body.reason, who(me)));
  route(http, api.selfServed, ({ params, me }) => floor.selfServed(params.id, who(me)));
}
