/** What every row validator shares: the result types, the problem list, and field helpers. */
import { maskCard, maskMobile, maskResidentId } from '../customer/mask';
import type { Cell } from './types';
import {
  asciiFold,
  cellText,
  EXCEL_NUMBER,
  numberLostDigits,
  parseCivil,
  splitList,
  zonedInstant,
} from './values';

/** What is wrong with one field of a row (the importer adds the line and the column header). */
export interface FieldProblem {
  field: string | null;
  code: string;
  zh: string;
  en: string;
  value: string | null;
}

export type RowResult<T> = { ok: true; row: T } | { ok: false; problems: FieldProblem[] };

/** Reads a field of the current row; undefined when the file has no such column. */
export type FieldGetter = (key: string) => Cell | undefined;

export interface RowRules {
  now: number;
  timeZone: string;
  customerNoPattern: RegExp;
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────
const PII_MASK: Record<string, (s: string) => string> = {
  id_number: (s) => maskResidentId(s),
  phone: (s) => maskMobile(s),
  cards: (s) => splitList(s).map(maskCard).join(';'),
};

/** The value as the report may show it: personal numbers masked, long text cut. */
export function reportValue(field: string | null, c: Cell | undefined): string | null {
  const s = cellText(c);
  if (!s) return null;
  const mask = field ? PII_MASK[field] : undefined;
  if (mask) return mask(asciiFold(s).replace(/\s+/g, ''));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

export class Problems {
  readonly list: FieldProblem[] = [];
  constructor(private readonly get: FieldGetter) {}
  add(field: string | null, p: { code: string; zh: string; en: string }): void {
    this.list.push({
      field,
      code: p.code,
      zh: p.zh,
      en: p.en,
      value: field ? reportValue(field, this.get(field)) : null,
    });
  }
  required(field: string, label: string, labelEn: string): void {
    this.add(field, { code: 'required', zh: `${label}不能为空`, en: `${labelEn} is required` });
  }
  enumBad(field: string, label: string, labelEn: string, allowed: string): void {
    const v = cellText(this.get(field));
    this.add(field, {
      code: 'enum',
      zh: `${label}“${v}”无法识别（可填：${allowed}）`,
      en: `Unknown ${labelEn} "${v}" (allowed: ${allowed})`,
    });
  }
}

export function text(get: FieldGetter, key: string): string {
  return cellText(get(key));
}

/** A date not after today (end of the branch's day), as epoch ms of that wall-clock time in the branch. */
export function pastInstant(
  get: FieldGetter,
  key: string,
  label: [string, string],
  rules: RowRules,
  out: Problems,
): number | null {
  const t = dateInstant(get, key, label, rules, out);
  if (t !== null && t >= endOfToday(rules)) {
    out.add(key, {
      code: 'date_future',
      zh: `${label[0]}不能晚于今天`,
      en: `${label[1]} cannot be in the future`,
    });
    return null;
  }
  return t;
}

/** Any date (a maturity may be ahead), as epoch ms of that wall-clock time in the branch; null when empty or bad. */
export function dateInstant(
  get: FieldGetter,
  key: string,
  label: [string, string],
  rules: RowRules,
  out: Problems,
): number | null {
  const raw = get(key);
  if (cellText(raw) === '') return null;
  // Files repeat the same dates: a date text already seen is not parsed again.
  const cache = typeof raw === 'string' ? dateCache(rules.timeZone) : null;
  const hit = cache?.get(raw as string);
  if (hit !== undefined) return hit;
  const r = parseCivil(raw);
  if (!r.ok) {
    out.add(key, { code: r.code, zh: `${label[0]}：${r.zh}`, en: `${label[1]}: ${r.en}` });
    return null;
  }
  const t = zonedInstant(r.value, rules.timeZone);
  if (cache) {
    if (cache.size > 50_000) cache.clear();
    cache.set(raw as string, t);
  }
  return t;
}

const dateCaches = new Map<string, Map<string, number>>();
export function dateCache(timeZone: string): Map<string, number> {
  let c = dateCaches.get(timeZone);
  if (!c) {
    c = new Map();
    dateCaches.set(timeZone, c);
  }
  return c;
}

const endOfTodayCache = new WeakMap<RowRules, number>();
/** The first instant of tomorrow in the branch: dates on or after it are in the future. */
export function endOfToday(rules: RowRules): number {
  let t = endOfTodayCache.get(rules);
  if (t === undefined) {
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', {
      timeZone: rules.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .format(new Date(rules.now))
      .split('-')
      .map(Number);
    t = zonedInstant({ y: y ?? 1970, m: m ?? 1, d: d ?? 1, minutes: 24 * 60 }, rules.timeZone);
    endOfTodayCache.set(rules, t);
  }
  return t;
}

export function customerNo(get: FieldGetter, rules: RowRules, out: Problems): string {
  const v = asciiFold(text(get, 'customer_no')).replace(/\s+/g, '').toUpperCase();
  if (!v) out.required('customer_no', '客户号', 'Customer no.');
  else if (!rules.customerNoPattern.test(v)) {
    out.add('customer_no', {
      code: 'customer_no_format',
      zh: `客户号格式不正确：${v}`,
      en: `Not a customer number of this bank: ${v}`,
    });
  }
  return v;
}

export function excelDigits(get: FieldGetter, key: string, out: Problems): boolean {
  if (!numberLostDigits(get(key))) return false;
  out.add(key, { code: 'excel_number', ...EXCEL_NUMBER });
  return true;
}
