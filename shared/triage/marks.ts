import type { TriageConfig } from './config';
import type { Bilingual } from './channel';
import type { TriageDecision } from './types';

/**
 * The lobby's judgement that travels on the ticket to the counter (Step 14): stricter review for a high-risk
 * customer (严格审核), care for the elderly or those who need help, and why the ticket has priority. Kept in the
 * issue event, so replication and a rebuilt ticket carry them too.
 */
export interface TicketMarks {
  review: boolean;
  care: boolean;
  elderly: boolean;
  highRisk: boolean;
  /** The rule that gave the ticket its priority class, when above normal. */
  priorityReason: Bilingual | null;
  /** The rule that asked for stricter review. */
  reviewReason: Bilingual | null;
}

/** The marks of a triage decision; null when there is nothing to carry. */
export function marksFromDecision(d: TriageDecision, cfg: Pick<TriageConfig, 'rules'>): TicketMarks | null {
  const matched = d.matchedRules
    .map((id) => cfg.rules.find((r) => r.id === id))
    .filter((r): r is NonNullable<typeof r> => !!r);
  const byPriority = matched.find((r) => r.effect.priority !== undefined && r.effect.priority === d.priority);
  const byReview = matched.find((r) => r.effect.review === true);
  const marks: TicketMarks = {
    review: d.review,
    care: d.care,
    elderly: d.facts.elderly,
    highRisk: d.facts.highRisk,
    priorityReason: byPriority && d.priority > 0 ? { ...byPriority.reason } : null,
    reviewReason: byReview ? { ...byReview.reason } : null,
  };
  const any = marks.review || marks.care || marks.elderly || marks.highRisk || marks.priorityReason;
  return any ? marks : null;
}
