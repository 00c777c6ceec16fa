import { addDays, instantOf } from '../appointments/slots';
import { branchDay } from '../queue/numbering';

/**
 * A campaign's dates as a branch manager picks them: a first and a last day (both included) in the branch's time
 * zone. Stored as instants, [start, end): `start` is midnight of the first day, `end` midnight after the last.
 * Either side may be open (a standing or recurring campaign).
 */
export interface CampaignDays {
  from: string | null;
  to: string | null;
}

export function campaignDays(c: { start?: number; end?: number }, timeZone: string): CampaignDays {
  return {
    from: c.start === undefined ? null : branchDay(c.start, timeZone),
    // `end` is exclusive: the last day is the one its previous instant falls on.
    to: c.end === undefined ? null : branchDay(c.end - 1, timeZone),
  };
}

export function campaignPeriod(days: CampaignDays, timeZone: string): { start?: number; end?: number } {
  return {
    ...(days.from === null ? {} : { start: instantOf(days.from, 0, timeZone) }),
    ...(days.to === null ? {} : { end: instantOf(addDays(days.to, 1), 0, timeZone) }),
  };
}

/** An instant as the branch says it: the day alone at midnight, else day and time (2026-12-07, 2026-12-07 09:30). */
export function branchDateText(at: number, timeZone: string): string {
  const day = branchDay(at, timeZone);
  if (instantOf(day, 0, timeZone) === at) return day;
  const hm = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
  return `${day} ${hm}`;
}
