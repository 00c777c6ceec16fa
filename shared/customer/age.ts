/** Age in whole years on `now`, in the branch's calendar (birth dates are calendar dates, not instants). */
export function ageOn(birthDate: string, now: number, timeZone: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(now))
    .split('-')
    .map(Number) as [number, number, number];
  const [y, m, d] = parts;
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
