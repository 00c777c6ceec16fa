const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl formatter costs ~150 µs; one per timezone is kept. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Age in whole years on `now`, in the branch's calendar (birth dates are calendar dates, not instants). */
export function ageOn(birthDate: string, now: number, timeZone: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = formatterFor(timeZone).format(new Date(now)).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/**
 * The date an age is counted from when only the birth year and month are kept (`YYYY-MM`, see migration 0007):
 * the month's last day, so an age (and the elderly rule) is never reached before the real birthday, at most a
 * month after it.
 */
export function birthDateFromMonth(birthMonth: string): string {
  const [y, m] = birthMonth.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${birthMonth.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** Age in whole years on `now` from a birth year and month (conservative by up to a month). */
export function ageFromMonth(birthMonth: string, now: number, timeZone: string): number {
  return ageOn(birthDateFromMonth(birthMonth), now, timeZone);
}
