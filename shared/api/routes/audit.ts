import { defineRoute, returns } from '../contract';
import { auditQuery, type AuditPage } from '../audit';

export const auditApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/audit',
    roles: ['manager', 'admin'],
    query: auditQuery,
    summary:
      'Audit log, newest first; filters action (or prefix*), staffId, targetId, from, to; cursor paging',
    reply: returns<AuditPage>(),
  }),
};
