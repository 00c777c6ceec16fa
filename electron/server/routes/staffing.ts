import { routes } from '@shared/api/routes';
import type { StaffingApp } from '../../app/staffing';
import type { Caller } from '../auth';
import { route, type Http } from '../route';

/** The what-if staffing simulator's data and the counter plans (manager/admin routes: `me` is set). */
export function staffingRoutes(http: Http, deps: { staffing: StaffingApp }): void {
  const { staffing } = deps;
  route(http, routes.staffing.days, () => staffing.days());
  route(http, routes.staffing.pattern, ({ body }) => staffing.pattern(body));
  route(http, routes.staffing.tomorrow, () => staffing.tomorrow());
  route(http, routes.staffing.apply, ({ body, me }) => staffing.apply(body, (me as Caller).id));
}
