import type { Role } from '@shared/api/types';
import type { AssigneeView, ComplaintView, VisitView } from '@shared/api/visit';
import type { Outcome } from '@shared/visit/config';
import type { Store } from '../connection';
import {
  assigneeFromRow,
  complaintFromRow,
  followUpFromRow,
  outcomeFromRow,
  type FollowUpRecord,
  type OutcomeRecord,
} from '../convert/visits';
import { newId } from '../ids';

/** Roles that serve customers and so can be given a follow-up. */
const ASSIGNABLE_ROLES: Role[] = ['teller', 'rm', 'lobby', 'manager'];

/** Outcomes, follow-ups and complaints: they only ever append or move forward, never conflict. */
export class VisitRepo {
  constructor(private readonly store: Store) {}

  addOutcome(o: {
    customerId: string;
    ticketId: string | null;
    productCode: string;
    outcome: Outcome;
    reason: string | null;
    note: string | null;
    staffId: string;
    at: number;
    campaignId?: string | null;
    ruleId?: string | null;
    /** A compensating row: the outcome it cancels. */
    undoesId?: string;
  }): string {
    const id = newId();
    this.store.run(
      this.store.k.insertInto('suggestion_outcomes').values({
        id,
        customer_id: o.customerId,
        ticket_id: o.ticketId,
        product_code: o.productCode,
        outcome: o.outcome,
        reason: o.reason,
        note: o.note,
        staff_id: o.staffId,
        at: o.at,
        campaign_id: o.campaignId ?? null,
        rule_id: o.ruleId ?? null,
        undoes_id: o.undoesId ?? null,
      }),
    );
    return id;
  }

  outcomes(customerId: string, limit = 20): OutcomeRecord[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('suggestion_outcomes as o')
          .leftJoin('staff as s', 's.id', 'o.staff_id')
          .selectAll('o')
          .select('s.display_name as staff_name')
          .where('o.customer_id', '=', customerId)
          // What stands: neither a compensating row nor a row one cancels (an undone key press).
          .where('o.undoes_id', 'is', null)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('suggestion_outcomes as u').select('u.id').whereRef('u.undoes_id', '=', 'o.id'),
              ),
            ),
          )
          .orderBy('o.at', 'desc')
          .limit(limit),
      )
      .map(outcomeFromRow);
  }

  /** An outcome row as the undo needs it: undefined when there is no such plain outcome; `undone` when cancelled. */
  outcomeForUndo(id: string):
    | {
        customerId: string;
        ticketId: string | null;
        productCode: string;
        outcome: string;
        reason: string | null;
        staffId: string;
        campaignId: string | null;
        ruleId: string | null;
        undone: boolean;
      }
    | undefined {
    const r = this.store.first(
      this.store.k
        .selectFrom('suggestion_outcomes as o')
        .select(['o.customer_id', 'o.ticket_id', 'o.product_code', 'o.outcome', 'o.reason', 'o.staff_id'])
        .select(['o.campaign_id', 'o.rule_id'])
        .select(({ exists, selectFrom }) =>
          exists(
            selectFrom('suggestion_outcomes as u').select('u.id').whereRef('u.undoes_id', '=', 'o.id'),
          ).as('undone'),
        )
        .where('o.id', '=', id)
        .where('o.undoes_id', 'is', null),
    );
    if (!r) return undefined;
    return {
      customerId: r.customer_id,
      ticketId: r.ticket_id,
      productCode: r.product_code,
      outcome: r.outcome,
      reason: r.reason,
      staffId: r.staff_id,
      campaignId: r.campaign_id,
      ruleId: r.rule_id,
      undone: Boolean(r.undone),
    };
  }

  /** Active staff who serve customers, for the follow-up assignee picker. */
  assignees(): AssigneeView[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('staff')
          .select(['id', 'display_name', 'role'])
          .where('active', '=', 1)
          .where('role', 'in', ASSIGNABLE_ROLES)
          .orderBy('role')
          .orderBy('display_name'),
      )
      .map(assigneeFromRow);
  }

  outcomeCountForTicket(ticketId: string): number {
    const r = this.store.first(
      this.store.k
        .selectFrom('suggestion_outcomes')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('ticket_id', '=', ticketId),
    );
    return Number(r?.n ?? 0);
  }

  addFollowUp(f: {
    customerId: string;
    ticketId: string | null;
    productCode: string | null;
    kind: string;
    assigneeId: string;
    dueAt: number;
    note: string | null;
    createdBy: string;
    at: number;
  }): string {
    const id = newId();
    this.store.run(
      this.store.k.insertInto('follow_ups').values({
        id,
        customer_id: f.customerId,
        ticket_id: f.ticketId,
        product_code: f.productCode,
        kind: f.kind,
        assignee_id: f.assigneeId,
        due_at: f.dueAt,
        status: 'open',
        note: f.note,
        created_by: f.createdBy,
        created_at: f.at,
        done_at: null,
      }),
    );
    return id;
  }

  followUps(
    filter: { assigneeId?: string; status?: string; customerId?: string },
    now: number,
    limit = 200,
  ): FollowUpRecord[] {
    let q = this.store.k
      .selectFrom('follow_ups as f')
      .innerJoin('customers as c', 'c.id', 'f.customer_id')
      .innerJoin('staff as s', 's.id', 'f.assignee_id')
      .select([
        'f.id',
        'f.customer_id',
        'c.name as customer_name',
        'c.customer_no',
        'c.phone_masked',
        'f.product_code',
        'f.kind',
        'f.assignee_id',
        's.display_name as assignee_name',
        'f.due_at',
        'f.status',
        'f.note',
        'f.created_at',
      ])
      .orderBy('f.due_at')
      .limit(limit);
    if (filter.assigneeId) q = q.where('f.assignee_id', '=', filter.assigneeId);
    if (filter.status && filter.status !== 'all') q = q.where('f.status', '=', filter.status);
    if (filter.customerId) q = q.where('f.customer_id', '=', filter.customerId);
    return this.store.all(q).map((r) => followUpFromRow(r, now));
  }

  /** Whom an open follow-up is assigned to (undefined: no such follow-up, or closed already). */
  openFollowUpAssignee(id: string): string | undefined {
    return this.store.first(
      this.store.k
        .selectFrom('follow_ups')
        .select('assignee_id')
        .where('id', '=', id)
        .where('status', '=', 'open'),
    )?.assignee_id;
  }

  closeFollowUp(id: string, status: 'done' | 'cancelled', note: string | null, at: number): boolean {
    const r = this.store.run(
      this.store.k
        .updateTable('follow_ups')
        .set({ status, done_at: at, ...(note ? { note } : {}) })
        .where('id', '=', id)
        .where('status', '=', 'open'),
    );
    return r.changes === 1;
  }

  addComplaint(c: {
    customerId: string | null;
    ticketId: string | null;
    category: string;
    description: string;
    deadlineAt: number;
    createdBy: string;
    at: number;
  }): string {
    const id = newId();
    this.store.run(
      this.store.k.insertInto('complaints').values({
        id,
        customer_id: c.customerId,
        ticket_id: c.ticketId,
        category: c.category,
        description: c.description,
        status: 'open',
        deadline_at: c.deadlineAt,
        resolution: null,
        created_by: c.createdBy,
        created_at: c.at,
        resolved_at: null,
        resolved_by: null,
      }),
    );
    return id;
  }

  complaints(filter: { customerId?: string; open?: boolean }, now: number, limit = 200): ComplaintView[] {
    let q = this.store.k
      .selectFrom('complaints as p')
      .leftJoin('customers as c', 'c.id', 'p.customer_id')
      .leftJoin('staff as s', 's.id', 'p.created_by')
      .leftJoin('tickets as t', 't.id', 'p.ticket_id')
      .select([
        's.display_name as created_by_name',
        'p.id',
        'p.customer_id',
        'p.ticket_id',
        't.display_no',
        'c.name as customer_name',
        'p.category',
        'p.description',
        'p.status',
        'p.deadline_at',
        'p.resolution',
        'p.created_by',
        'p.created_at',
        'p.resolved_at',
      ])
      .orderBy('p.deadline_at')
      .limit(limit);
    if (filter.customerId) q = q.where('p.customer_id', '=', filter.customerId);
    if (filter.open) q = q.where('p.status', '!=', 'resolved');
    return this.store.all(q).map((r) => complaintFromRow(r, now));
  }

  updateComplaint(id: string, status: string, resolution: string | null, by: string, at: number): boolean {
    const r = this.store.run(
      this.store.k
        .updateTable('complaints')
        .set({
          status,
          ...(resolution ? { resolution } : {}),
          ...(status === 'resolved' ? { resolved_at: at, resolved_by: by } : {}),
        })
        .where('id', '=', id)
        .where('status', '!=', 'resolved'),
    );
    return r.changes === 1;
  }

  visits(customerId: string, limit = 10): VisitView[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('tickets')
          .select(['id', 'display_no', 'branch_day', 'services', 'status', 'arrived_at', 'finished_at'])
          .where('customer_id', '=', customerId)
          .orderBy('arrived_at', 'desc')
          .limit(limit),
      )
      .map((r) => ({
        ticketId: r.id,
        displayNo: r.display_no,
        branchDay: r.branch_day,
        services: JSON.parse(r.services) as string[],
        status: r.status,
        arrivedAt: r.arrived_at,
        finishedAt: r.finished_at,
      }));
  }

  touchVisit(customerId: string, at: number): void {
    this.store.run(
      this.store.k.updateTable('customers').set({ last_visit_at: at }).where('id', '=', customerId),
    );
  }
}
