import { BRANCH_TIME_ZONE } from './branchTime';

const DAY_MS = 86_400_000;
const dayParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: BRANCH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The branch's calendar day containing `ms`, as `YYYY-MM-DD` (the value of an `<input type="date">`). */
export function branchDate(ms: number): string {
  return dayParts.format(ms);
}

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Days since 1970-01-01 of the branch's calendar day containing `ms`. */
function branchDayNumber(ms: number): number {
  return dayNumber(branchDate(ms));
}

/**
 * `now` moved to the branch day `date`, keeping the time of day: a follow-up picked for "next Tuesday" is due
 * then at the same hour the server's default (now + N days) would use.
 */
export function onBranchDay(now: number, date: string): number {
  return now + (dayNumber(date) - branchDayNumber(now)) * DAY_MS;
}

export type DueState =
  { kind: 'overdue'; days: number } | { kind: 'today' } | { kind: 'upcoming'; days: number };

/**
 * Where a deadline stands on the branch's calendar: a follow-up due at 09:00 today is "today" all day long,
 * even after 09:00 (staff plan by the day); one due yesterday is a day overdue.
 */
export function dueState(dueAt: number, now: number): DueState {
  const diff = branchDayNumber(dueAt) - branchDayNumber(now);
  if (diff < 0) return { kind: 'overdue', days: -diff };
  if (diff === 0) return { kind: 'today' };
  return { kind: 'upcoming', days: diff };
}
