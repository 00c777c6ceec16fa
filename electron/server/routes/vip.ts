import { routes } from '@shared/api/routes';
import type { VipApp } from '../../app/queue';
import { route, type Http } from '../route';

/** The VIP room's day: every ticket of today in a queue served by the VIP channel, with who it is for. */
export function vipRoutes(http: Http, deps: { vip: VipApp }): void {
  route(http, routes.queue.vipToday, () => deps.vip.today());
}
