import { zonedInstant } from '@shared/import/values';

/**
 * A date picked in the audit filter ("2025-03-14", the branch's calendar) → the instant that day starts
 * there. `to` is inclusive for the user, so its bound is the start of the next day (the API's `to` is exclusive).
 */
export function dayStart(date: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return zonedInstant({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), minutes: 0 }, timeZone);
}

export function rangeQuery(
  from: string,
  to: string,
  timeZone: string,
): { from?: number; to?: number } | { invalid: true } {
  const f = from ? dayStart(from, timeZone) : null;
  const tStart = to ? dayStart(to, timeZone) : null;
  // The day after `to`, found through the calendar (not +24 h) so a DST change cannot shift it.
  let t: number | null = null;
  if (tStart !== null) {
    const d = new Date(
      Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)) + 1),
    );
    t = dayStart(d.toISOString().slice(0, 10), timeZone);
  }
  if (f !== null && t !== null && f >= t) return { invalid: true };
  return { ...(f !== null ? { from: f } : {}), ...(t !== null ? { to: t } : {}) };
}
