import type { z } from 'zod';
import { ApiError, refusal } from '@shared/api/errors';
import type { Role } from '@shared/api/types';
import type {
  AssigneeView,
  ComplaintCreated,
  ComplaintView,
  CustomerActivity,
  FollowUpStatus,
  FollowUpView,
  OutcomeRecorded,
  complaintPatch,
  complaintRequest,
  outcomeRequest,
} from '@shared/api/visit';
import type { RulesConfig } from '@shared/config/schema';
import { scrubOptional, scrubPii } from '@shared/customer/mask';
import type { SyncEventKind } from '@shared/sync/envelope';
import type { Bilingual } from '@shared/suggest/text';
import type { Outcome, VisitConfig } from '@shared/visit/config';
import {
  checkCloseFollowUp,
  checkOutcomeTicket,
  checkUndoOutcome,
  complaintDeadline,
  followUpDueAt,
} from '@shared/visit/rules';
import type { AuditRepo } from '../db/repos/settings';
import type { StaffRepo } from '../db/repos/staff';
import type { TicketRepo } from '../db/repos/tickets';
import type { VisitRepo } from '../db/repos/visits';
import type { CustomersApp } from './customers';

type VisitTable = 'suggestion_outcomes' | 'follow_ups' | 'complaints';

/** The replication outbox (SyncCore): each write's row goes out in the write's own transaction. */
export interface VisitOutbox {
  recordRow(kind: SyncEventKind, table: VisitTable, id: string): void;
  /** recordRow when `ok`, passing `ok` through. */
  recordIf(ok: boolean, kind: SyncEventKind, table: VisitTable, id: string): boolean;
  /** recordRow for a row just inserted, passing its id through. */
  recorded(id: string, kind: SyncEventKind, table: VisitTable): string;
}

export interface VisitsDeps {
  visits: VisitRepo;
  customers: Pick<CustomersApp, 'require'>;
  tickets: Pick<TicketRepo, 'get'>;
  staff: Pick<StaffRepo, 'byId'>;
  /** The store's transaction: a write and its outbox event commit together. */
  tx: <T>(fn: () => T) => T;
  outbox: VisitOutbox;
  audit: Pick<AuditRepo, 'append'>;
  now: () => number;
  rules: () => Pick<RulesConfig, 'visit' | 'suggest'>;
}

/** Who asks, for the lists that depend on it. */
export interface Asker {
  id: string;
  role: Role;
}

/** Roles that may look at everyone's follow-ups, not only their own. */
const SEE_ALL: readonly Role[] = ['manager', 'admin'];

/** After a visit: suggestion outcomes, follow-ups (定期回访) and complaints (投诉); every write goes to the outbox. */
export class VisitsApp {
  constructor(private readonly d: VisitsDeps) {}

  config(): VisitConfig {
    return this.d.rules().visit;
  }

  /** Adds the catalogue's product name to rows that carry a product code (outcomes, follow-ups). */
  private withProductNames<T extends { productCode: string | null }>(
    rows: T[],
  ): (T & { productName: Bilingual | null })[] {
    const products = this.d.rules().suggest.products;
    return rows.map((r) => ({
      ...r,
      productName: products.find((p) => p.code === r.productCode)?.name ?? null,
    }));
  }

  activity(customerId: string): CustomerActivity {
    this.d.customers.require(customerId);
    const now = this.d.now();
    const v = this.d.visits;
    return {
      followUps: this.withProductNames(v.followUps({ customerId, status: 'open' }, now)),
      complaints: v.complaints({ customerId }, now),
      visits: v.visits(customerId),
      outcomes: this.withProductNames(v.outcomes(customerId)),
    };
  }

  recordOutcome(o: z.output<typeof outcomeRequest>, staffId: string): OutcomeRecorded {
    const now = this.d.now();
    const rules = this.d.rules();
    this.d.customers.require(o.customerId);
    const ticket = o.ticketId ? this.d.tickets.get(o.ticketId) : null;
    if (o.ticketId && !ticket) {
      throw new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');
    }
    if (ticket) {
      const whose = checkOutcomeTicket(ticket, o.customerId);
      if (!whose.ok) throw refusal(409, whose);
    }
    if (o.reason && o.outcome === 'declined' && !rules.visit.declineReasons.some((r) => r.key === o.reason)) {
      throw new ApiError(400, 'unknown_reason', '未知的拒绝原因', 'Unknown decline reason');
    }
    const assignee = o.followUp?.assigneeId ?? staffId;
    if (o.outcome === 'interested' && !this.d.staff.byId(assignee)) {
      throw new ApiError(400, 'unknown_assignee', '回访负责人不存在', 'No such assignee');
    }
    const { visits, outbox } = this.d;
    // Free text is stored and replicated (to the head office too) with IDs and phones masked.
    const note = scrubOptional(o.note) ?? null;
    return this.d.tx(() => {
      const id = visits.addOutcome({
        customerId: o.customerId,
        ticketId: o.ticketId ?? null,
        productCode: o.productCode,
        outcome: o.outcome,
        reason: o.reason ?? null,
        note,
        staffId,
        at: now,
        campaignId: o.campaignId ?? null,
        ruleId: o.ruleId ?? null,
      });
      let followUpId: string | null = null;
      if (o.outcome === 'interested') {
        followUpId = visits.addFollowUp({
          customerId: o.customerId,
          ticketId: o.ticketId ?? null,
          productCode: o.productCode,
          kind: 'product_interest',
          assigneeId: assignee,
          dueAt: followUpDueAt(o.followUp?.dueAt, now, rules.visit),
          note,
          createdBy: staffId,
          at: now,
        });
      }
      visits.touchVisit(o.customerId, now);
      outbox.recordRow('suggestion_outcome', 'suggestion_outcomes', id);
      if (followUpId) outbox.recordRow('follow_up', 'follow_ups', followUpId);
      return { id, followUpId };
    });
  }

  /**
   * Undo a mistaken outcome key during the visit: a compensating outcome row (`undoes_id`), replicated and sent to
   * the head office like any outcome, never a delete; the undo and a refused attempt are audited.
   */
  undoOutcome(id: string, asker: Asker): void {
    const { visits, outbox, audit } = this.d;
    const at = this.d.now();
    const target = { targetType: 'suggestion_outcome', targetId: id } as const;
    const r = this.d.tx(() => {
      const o = visits.outcomeForUndo(id);
      if (!o) return 'gone' as const;
      const ticketStatus = o.ticketId ? (this.d.tickets.get(o.ticketId)?.status ?? null) : null;
      const may = checkUndoOutcome(asker, { ...o, ticketStatus });
      if (!may.ok) return may;
      const undo = visits.addOutcome({
        customerId: o.customerId,
        ticketId: o.ticketId,
        productCode: o.productCode,
        outcome: o.outcome as Outcome,
        reason: o.reason,
        note: null,
        staffId: asker.id,
        at,
        // The same campaign and rule as the row it cancels, so conversion by campaign nets out to zero.
        campaignId: o.campaignId,
        ruleId: o.ruleId,
        undoesId: id,
      });
      outbox.recordRow('suggestion_outcome', 'suggestion_outcomes', undo);
      audit.append({
        at,
        staffId: asker.id,
        action: 'outcome.undo',
        ...target,
        detail: { outcome: o.outcome, productCode: o.productCode, ticketId: o.ticketId, undoId: undo },
      });
      return null;
    });
    if (r === 'gone') throw new ApiError(404, 'outcome_not_found', '没有该营销结果', 'No such outcome');
    if (r) {
      audit.append({
        at,
        staffId: asker.id,
        action: 'outcome.undo_denied',
        ...target,
        detail: { code: r.code },
      });
      throw refusal(r.code === 'not_your_outcome' ? 403 : 409, r);
    }
  }

  /** Front-line staff see their own list; everyone's (`all`) is for managers and admins. */
  followUps(
    filter: { all: boolean; status?: FollowUpStatus; customerId?: string },
    asker: Asker,
  ): FollowUpView[] {
    const all = filter.all && SEE_ALL.includes(asker.role);
    return this.withProductNames(
      this.d.visits.followUps(
        {
          ...(all ? {} : { assigneeId: asker.id }),
          status: filter.status ?? 'open',
          ...(filter.customerId ? { customerId: filter.customerId } : {}),
        },
        this.d.now(),
      ),
    );
  }

  assignees(): AssigneeView[] {
    return this.d.visits.assignees();
  }

  /** The assignee or a manager closes a follow-up; the close (and a refused attempt) is audited. */
  closeFollowUp(id: string, status: 'done' | 'cancelled', note: string | null, asker: Asker): void {
    const { visits, outbox, audit } = this.d;
    const at = this.d.now();
    const target = { targetType: 'follow_up', targetId: id } as const;
    const r = this.d.tx(() => {
      const assigneeId = visits.openFollowUpAssignee(id);
      if (assigneeId === undefined) return 'gone' as const;
      const may = checkCloseFollowUp(asker, { assigneeId });
      if (!may.ok) return may;
      visits.closeFollowUp(id, status, scrubOptional(note), at);
      outbox.recordRow('follow_up_done', 'follow_ups', id);
      audit.append({
        at,
        staffId: asker.id,
        action: 'follow_up.close',
        ...target,
        detail: { status, assigneeId },
      });
      return null;
    });
    if (r === 'gone') {
      throw new ApiError(
        409,
        'follow_up_closed',
        '回访不存在或已关闭',
        'The follow-up does not exist or is already closed',
      );
    }
    if (r) {
      audit.append({
        at,
        staffId: asker.id,
        action: 'follow_up.close_denied',
        ...target,
        detail: { status },
      });
      throw refusal(403, r);
    }
  }

  createComplaint(c: z.output<typeof complaintRequest>, staffId: string): ComplaintCreated {
    const now = this.d.now();
    const deadline = complaintDeadline(c.category, now, this.d.rules().visit);
    if (!deadline.ok) throw refusal(400, deadline);
    const { category: cat, deadlineAt } = deadline;
    if (c.customerId) this.d.customers.require(c.customerId);
    const { visits, outbox } = this.d;
    const id = this.d.tx(() =>
      outbox.recorded(
        visits.addComplaint({
          customerId: c.customerId,
          ticketId: c.ticketId ?? null,
          category: cat.key,
          description: scrubPii(c.description),
          deadlineAt,
          createdBy: staffId,
          at: now,
        }),
        'complaint',
        'complaints',
      ),
    );
    return { id, deadlineAt };
  }

  openComplaints(): ComplaintView[] {
    return this.d.visits.complaints({ open: true }, this.d.now());
  }

  updateComplaint(id: string, p: z.output<typeof complaintPatch>, staffId: string): void {
    if (p.status === 'resolved' && !p.resolution) {
      throw new ApiError(
        400,
        'resolution_required',
        '办结投诉须填写处理结果',
        'Resolving a complaint needs a resolution',
      );
    }
    const { visits, outbox } = this.d;
    const updated = this.d.tx(() =>
      outbox.recordIf(
        visits.updateComplaint(id, p.status, scrubOptional(p.resolution) ?? null, staffId, this.d.now()),
        'complaint_resolved',
        'complaints',
        id,
      ),
    );
    if (!updated) {
      throw new ApiError(
        409,
        'complaint_closed',
        '投诉不存在或已办结',
        'The complaint does not exist or is already resolved',
      );
    }
  }
}
