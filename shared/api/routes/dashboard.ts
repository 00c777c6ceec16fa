import { defineRoute, download, returns } from '../contract';
import {
  reportExportParams,
  reportExportQuery,
  reportQuery,
  type AlertList,
  type DashboardLive,
  type HistoryReport,
} from '../dashboard';
import type { Role } from '../types';

const MANAGERS: Role[] = ['manager', 'admin'];

/** The branch manager's day: the live dashboard, its alerts (the lobby sees them too) and the history reports. */
export const dashboardApi = {
  live: defineRoute({
    method: 'GET',
    path: '/api/dashboard',
    roles: MANAGERS,
    summary: 'Today per queue, tier and counter (SL%, waits, no-shows, idle with queue) and the alerts',
    reply: returns<DashboardLive>(),
  }),
  alerts: defineRoute({
    method: 'GET',
    path: '/api/dashboard/alerts',
    roles: ['lobby', 'manager', 'admin'],
    summary: 'Threshold alerts now (also pushed on /api/live)',
    reply: returns<AlertList>(),
  }),
  history: defineRoute({
    method: 'GET',
    path: '/api/reports',
    roles: MANAGERS,
    query: reportQuery,
    summary:
      'History for a date range: arrivals heat map, SL% by day, per staff, conversion, tier migration, complaints',
    reply: returns<HistoryReport>(),
  }),
  exportTable: defineRoute({
    method: 'GET',
    path: '/api/reports/export/:table',
    roles: MANAGERS,
    params: reportExportParams,
    query: reportExportQuery,
    summary: 'One report table as CSV/XLSX (masked)',
    reply: download(),
  }),
};
