import type { Role } from '../api/types';
import type { TicketEventType } from '../queue/events';
import type { Allowed, Refusal } from '../refusal';
import { ALLOWED, refuse } from '../refusal';
import type { VisitConfig } from './config';

const DAY_MS = 86_400_000;

// ── Outcome before finish ───────────────────────────────────────────────────────────

/** What the outcome rule needs to know; asked only when it matters (each costs a query or a ranking). */
export interface OutcomeFacts {
  /** Suggestion outcomes recorded against this ticket. */
  outcomeCount: () => number;
  /** Whether the customer had any suggestion to give an outcome for. */
  hadSuggestions: () => boolean;
}

/**
 * When the branch requires it (`requireOutcome`), a customer's visit cannot be finished before the teller
 * records an outcome for the suggestions. Only where there was something to offer: a customer with no
 * suitable product, or a walk-in without a customer record, must still be served.
 */
export function checkOutcomeBeforeFinish(
  type: TicketEventType,
  ticket: { customerId: string | null },
  config: Pick<VisitConfig, 'requireOutcome'>,
  facts: OutcomeFacts,
): Allowed | Refusal<'outcome_required'> {
  if (type !== 'finish' || !ticket.customerId || !config.requireOutcome) return ALLOWED;
  if (facts.outcomeCount() === 0 && facts.hadSuggestions()) {
    return refuse(
      'outcome_required',
      '请先记录营销推荐结果再办结',
      'Record the suggestion outcome before finishing',
    );
  }
  return ALLOWED;
}

// ── Follow-ups (定期回访) ───────────────────────────────────────────────────────────

/** When an "interested" follow-up is due: the date the teller picked, else `followUpDefaultDays` from now. */
export function followUpDueAt(
  requested: number | undefined,
  now: number,
  config: Pick<VisitConfig, 'followUpDefaultDays'>,
): number {
  return requested ?? now + config.followUpDefaultDays * DAY_MS;
}

/** An open follow-up past its due time is overdue; a done or cancelled one never is. */
export function followUpOverdue(f: { status: string; dueAt: number }, now: number): boolean {
  return f.status === 'open' && f.dueAt < now;
}

/** Roles that may close anyone's follow-up (they can list everyone's). */
const CLOSE_ANY_FOLLOW_UP: readonly Role[] = ['manager', 'admin'];

/** A follow-up is closed by the staff member it is assigned to, or by a manager (or admin). */
export function checkCloseFollowUp(
  asker: { id: string; role: Role },
  followUp: { assigneeId: string },
): Allowed | Refusal<'not_your_follow_up'> {
  if (followUp.assigneeId === asker.id || CLOSE_ANY_FOLLOW_UP.includes(asker.role)) return ALLOWED;
  return refuse(
    'not_your_follow_up',
    '只能关闭分配给自己的回访（或由网点负责人关闭）',
    'You can only close follow-ups assigned to you (or ask the branch manager)',
  );
}

// ── Complaints (投诉) ───────────────────────────────────────────────────────────────

type ComplaintCategory = VisitConfig['complaintCategories'][number];

/** A complaint's category must be one the branch configured; it sets the deadline, `deadlineDays` from now. */
export function complaintDeadline(
  categoryKey: string,
  now: number,
  config: Pick<VisitConfig, 'complaintCategories'>,
): { ok: true; category: ComplaintCategory; deadlineAt: number } | Refusal<'unknown_category'> {
  const category = config.complaintCategories.find((c) => c.key === categoryKey);
  if (!category) return refuse('unknown_category', '未知的投诉类别', 'Unknown complaint category');
  return { ok: true, category, deadlineAt: now + category.deadlineDays * DAY_MS };
}

/** A complaint not yet resolved and past its deadline is overdue. */
export function complaintOverdue(c: { status: string; deadlineAt: number }, now: number): boolean {
  return c.status !== 'resolved' && c.deadlineAt < now;
}

// ── Undoing an outcome key ──────────────────────────────────────────────────────────

/** Ticket states in which the visit is still going on at a counter. */
const VISIT_GOING_ON = ['called', 'serving', 'held'] as const;

/**
 * A mistaken outcome key is undone while its visit is still at the counter, by whoever recorded it (or a manager):
 * after the visit the figures are the branch's. "Interested" opened a follow-up, which is closed on its own list.
 */
export function checkUndoOutcome(
  asker: { id: string; role: Role },
  outcome: { staffId: string; outcome: string; undone: boolean; ticketStatus: string | null },
): Allowed | Refusal<'outcome_undone' | 'not_your_outcome' | 'visit_over' | 'undo_interested'> {
  if (outcome.undone) return refuse('outcome_undone', '该结果已撤销', 'That outcome was already undone');
  if (outcome.staffId !== asker.id && !CLOSE_ANY_FOLLOW_UP.includes(asker.role)) {
    return refuse('not_your_outcome', '只能撤销自己记录的结果', 'You can only undo an outcome you recorded');
  }
  if (outcome.outcome === 'interested') {
    return refuse(
      'undo_interested',
      '“有意向”已生成回访任务，请在回访列表中取消',
      '"Interested" opened a follow-up: cancel it on the follow-up list',
    );
  }
  if (!VISIT_GOING_ON.some((s) => s === outcome.ticketStatus)) {
    return refuse('visit_over', '办理结束后不能撤销结果', 'An outcome can be undone only during the visit');
  }
  return ALLOWED;
}

// ── Whose visit an outcome belongs to ──────────────────────────────────────────────────

/**
 * An outcome recorded with a visit is that visit's customer's: an anonymous walk-in's ticket takes outcomes only
 * once the counter has identified them (`identify`), and never another customer's (their conversion figures
 * and follow-ups would go to the wrong person).
 */
export function checkOutcomeTicket(
  ticket: { displayNo: string; customerId: string | null },
  customerId: string,
): Allowed | Refusal<'outcome_not_identified' | 'outcome_other_customer'> {
  if (ticket.customerId === null) {
    return refuse(
      'outcome_not_identified',
      `${ticket.displayNo} 为散客办理，请先识别客户再记录营销结果`,
      `${ticket.displayNo} is an anonymous walk-in: identify the customer before recording an outcome`,
    );
  }
  if (ticket.customerId !== customerId) {
    return refuse(
      'outcome_other_customer',
      `${ticket.displayNo} 是另一位客户的办理，营销结果不能记到该客户名下`,
      `${ticket.displayNo} is another customer's visit: the outcome cannot be recorded for this customer`,
    );
  }
  return ALLOWED;
}
