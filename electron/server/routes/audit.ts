import { routes } from '@shared/api/routes';
import { AuditReader } from '../../db/repos/audit-read';
import type { AppContext } from '../context';
import { route, type Http } from '../route';

/** The audit trail, read-only: there are no update or delete routes (and SQLite triggers refuse both). */
export function auditRoutes(http: Http, ctx: AppContext): void {
  const reader = new AuditReader(ctx.store);

  route(http, routes.audit.list, ({ query }) => {
    // Lookups are group-committed just after their reply; flush so a read right after sees them.
    ctx.audit.flush();
    return reader.list(query);
  });
}
