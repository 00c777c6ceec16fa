import { routes } from '@shared/api/routes';
import type { DashboardApp } from '../../app/dashboard/live';
import type { ReportsApp } from '../../app/dashboard/reports';
import type { reportExport } from '../../app/dashboard/export';
import { route, type Http } from '../route';
import { attachment } from './import';

type Exporter = (
  table: Parameters<typeof reportExport>[1],
  q: Parameters<typeof reportExport>[2],
  staffId: string | null,
) => ReturnType<typeof reportExport>;

export function dashboardRoutes(
  http: Http,
  deps: { dashboard: DashboardApp; reports: ReportsApp; exportTable: Exporter },
): void {
  route(http, routes.dashboard.live, () => deps.dashboard.live());
  route(http, routes.dashboard.alerts, () => deps.dashboard.alerts());
  route(http, routes.dashboard.history, ({ query }) => deps.reports.history(query));
  route(http, routes.dashboard.exportTable, ({ params, query, me, reply }) => {
    const f = deps.exportTable(params.table, query, me?.id ?? null);
    return reply
      .header('content-disposition', attachment(f.fileName))
      .header('cache-control', 'no-store')
      .header('content-type', f.contentType)
      .send(f.body);
  });
}
