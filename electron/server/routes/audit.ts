import type { FastifyInstance } from 'fastify';
import { auditQuery, type AuditPage } from '@shared/api/audit';
import { AuditReader } from '../../db/repos/audit-read';
import type { AppContext } from '../context';
import { route } from '../route';

/** The audit trail, read-only: there are no update or delete routes (and SQLite triggers refuse both). */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const reader = new AuditReader(ctx.store);

  route(
    app,
    ctx,
    {
      method: 'GET',
      url: '/api/audit',
      roles: ['manager', 'admin'],
      query: auditQuery,
      summary:
        'Audit log, newest first; filters action (or prefix*), staffId, targetId, from, to; cursor paging',
    },
    ({ query }): AuditPage => {
      // Lookups are group-committed just after their reply; flush so a read right after sees them.
      ctx.audit.flush();
      return reader.list(query);
    },
  );
}
