import { defineRoute, download } from '../contract';
import { exportParams, exportQuery } from '../imports';

export const exportsApi = {
  download: defineRoute({
    method: 'GET',
    path: '/api/export/:dataset',
    roles: ['manager', 'admin'],
    params: exportParams,
    query: exportQuery,
    summary: 'Visits, suggestion outcomes, follow-ups or complaints as CSV/XLSX (PII masked)',
    reply: download(),
  }),
};
