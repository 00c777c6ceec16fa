import { auditCursor, parseAuditCursor, type AuditPage, type AuditQuery } from '@shared/api/audit';
import type { Store } from '../connection';

/** Reads the append-only audit_log for managers; writing stays with AuditRepo (settings.ts). */
export class AuditReader {
  constructor(private readonly store: Store) {}

  list(filter: AuditQuery): AuditPage {
    let q = this.store.k
      .selectFrom('audit_log as a')
      .leftJoin('staff as s', 's.id', 'a.staff_id')
      .select([
        'a.id',
        'a.at',
        'a.staff_id',
        's.display_name as staff_name',
        'a.action',
        'a.target_type',
        'a.target_id',
        'a.reason',
        'a.detail',
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      // One extra row tells whether there is a next page.
      .limit(filter.limit + 1);
    if (filter.action?.endsWith('*')) {
      const prefix = filter.action.slice(0, -1);
      // substr instead of LIKE: the action filter may contain '_', a LIKE wildcard.
      q = q.where((e) =>
        e(e.fn<string>('substr', ['a.action', e.lit(1), e.lit(prefix.length)]), '=', prefix),
      );
    } else if (filter.action) q = q.where('a.action', '=', filter.action);
    if (filter.staffId) q = q.where('a.staff_id', '=', filter.staffId);
    if (filter.targetId) q = q.where('a.target_id', '=', filter.targetId);
    if (filter.from !== undefined) q = q.where('a.at', '>=', filter.from);
    if (filter.to !== undefined) q = q.where('a.at', '<', filter.to);
    const after = filter.cursor ? parseAuditCursor(filter.cursor) : null;
    if (after) {
      q = q.where((e) =>
        e.or([e('a.at', '<', after.at), e.and([e('a.at', '=', after.at), e('a.id', '<', after.id)])]),
      );
    }
    const found = this.store.all(q);
    const page = found.slice(0, filter.limit);
    const rows = page.map((r) => ({
      id: r.id,
      at: r.at,
      staffId: r.staff_id,
      staffName: r.staff_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      reason: r.reason,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
    }));
    const last = rows[rows.length - 1];
    return { rows, nextCursor: found.length > filter.limit && last ? auditCursor(last) : null };
  }
}
