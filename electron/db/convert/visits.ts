import { STAFF_ROLES } from '@shared/api/security';
import type { AssigneeView, ComplaintView, FollowUpView, OutcomeView } from '@shared/api/visit';
import { OUTCOMES } from '@shared/visit/config';
import { complaintOverdue, followUpOverdue } from '@shared/visit/rules';
import type { Selectable } from 'kysely';
import type { ComplaintTable, FollowUpTable, SuggestionOutcomeTable } from '../schema';

/**
 * Outcomes, follow-ups, complaints: stored rows (with the names their lists join in) → the shapes the app works
 * with. Enum columns are checked, not cast: the routes write only validated values, so anything else is corruption.
 */

function member<T extends string>(values: readonly T[], v: string, what: string, id: string): T {
  const found = values.find((x) => x === v);
  if (found === undefined) throw new Error(`${id}: unknown ${what} ${JSON.stringify(v)}`);
  return found;
}

/** Product names come from the catalogue in the rules, not the DB: the app adds them. */
export type OutcomeRecord = Omit<OutcomeView, 'productName'>;
export type FollowUpRecord = Omit<FollowUpView, 'productName'>;

export function outcomeFromRow(
  r: Selectable<SuggestionOutcomeTable> & { staff_name: string | null },
): OutcomeRecord {
  return {
    id: r.id,
    productCode: r.product_code,
    outcome: member(OUTCOMES, r.outcome, 'outcome', r.id),
    reason: r.reason,
    note: r.note,
    staffId: r.staff_id,
    staffName: r.staff_name,
    ticketId: r.ticket_id,
    at: r.at,
  };
}

export function followUpFromRow(
  r: Omit<FollowUpTable, 'ticket_id' | 'created_by' | 'done_at'> & {
    customer_name: string;
    customer_no: string;
    phone_masked: string | null;
    assignee_name: string;
  },
  now: number,
): FollowUpRecord {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerNo: r.customer_no,
    phoneMasked: r.phone_masked,
    productCode: r.product_code,
    kind: r.kind,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    dueAt: r.due_at,
    status: r.status,
    overdue: followUpOverdue({ status: r.status, dueAt: r.due_at }, now),
    note: r.note,
    createdAt: r.created_at,
  };
}

export function complaintFromRow(
  r: Omit<ComplaintTable, 'resolved_by'> & {
    customer_name: string | null;
    created_by_name: string | null;
    display_no: string | null;
  },
  now: number,
): ComplaintView {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    ticketId: r.ticket_id,
    displayNo: r.display_no,
    category: r.category,
    description: r.description,
    status: r.status,
    deadlineAt: r.deadline_at,
    overdue: complaintOverdue({ status: r.status, deadlineAt: r.deadline_at }, now),
    resolution: r.resolution,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
  };
}

export function assigneeFromRow(r: { id: string; display_name: string; role: string }): AssigneeView {
  return { id: r.id, displayName: r.display_name, role: member(STAFF_ROLES, r.role, 'role', r.id) };
}
