import type { FeedbackAnswer } from './config';
import { isSatisfied } from './rules';

/**
 * Satisfaction figures (DOMAIN.md 4a): satisfaction % = (非常满意 + 满意) ÷ answers; response rate = answers ÷
 * finished visits. 未评价 (`none`) is not an answer. Pure, so the dashboard and the daily report (shared/metrics/)
 * can group the same rows their own way.
 */

/** One finished visit and its answer, if any. */
export interface RatedVisit {
  ticketId: string;
  /** Branch day 'YYYY-MM-DD' of the finish. */
  day: string;
  staffId: string | null;
  staffName: string | null;
  /** Intent keys of the visit; a visit with several services counts once under each. */
  services: string[];
  answer: FeedbackAnswer | null;
}

export type FigureDimension = 'staff' | 'service' | 'day';

export interface FeedbackFigure {
  /** Staff id, service key or day. */
  key: string;
  /** Staff name (the key for services and days: the renderer labels them). */
  label: string;
  finished: number;
  answered: number;
  satisfied: number;
  dissatisfied: number;
  /** null when nothing was answered (not 0 %: no one said they were unhappy). */
  satisfactionPct: number | null;
  /** null when no visit was finished. */
  responsePct: number | null;
}

export interface FeedbackFigures {
  total: FeedbackFigure;
  byStaff: FeedbackFigure[];
  byService: FeedbackFigure[];
  byDay: FeedbackFigure[];
}

const pct = (n: number, d: number): number | null => (d === 0 ? null : Math.round((n / d) * 1000) / 10);

function tally(key: string, label: string, rows: readonly RatedVisit[]): FeedbackFigure {
  let answered = 0;
  let satisfied = 0;
  let dissatisfied = 0;
  for (const r of rows) {
    if (r.answer === null || r.answer === 'none') continue;
    answered++;
    if (isSatisfied(r.answer)) satisfied++;
    if (r.answer === 'dissatisfied') dissatisfied++;
  }
  return {
    key,
    label,
    finished: rows.length,
    answered,
    satisfied,
    dissatisfied,
    satisfactionPct: pct(satisfied, answered),
    responsePct: pct(answered, rows.length),
  };
}

function groupBy(
  rows: readonly RatedVisit[],
  keysOf: (r: RatedVisit) => { key: string; label: string }[],
): FeedbackFigure[] {
  const groups = new Map<string, { label: string; rows: RatedVisit[] }>();
  for (const r of rows) {
    for (const k of keysOf(r)) {
      const g = groups.get(k.key) ?? { label: k.label, rows: [] };
      g.rows.push(r);
      groups.set(k.key, g);
    }
  }
  return [...groups.entries()]
    .map(([key, g]) => tally(key, g.label, g.rows))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Figures per teller, per service and per day, and the total. */
export function feedbackFigures(rows: readonly RatedVisit[]): FeedbackFigures {
  const visits = new Map<string, RatedVisit>();
  // One visit is one visit, whichever way it was listed.
  for (const r of rows) visits.set(r.ticketId, r);
  const all = [...visits.values()];
  return {
    total: tally('total', 'total', all),
    byStaff: groupBy(all, (r) => (r.staffId ? [{ key: r.staffId, label: r.staffName ?? r.staffId }] : [])),
    byService: groupBy(all, (r) => r.services.map((s) => ({ key: s, label: s }))),
    byDay: groupBy(all, (r) => [{ key: r.day, label: r.day }]),
  };
}
