import type { Me } from '@shared/api/types';
import type { TicketView } from '@shared/api/queue';
import { ApiError } from '@shared/api/errors';
import type { OwnerPanel, UnownedList } from '@shared/api/outreach';
import { isValuable } from '@shared/outreach/contact';
import type { Segment, CorporateGrade } from '@shared/customer/enums';
import type { TierKey } from '@shared/customer/tier';
import { currentTier, evaluate } from './lists';
import { HandoverApp } from './handover';
import { customerNotFound, MANAGERS, OWNER_ROLES, staffRef, type OutreachDeps } from './deps';

/** 专属客户经理: assigning owners (one by one or in bulk), the unowned list, the profile's panel, 我来接待. */
export class OwnersApp {
  /** 移交客户: a whole book to a successor. */
  readonly handover: HandoverApp;
  constructor(private readonly d: OutreachDeps) {
    this.handover = new HandoverApp(d);
  }

  // ── ownership ───────────────────────────────────────────────────────────────────
  assignOwners(
    b: {
      customerIds?: string[] | undefined;
      tier?: TierKey | undefined;
      segment?: Segment | undefined;
      corporateGrade?: CorporateGrade | undefined;
      reassign?: boolean | undefined;
      ownerId: string;
      backupId?: string | null | undefined;
    },
    by: string,
  ): { assigned: number } {
    const cfg = this.d.rules().outreach;
    staffRef(this.d.staff, b.ownerId, OWNER_ROLES);
    if (b.backupId) staffRef(this.d.staff, b.backupId, OWNER_ROLES);
    const at = this.d.now();
    return this.d.tx(() => {
      let ids: string[];
      if (b.customerIds?.length) {
        for (const id of b.customerIds) if (!this.d.customers.get(id)) throw customerNotFound();
        ids = b.customerIds;
      } else {
        ids = this.d.repo
          .valuable(
            {
              tiers: cfg.ownedTiers,
              grades: cfg.ownedCorporateGrades,
              tier: b.tier,
              segment: b.segment,
              corporateGrade: b.corporateGrade,
            },
            { unownedOnly: !b.reassign },
          )
          .map((c) => c.id);
      }
      for (const id of ids) {
        this.d.repo.setOwner(id, {
          ownerId: b.ownerId,
          backupId: b.backupId ?? null,
          source: 'manager',
          by,
          at,
        });
        // The terminals' copies hear at once (an import's owners reach them with the next snapshot refresh).
        const row = {
          customer_id: id,
          owner_id: b.ownerId,
          backup_id: b.backupId ?? null,
          source: 'manager',
          assigned_by: by,
          assigned_at: at,
        };
        this.d.outbox.record('owner', id, { row });
      }
      this.d.audit.append({
        at,
        staffId: by,
        action: 'owner.assign',
        targetType: 'staff',
        targetId: b.ownerId,
        detail: {
          count: ids.length,
          backupId: b.backupId ?? null,
          ...(b.tier ? { tier: b.tier } : {}),
          ...(b.segment ? { segment: b.segment } : {}),
          ...(b.corporateGrade ? { corporateGrade: b.corporateGrade } : {}),
          ...(ids.length <= 20 ? { customerIds: ids } : {}),
        },
      });
      return { assigned: ids.length };
    });
  }

  /** Valuable customers without an owner, largest first. */
  unowned(limit = 500): UnownedList {
    const rules = this.d.rules();
    const cfg = rules.outreach;
    const f = { tiers: cfg.ownedTiers, grades: cfg.ownedCorporateGrades };
    const all = this.d.repo.valuable(f, { unownedOnly: true });
    const ids = all.slice(0, limit).map((c) => c.id);
    const ev = evaluate(this.d.repo, this.d.consent, rules, ids, this.d.now(), new Map(), 'periodic');
    return {
      total: all.length,
      customers: ev.map((e) => ({
        ...e.row,
        kind: e.base.kind,
        corporateGrade: e.base.corporateGrade,
      })),
    };
  }

  /** What the profile shows: owner and backup, contact marks, recent contacts, today's list reasons. */
  panel(customerId: string): OwnerPanel {
    const rules = this.d.rules();
    const c = this.d.customers.get(customerId);
    if (!c) throw customerNotFound();
    const owner = this.d.repo.owner(customerId) ?? null;
    const m = this.d.repo.marks(customerId);
    const owners = new Map(owner ? [[customerId, owner]] : []);
    const [ev] = evaluate(this.d.repo, this.d.consent, rules, [customerId], this.d.now(), owners);
    return {
      owner: owner && {
        owner: owner.owner,
        backup: owner.backup,
        source: owner.source,
        assignedAt: owner.assignedAt,
      },
      valuable: isValuable(
        { kind: c.kind, tier: currentTier(c.aumFen, rules), corporateGrade: c.corporateGrade },
        rules.outreach,
      ),
      marks: {
        doNotContact: ev?.consent.doNotContact ?? false,
        highRisk: m?.high_risk === 1,
        marketingConsent: ev?.consent.marketing ?? c.marketingConsent,
        note: m?.note ?? null,
      },
      contacts: this.d.repo.contacts(customerId, 10),
      hits: ev?.hits ?? [],
    };
  }

  setMarks(
    customerId: string,
    b: { doNotContact?: boolean | undefined; highRisk?: boolean | undefined; note?: string | undefined },
    by: string,
  ): void {
    if (!this.d.customers.get(customerId)) throw customerNotFound();
    const at = this.d.now();
    this.d.tx(() => {
      const prev = this.d.repo.marks(customerId);
      const row = {
        customer_id: customerId,
        do_not_contact: b.doNotContact === undefined ? (prev?.do_not_contact ?? 0) : b.doNotContact ? 1 : 0,
        high_risk: b.highRisk === undefined ? (prev?.high_risk ?? 0) : b.highRisk ? 1 : 0,
        note: b.note ?? prev?.note ?? null,
        updated_by: by,
        updated_at: at,
      };
      this.d.repo.setMarks(row);
      // Terminals send the mark to the hub (and the hub on to the others): a do-not-contact set anywhere holds.
      this.d.outbox.record('marks', customerId, { row });
      this.d.audit.append({
        at,
        staffId: by,
        action: 'customer.marks',
        targetType: 'customer',
        targetId: customerId,
        detail: { doNotContact: row.do_not_contact === 1, highRisk: row.high_risk === 1 },
      });
    });
  }

  /**
   * 我来接待: the owner (or backup) calls their customer's waiting ticket to their own desk. A manager may take any
   * customer's ticket. Calling is the queue's own act, so the board, the display and the audit follow as usual.
   */
  take(ticketId: string, caller: Pick<Me, 'id' | 'role' | 'counterId'>): TicketView {
    const t = this.d.tickets.get(ticketId);
    if (!t) throw new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');
    const mine = !!t.customerId && this.d.repo.bookOf(caller.id).some((b) => b.customerId === t.customerId);
    if (!mine && !MANAGERS.has(caller.role))
      throw new ApiError(403, 'not_your_customer', '这不是您名下的客户', 'This customer is not in your book');
    if (!caller.counterId)
      throw new ApiError(
        409,
        'no_counter',
        '您没有分配接待席位，请联系网点负责人',
        'You have no desk assigned; ask the branch manager',
      );
    if (t.status !== 'waiting')
      throw new ApiError(409, 'not_waiting', '该客户已被叫号或已办结', 'This ticket is no longer waiting');
    return this.d.tickets.call(ticketId, caller.counterId, caller);
  }
}
