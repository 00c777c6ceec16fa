/** Ticket numbers restart every day in the branch's timezone: A001, A002, …, A999, A1000. */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError on an unknown zone, before it is cached.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

const lastDay = new Map<string, { minute: number; day: string }>();

/** The branch's calendar day of `now` (epoch ms), `YYYY-MM-DD`; the key of the daily number sequence. */
export function branchDay(now: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  // Asked on every ticket event; today's zones change day on a whole minute, so one answer per minute will do.
  const minute = Math.floor(now / 60_000);
  const hit = lastDay.get(timeZone);
  if (hit && hit.minute === minute) return hit.day;
  let y = '';
  let m = '';
  let d = '';
  for (const p of formatter(timeZone).formatToParts(new Date(now))) {
    if (p.type === 'year') y = p.value;
    else if (p.type === 'month') m = p.value;
    else if (p.type === 'day') d = p.value;
  }
  const day = `${y}-${m}-${d}`;
  lastDay.set(timeZone, { minute, day });
  return day;
}

/** `A` + 12 → `A012`; at least three digits, more past 999 (`A1000`). */
export function formatTicketNo(prefix: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`ticket number must be a positive integer, got ${n}`);
  return `${prefix}${String(n).padStart(3, '0')}`;
}

/** `A012` → `{ prefix: 'A', n: 12 }`; null when it is not a ticket number. */
export function parseTicketNo(displayNo: string): { prefix: string; n: number } | null {
  const m = /^([A-Z]{1,2})(\d{3,})$/.exec(displayNo);
  if (!m) return null;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) && n >= 1 ? { prefix: m[1] as string, n } : null;
}
