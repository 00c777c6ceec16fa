import { classifyLookup } from './ids';

/**
 * Checks of the customer-number pattern (`customer.customerNoPattern`) as a manager edits it in settings. The
 * lookup tries this pattern before any other reading (classifyLookup), so a pattern that also fits a phone, ID or
 * card number would read those as customer numbers: better said beside the field than found at the counter.
 */

/** The browser's reason a pattern is not a regular expression, or null when it compiles (as the server does). */
export function patternError(src: string): string | null {
  try {
    new RegExp(src);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** One made-up number of each other kind the lookup reads, in the shape a reader or keyboard gives it. */
const OTHER_NUMBERS = {
  phone: '13800138000',
  id: '11010519491231002X',
  card: '6222021234567890128',
} as const;
export type OtherNumber = keyof typeof OTHER_NUMBERS;

/** The other kinds of number the pattern would take for a customer number (none for a valid, anchored pattern). */
export function swallowedNumbers(src: string): OtherNumber[] {
  if (patternError(src) !== null) return [];
  const re = new RegExp(src);
  return (Object.keys(OTHER_NUMBERS) as OtherNumber[]).filter((k) => re.test(OTHER_NUMBERS[k]));
}

/**
 * Whether the lookup would read `sample` as a customer number under `src` (spaces dropped, letters upper-cased,
 * exactly as at the counter); null when the pattern does not compile.
 */
export function readsAsCustomerNo(src: string, sample: string): boolean | null {
  if (patternError(src) !== null) return null;
  const r = classifyLookup(sample, new RegExp(src));
  return 'kind' in r && r.kind === 'customerNo';
}
