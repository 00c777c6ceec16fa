import type { AnyRoute } from '../contract';
import { auditApi } from './audit';
import { customersApi } from './customers';
import { displaysApi } from './displays';
import { exportsApi } from './exports';
import { feedbackApi } from './feedback';
import { floorApi } from './floor';
import { healthApi } from './health';
import { importsApi } from './imports';
import { sessionApi } from './session';
import { settingsApi } from './settings';
import { staffApi } from './staff';
import { syncApi } from './sync';
import { visitsApi } from './visits';
import { queueApi } from './queue';
import { staffingApi } from './staffing';
import { outreachApi } from './outreach';
import { dashboardApi } from './dashboard';
import { appointmentsApi } from './appointments';
import { consentApi } from './consent';
import { prospectsApi } from './prospects';
import { backupsApi } from './backups';

/**
 * Every route of the branch server, by domain. The server registers a handler for each (and refuses to start when
 * one is missing); the renderer calls them through `call(routes.x.y, …)`.
 */
export const routes = {
  health: healthApi,
  audit: auditApi,
  customers: customersApi,
  visits: visitsApi,
  session: sessionApi,
  staff: staffApi,
  settings: settingsApi,
  displays: displaysApi,
  sync: syncApi,
  imports: importsApi,
  exports: exportsApi,
  queue: queueApi,
  feedback: feedbackApi,
  staffing: staffingApi,
  outreach: outreachApi,
  dashboard: dashboardApi,
  appointments: appointmentsApi,
  floor: floorApi,
  consent: consentApi,
  prospects: prospectsApi,
  backups: backupsApi,
};

/** The whole table, flat: /api/docs, the role tests and the fuzz suite walk it. */
export const allRoutes: readonly AnyRoute[] = Object.values(routes).flatMap(
  (d) => Object.values(d) as AnyRoute[],
);

/** The head office's own table: registered only in the `headoffice` role, never on a branch server. */
export { headOfficeRoutes } from './headoffice';
