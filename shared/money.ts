/**
 * Money is integer fen (分) everywhere. These helpers format for display and
 * parse what people type at a counter ("1.2万", "12,000.50", "¥3,200").
 */

export type Fen = number;

export interface ParseOk {
  ok: true;
  fen: Fen;
}
export interface ParseErr {
  ok: false;
  code:
    | 'amount_empty'
    | 'amount_format'
    | 'amount_separator'
    | 'amount_precision'
    | 'amount_range'
    | 'amount_negative';
  zh: string;
  en: string;
}

const UNITS: Record<string, number> = { 万: 4, w: 4, W: 4, 亿: 8, 千: 3, k: 3, K: 3 };

/** Moves the decimal point of a plain decimal string `places` to the right, without floating point. */
function shiftDecimal(intPart: string, fracPart: string, places: number): { int: string; frac: string } {
  const padded = fracPart.padEnd(places, '0');
  return { int: (intPart + padded.slice(0, places)).replace(/^0+(?=\d)/, ''), frac: padded.slice(places) };
}

export function parseAmount(input: string, opts: { allowNegative?: boolean } = {}): ParseOk | ParseErr {
  let s = input
    .trim()
    .replace(/[\s¥￥]/g, '')
    .replace(/元$/, '')
    .replace(/^RMB/i, '');
  if (/[,，]/.test(s)) {
    // A comma is a thousands separator only between groups of three digits: dropping it anywhere
    // else would read "1,2,3" as 123 and "12,34" (a European 12.34?) as 1234.
    if (!/^-?\d{1,3}(?:[,，]\d{3})+(?:\.\d*)?[万wW亿千kK]?$/.test(s)) {
      return {
        ok: false,
        code: 'amount_separator',
        zh: `金额中的千分位逗号位置不对：${input}（应每三位一组，如 1,234,567.89）`,
        en: `Misplaced thousands separator in ${input} (digits go in groups of three, e.g. 1,234,567.89)`,
      };
    }
    s = s.replace(/[,，]/g, '');
  }
  if (s === '') return { ok: false, code: 'amount_empty', zh: '请输入金额', en: 'Enter an amount' };
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  let unitPlaces = 0;
  const last = s.slice(-1);
  const unit = UNITS[last];
  if (unit !== undefined) {
    unitPlaces = unit;
    s = s.slice(0, -1);
  }
  const m = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/.exec(s);
  if (!m) {
    return {
      ok: false,
      code: 'amount_format',
      zh: `金额格式不正确：${input}`,
      en: `Not an amount: ${input}`,
    };
  }
  const intPart = m[1] ?? '0';
  const fracPart = m[2] ?? m[3] ?? '';
  const { int, frac } = shiftDecimal(intPart, fracPart, unitPlaces + 2);
  if (/[1-9]/.test(frac)) {
    return {
      ok: false,
      code: 'amount_precision',
      zh: '金额最多精确到分',
      en: 'Amounts go to the fen (0.01) at most',
    };
  }
  const fen = Number(int);
  if (!Number.isSafeInteger(fen)) {
    return { ok: false, code: 'amount_range', zh: '金额超出范围', en: 'Amount out of range' };
  }
  if (negative && fen !== 0) {
    if (!opts.allowNegative) {
      return { ok: false, code: 'amount_negative', zh: '金额不能为负', en: 'Amount cannot be negative' };
    }
    return { ok: true, fen: -fen };
  }
  return { ok: true, fen };
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** ¥1,234.56 — exact, from integer fen. */
export function formatFen(fen: Fen, opts: { symbol?: boolean; decimals?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a safe integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const symbol = opts.symbol === false ? '' : '¥';
  const body = groupThousands(String(yuan));
  if (opts.decimals === false) return `${sign}${symbol}${body}`;
  return `${sign}${symbol}${body}.${String(cents).padStart(2, '0')}`;
}

/** Whole yuan, rounded up, for "还差 ¥3,200": a gap of ¥3,199.01 still needs ¥3,200 in round figures. */
export function formatFenCeilYuan(fen: Fen): string {
  const yuan = Math.ceil(fen / 100);
  return formatFen(yuan * 100, { decimals: false });
}

export function yuanToFen(yuan: number): Fen {
  if (!Number.isSafeInteger(yuan)) throw new RangeError('whole yuan expected');
  return yuan * 100;
}
