import { defineRoute, download, returns } from '../contract';
import { idParam } from '../inputs';
import { importUploadQuery, type ImportJobList, type ImportRunList } from '../imports';
import type { ImportJobView } from '../../import/types';
import type { Role } from '../types';

const MANAGERS: Role[] = ['manager', 'admin'];

export const importsApi = {
  upload: defineRoute({
    method: 'POST',
    path: '/api/import/jobs',
    roles: MANAGERS,
    query: importUploadQuery,
    upload: true,
    summary: 'Upload a CSV/XLSX file (raw body) and start importing it',
    reply: returns<ImportJobView>(),
  }),
  jobs: defineRoute({
    method: 'GET',
    path: '/api/import/jobs',
    roles: MANAGERS,
    summary: 'Import jobs of this server (last day)',
    reply: returns<ImportJobList>(),
  }),
  job: defineRoute({
    method: 'GET',
    path: '/api/import/jobs/:id',
    roles: MANAGERS,
    params: idParam,
    summary: 'Progress (rows read, rejected, ETA) and result of an import',
    reply: returns<ImportJobView>(),
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/import/jobs/:id/cancel',
    roles: MANAGERS,
    params: idParam,
    summary: 'Cancel an import still reading, checking or waiting to be written (nothing is written)',
    reply: returns<ImportJobView>(),
  }),
  confirm: defineRoute({
    method: 'POST',
    path: '/api/import/jobs/:id/apply',
    roles: MANAGERS,
    params: idParam,
    summary: 'Write a checked import that waits for the manager (status ready): the branch pauses meanwhile',
    reply: returns<ImportJobView>(),
  }),
  report: defineRoute({
    method: 'GET',
    path: '/api/import/jobs/:id/report.csv',
    roles: MANAGERS,
    params: idParam,
    summary: 'Every bad row of an import, with line, column and reason (CSV)',
    reply: download(),
  }),
  runs: defineRoute({
    method: 'GET',
    path: '/api/import/runs',
    roles: MANAGERS,
    summary: 'Applied imports, newest first',
    reply: returns<ImportRunList>(),
  }),
};
