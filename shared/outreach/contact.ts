import type { CorporateGrade, CustomerKind } from '../customer/enums';
import type { TierKey } from '../customer/tier';
import { branchDay } from '../queue/numbering';
import { ALLOWED, refuse, type Allowed, type Refusal } from '../refusal';
import type { OutreachConfig, OutreachPurpose, OutreachRuleKey } from './config';
import type { ContactConsent } from './types';

/** Pure checks and figures of the contact log (客户经营). */

/** 专属客户经理: the customers that get an owner (高端/私行, strategic and key corporate). */
export function isValuable(
  c: { kind: CustomerKind; tier: TierKey; corporateGrade: CorporateGrade | null },
  cfg: Pick<OutreachConfig, 'ownedTiers' | 'ownedCorporateGrades'>,
): boolean {
  if (c.kind === 'corporate')
    return !!c.corporateGrade && cfg.ownedCorporateGrades.includes(c.corporateGrade);
  return cfg.ownedTiers.includes(c.tier);
}

/** Do-not-contact wins over everything; marketing lists also need the customer's marketing consent. */
export function contactAllowed(
  consent: ContactConsent,
  purpose: OutreachPurpose,
): Allowed | Refusal<'do_not_contact' | 'no_marketing_consent'> {
  if (consent.doNotContact)
    return refuse('do_not_contact', '客户要求勿扰，不可联系', 'The customer asked not to be contacted');
  if (purpose === 'marketing' && !consent.marketing)
    return refuse(
      'no_marketing_consent',
      '客户未授权营销联系',
      'The customer has not agreed to marketing contact',
    );
  return ALLOWED;
}

/** One customer is called by one person a day: a contact logged today by someone else refuses another. */
export function checkNotContactedToday(
  today: readonly { staffId: string; staffName: string }[],
  staffId: string,
): Allowed | Refusal<'contacted_today'> {
  const other = today.find((c) => c.staffId !== staffId);
  if (!other) return ALLOWED;
  return refuse(
    'contacted_today',
    `该客户今天已由${other.staffName}联系过，请勿重复联系`,
    `${other.staffName} already contacted this customer today`,
  );
}

/** A churn-risk contact that reached the customer records why they are leaving. */
export function checkChurnReason(
  c: { rule: OutreachRuleKey | null; result: string; churnReason: string | null },
  cfg: Pick<OutreachConfig, 'results' | 'churnReasons'>,
): Allowed | Refusal<'churn_reason_required' | 'unknown_value'> {
  const result = cfg.results.find((r) => r.key === c.result);
  if (!result) return refuse('unknown_value', `未知联系结果：${c.result}`, `Unknown result: ${c.result}`);
  if (c.churnReason !== null && !cfg.churnReasons.some((r) => r.key === c.churnReason))
    return refuse(
      'unknown_value',
      `未知流失原因：${c.churnReason}`,
      `Unknown churn reason: ${c.churnReason}`,
    );
  if (c.rule === 'churnRisk' && result.reached && c.churnReason === null)
    return refuse(
      'churn_reason_required',
      '流失预警联系请记录客户流失原因',
      'A churn-risk contact records why the customer is leaving',
    );
  return ALLOWED;
}

/**
 * The next contact an RM planned (下次联系), while it is still to be made: a contact logged after the one that
 * planned it, on or after the planned day, made it. Before: the book showed a call planned for a day long past,
 * made that day, as the next contact until another contact planned a new one.
 */
export function plannedNextContact(
  s: { last: number; nextAt: number | null; nextAtSet: number },
  timeZone: string,
): number | null {
  if (s.nextAt === null) return null;
  const made = s.last > s.nextAtSet && branchDay(s.last, timeZone) >= branchDay(s.nextAt, timeZone);
  return made ? null : s.nextAt;
}

/** A logged contact as the figures need it. */
export interface ContactFact {
  customerId: string;
  rule: OutreachRuleKey | null;
  result: string;
  churnReason: string | null;
  /** AUM at the time of the contact, and now. */
  aumAtFen: number;
  aumNowFen: number;
}

export interface ContactFigures {
  contacts: number;
  customers: number;
  reached: number;
  /** reached ÷ contacts, 0–100, one decimal; null without contacts. */
  reachedPct: number | null;
  byRule: Partial<Record<OutreachRuleKey | 'other', number>>;
  /** Contacts by result (reached, no answer, wrong number, declined …). */
  byResult: Record<string, number>;
  churnReasons: Record<string, number>;
  churnContacted: number;
  /** Churn-risk customers contacted whose AUM now is at least what it was at the contact … */
  churnRetained: number;
  /** … and that AUM (fen). */
  aumRetainedFen: number;
}

/** The done list's figures (contacts made, reached %, churn reasons, AUM retained), for the dashboard. */
export function contactFigures(
  list: readonly ContactFact[],
  cfg: Pick<OutreachConfig, 'results'>,
): ContactFigures {
  const reachedKeys = new Set(cfg.results.filter((r) => r.reached).map((r) => r.key));
  const byRule: ContactFigures['byRule'] = {};
  const churnReasons: Record<string, number> = {};
  const byResult: Record<string, number> = {};
  let reached = 0;
  // Churn figures count customers once: their latest contact in the period.
  const churn = new Map<string, ContactFact>();
  for (const c of list) {
    if (reachedKeys.has(c.result)) reached++;
    byResult[c.result] = (byResult[c.result] ?? 0) + 1;
    const k = c.rule ?? 'other';
    byRule[k] = (byRule[k] ?? 0) + 1;
    if (c.churnReason) churnReasons[c.churnReason] = (churnReasons[c.churnReason] ?? 0) + 1;
    if (c.rule === 'churnRisk') churn.set(c.customerId, c);
  }
  let churnRetained = 0;
  let aumRetainedFen = 0;
  for (const c of churn.values()) {
    if (c.aumNowFen >= c.aumAtFen) {
      churnRetained++;
      aumRetainedFen += c.aumNowFen;
    }
  }
  return {
    contacts: list.length,
    customers: new Set(list.map((c) => c.customerId)).size,
    reached,
    reachedPct: list.length ? Math.round((reached * 1000) / list.length) / 10 : null,
    byRule,
    byResult,
    churnReasons,
    churnContacted: churn.size,
    churnRetained,
    aumRetainedFen,
  };
}
