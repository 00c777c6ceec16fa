import { ALLOWED, refuse, type Allowed, type Refusal } from '../refusal';
import {
  ANSWER_LABELS,
  type EscalationRule,
  type FeedbackAnswer,
  type FeedbackConfig,
  type FeedbackLevel,
} from './config';

/**
 * The pad's rules, pure. The server decides which visit the pad may rate: only the one just finished at the pad's
 * own counter, only within the window, only once. A teller's session never reaches these (the answer route takes
 * a pad token), so a teller cannot rate in the customer's place.
 */

/** A finished visit at a counter, as the pad may rate it. */
export interface FinishedVisit {
  ticketId: string;
  displayNo: string;
  counterId: string;
  /** Who finished it (the teller rated). */
  staffId: string | null;
  services: string[];
  finishedAt: number;
}

export type AnswerRefusal = Refusal<
  'no_visit' | 'not_current_visit' | 'answer_window_closed' | 'already_rated'
>;

/** The moment the pad stops asking about a visit. */
export function windowClosesAt(finishedAt: number, cfg: Pick<FeedbackConfig, 'windowSeconds'>): number {
  return finishedAt + cfg.windowSeconds * 1000;
}

export function windowOpen(
  finishedAt: number,
  now: number,
  cfg: Pick<FeedbackConfig, 'windowSeconds'>,
): boolean {
  return now >= finishedAt && now < windowClosesAt(finishedAt, cfg);
}

/** What the pad should ask about now: the counter's last finished visit, if unrated and still in its window. */
export function visitToRate<V extends Pick<FinishedVisit, 'finishedAt'>>(
  last: V | null,
  rated: boolean,
  now: number,
  cfg: Pick<FeedbackConfig, 'windowSeconds' | 'enabled'>,
): V | null {
  if (!cfg.enabled || !last || rated) return null;
  return windowOpen(last.finishedAt, now, cfg) ? last : null;
}

/** A visit whose window closed without an answer is stored once as 未评价 (`none`): it counts as not answered. */
export function isUnanswered(
  last: Pick<FinishedVisit, 'finishedAt'> | null,
  rated: boolean,
  now: number,
  cfg: Pick<FeedbackConfig, 'windowSeconds' | 'enabled'>,
): boolean {
  return cfg.enabled && !!last && !rated && now >= windowClosesAt(last.finishedAt, cfg);
}

/**
 * May the pad at this counter answer for `ticketId` now? Only the counter's last finished visit (a later visit
 * replaces an earlier one at once), only within its window, only once.
 */
export function checkPadAnswer(a: {
  ticketId: string;
  last: Pick<FinishedVisit, 'ticketId' | 'finishedAt'> | null;
  rated: boolean;
  now: number;
  cfg: Pick<FeedbackConfig, 'windowSeconds' | 'enabled'>;
}): Allowed | AnswerRefusal {
  if (!a.cfg.enabled || !a.last)
    return refuse('no_visit', '本窗口暂无可评价的业务', 'There is no visit to rate at this counter');
  if (a.last.ticketId !== a.ticketId)
    return refuse(
      'not_current_visit',
      '只能评价本窗口刚办结的业务',
      'Only the visit just finished at this counter can be rated',
    );
  if (a.rated) return refuse('already_rated', '本次服务已评价', 'This visit has already been rated');
  if (!windowOpen(a.last.finishedAt, a.now, a.cfg))
    return refuse('answer_window_closed', '评价时间已过', 'The time to rate this visit is over');
  return ALLOWED;
}

/** A web survey (QR on the slip) answers a finished visit once, within `surveyLinkMinutes` of the finish. */
export function checkSurveyAnswer(a: {
  finishedAt: number | null;
  rated: boolean;
  now: number;
  cfg: Pick<FeedbackConfig, 'surveyLinkMinutes' | 'enabled'>;
}): Allowed | AnswerRefusal {
  if (!a.cfg.enabled || a.finishedAt === null)
    return refuse('no_visit', '该业务尚未办结', 'This visit is not finished yet');
  if (a.rated) return refuse('already_rated', '本次服务已评价', 'This visit has already been rated');
  if (a.now >= a.finishedAt + a.cfg.surveyLinkMinutes * 60_000)
    return refuse('answer_window_closed', '评价链接已过期', 'This survey link has expired');
  return ALLOWED;
}

/**
 * The escalation an answer triggers, or null. `sameDay` counts this teller's answers at this level on this branch
 * day, this one included: a `staff_day` rule with count 2 fires on the 2nd, 4th … such answer.
 */
export function escalationFor(
  level: FeedbackAnswer,
  sameDay: number,
  cfg: Pick<FeedbackConfig, 'escalation'>,
): EscalationRule | null {
  if (level === 'none') return null;
  for (const rule of cfg.escalation) {
    if (rule.level !== level) continue;
    if (rule.per === 'visit') return rule;
    if (sameDay >= rule.count && sameDay % rule.count === 0) return rule;
  }
  return null;
}

/** 非常满意 and 满意 count as satisfied (DOMAIN.md 4a). */
export function isSatisfied(
  level: FeedbackAnswer,
): level is Extract<FeedbackLevel, 'very_satisfied' | 'satisfied'> {
  return level === 'very_satisfied' || level === 'satisfied';
}

/** The description of the complaint or follow-up an escalation opens: the visit, the teller and what was said. */
export function escalationText(a: {
  displayNo: string;
  counterName: string | null;
  staffName: string | null;
  answer: FeedbackAnswer;
  rule: Pick<EscalationRule, 'per' | 'count'>;
  poor: { zh: string; en: string }[];
}): string {
  const label = ANSWER_LABELS[a.answer];
  const where = [a.counterName, a.staffName].filter(Boolean).join('，');
  const repeat = a.rule.per === 'staff_day' ? `（该柜员当日第 ${a.rule.count} 次）` : '';
  const poorZh = a.poor.length ? `；待改进：${a.poor.map((p) => p.zh).join('、')}` : '';
  const poorEn = a.poor.length ? `; to improve: ${a.poor.map((p) => p.en).join(', ')}` : '';
  return (
    `评价器：${a.displayNo} 号${where ? `（${where}）` : ''}服务评价“${label.zh}”${repeat}${poorZh}。` +
    ` / Pad rating "${label.en}" for ticket ${a.displayNo}${a.staffName ? ` (${a.staffName})` : ''}${poorEn}.`
  );
}
