import { z } from 'zod';

/** The earliest instant any API input may name: nothing in a branch's records is older. */
export const EARLIEST_MS = Date.UTC(2000, 0, 1);
const YEAR_MS = 365.25 * 86_400_000;

/**
 * An epoch-ms input, bounded: a date outside any sensible range (8640000000000001 is past what `Date` can hold)
 * would be stored and later break whatever formats it (exports, screens). `min` defaults to 2000-01-01 (0 for
 * cursors and filters that mean "from the start"); `maxYearsAhead` is counted from the server's clock at parse.
 * `coerce` for query strings.
 */
export function epochMs(opts: { min?: number; maxYearsAhead?: number; coerce?: boolean } = {}) {
  const min = opts.min ?? EARLIEST_MS;
  const ahead = (opts.maxYearsAhead ?? 10) * YEAR_MS;
  const base = opts.coerce ? z.coerce.number() : z.number();
  return base
    .int()
    .min(min, `日期太早 / date before ${new Date(min).toISOString().slice(0, 10)}`)
    .refine((v) => v <= Date.now() + ahead, {
      message: `日期太晚 / date more than ${opts.maxYearsAhead ?? 10} years ahead`,
    });
}
