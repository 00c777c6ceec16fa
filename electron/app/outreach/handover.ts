import { ApiError } from '@shared/api/errors';
import type { OwnerBooks, OwnerHandedOver } from '@shared/api/outreach';
import { OWNER_ROLES, staffRef, type OutreachDeps } from './deps';

export type HandoverDeps = Pick<OutreachDeps, 'repo' | 'staff' | 'audit' | 'tx' | 'now' | 'outbox'>;

/**
 * 移交客户: when an RM leaves or changes post, the manager hands their whole book to a successor in one step. Before
 * this, a disabled RM kept their customers: the outreach lists named an owner nobody signed in as, and the only
 * way out was reassigning customers one by one (or every customer of a tier, other RMs' included).
 */
export class HandoverApp {
  constructor(private readonly d: HandoverDeps) {}

  /** Everyone holding customers, disabled accounts first (their customers are the ones nobody works). */
  books(): OwnerBooks {
    const counts = this.d.repo.bookCounts();
    const books = this.d.staff
      .list()
      .filter((s) => counts.has(s.id))
      .map((s) => {
        const c = counts.get(s.id) ?? { owned: 0, backups: 0, assigned: 0 };
        return { staffId: s.id, name: s.display_name, role: s.role, active: s.active === 1, ...c };
      });
    books.sort(
      (a, b) =>
        Number(a.active) - Number(b.active) ||
        b.owned - a.owned ||
        b.backups - a.backups ||
        b.assigned - a.assigned,
    );
    return { books };
  }

  /**
   * The customers `fromId` owns go to `toId` (their backups stay, unless that is `toId` now owning them); where
   * `fromId` was the backup, `toId` is, unless `toId` owns the customer. One transaction, each row replicated.
   */
  handover(b: { fromId: string; toId: string }, by: string): OwnerHandedOver {
    const from = this.d.staff.byId(b.fromId);
    if (!from) throw new ApiError(404, 'staff_not_found', '员工不存在', 'No such staff member');
    const to = staffRef(this.d.staff, b.toId, OWNER_ROLES);
    const at = this.d.now();
    return this.d.tx(() => {
      let owned = 0;
      let backups = 0;
      for (const r of this.d.repo.bookRows(from.id)) {
        const ownerId = r.ownerId === from.id ? to.id : r.ownerId;
        const backup = r.ownerId === from.id ? r.backupId : to.id;
        const backupId = backup === ownerId ? null : backup;
        if (r.ownerId === from.id) owned++;
        else backups++;
        this.d.repo.setOwner(r.customerId, { ownerId, backupId, source: 'manager', by, at });
        const row = {
          customer_id: r.customerId,
          owner_id: ownerId,
          backup_id: backupId,
          source: 'manager',
          assigned_by: by,
          assigned_at: at,
        };
        // The terminals' copies hear at once, as with any assignment.
        this.d.outbox.record('owner', r.customerId, { row });
      }
      // Outreach given to them for customers nobody owns (hub-only, like the assignment itself).
      const assigned = this.d.repo.moveAssignments(from.id, to.id, by, at);
      this.d.audit.append({
        at,
        staffId: by,
        action: 'owner.handover',
        targetType: 'staff',
        targetId: to.id,
        detail: { fromId: from.id, fromName: from.display_name, toName: to.name, owned, backups, assigned },
      });
      return { owned, backups, assigned };
    });
  }
}
