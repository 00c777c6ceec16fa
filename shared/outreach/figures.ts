import type { OutreachRuleKey } from './config';

/**
 * The day's lists, done versus due, for the manager's dashboard (per list and per member of staff). A customer
 * contacted today usually drops off the list (the contact resets the rule), so "due" is what is still open plus
 * what was done today: a list worked to the end reads 100 %, not 0 of 0.
 */

/** A customer on today's list. */
export interface ListItemFact {
  customerId: string;
  assigneeId: string | null;
  rules: readonly OutreachRuleKey[];
  overdue: boolean;
  contactedToday: boolean;
}

/** A contact made today. */
export interface DoneFact {
  customerId: string;
  staffId: string;
  rule: OutreachRuleKey | null;
}

/** A contact of the period (for contacts made and reached, per member of staff). */
export interface PeriodFact {
  staffId: string;
  result: string;
}

export interface ListProgress {
  /** Open plus done. */
  due: number;
  /** Customers contacted today. */
  done: number;
  /** Still on the list, not contacted today. */
  open: number;
  /** Of the open ones, overdue. */
  overdue: number;
}

export interface StaffOutreach extends ListProgress {
  /** null: listed customers nobody is assigned to yet. */
  staffId: string | null;
  contacts: number;
  reached: number;
  /** reached ÷ contacts, 0–100, one decimal; null without contacts. */
  reachedPct: number | null;
}

export interface OutreachProgress {
  today: ListProgress & { byRule: Partial<Record<OutreachRuleKey, ListProgress>> };
  byStaff: StaffOutreach[];
}

const empty = (): ListProgress => ({ due: 0, done: 0, open: 0, overdue: 0 });
const pct = (n: number, of: number) => (of ? Math.round((n * 1000) / of) / 10 : null);

export function outreachProgress(
  items: readonly ListItemFact[],
  doneToday: readonly DoneFact[],
  period: readonly PeriodFact[],
  reachedResults: ReadonlySet<string>,
): OutreachProgress {
  const total = empty();
  const byRule: Partial<Record<OutreachRuleKey, ListProgress>> = {};
  const staff = new Map<string | null, StaffOutreach>();
  const of = (id: string | null) => {
    let s = staff.get(id);
    if (!s) {
      s = { staffId: id, ...empty(), contacts: 0, reached: 0, reachedPct: null };
      staff.set(id, s);
    }
    return s;
  };
  for (const it of items) {
    if (it.contactedToday) continue;
    const s = of(it.assigneeId);
    total.open++;
    s.open++;
    if (it.overdue) {
      total.overdue++;
      s.overdue++;
    }
    for (const r of new Set(it.rules)) {
      const p = (byRule[r] ??= empty());
      p.open++;
      if (it.overdue) p.overdue++;
    }
  }
  // Done: a customer once per list and once per caller (two callers the same day are two done contacts).
  const seen = new Set<string>();
  const seenRule = new Set<string>();
  const seenStaff = new Set<string>();
  for (const d of doneToday) {
    if (!seen.has(d.customerId)) {
      seen.add(d.customerId);
      total.done++;
    }
    if (d.rule && !seenRule.has(`${d.rule}|${d.customerId}`)) {
      seenRule.add(`${d.rule}|${d.customerId}`);
      (byRule[d.rule] ??= empty()).done++;
    }
    if (!seenStaff.has(`${d.staffId}|${d.customerId}`)) {
      seenStaff.add(`${d.staffId}|${d.customerId}`);
      of(d.staffId).done++;
    }
  }
  for (const p of period) {
    const s = of(p.staffId);
    s.contacts++;
    if (reachedResults.has(p.result)) s.reached++;
  }
  const finish = (p: ListProgress) => {
    p.due = p.open + p.done;
  };
  finish(total);
  for (const p of Object.values(byRule)) finish(p);
  const byStaff = [...staff.values()];
  for (const s of byStaff) {
    finish(s);
    s.reachedPct = pct(s.reached, s.contacts);
  }
  // Most to do first; the unassigned row last.
  byStaff.sort(
    (a, b) =>
      Number(a.staffId === null) - Number(b.staffId === null) || b.due - a.due || b.contacts - a.contacts,
  );
  return { today: { ...total, byRule }, byStaff };
}
