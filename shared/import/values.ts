/**
 * Cell-level parsers for imported files: each answers a value or a bilingual reason. Lenient about
 * form (全角 digits, "是/否", "2026/11/20", "1.2万", Excel date serials) and strict about content.
 */
import { parseAmount } from '../money';
import type { Bilingual, Cell } from './types';

export type Parsed<T> = { ok: true; value: T } | ({ ok: false; code: string } & Bilingual);

const bad = (code: string, zh: string, en: string): { ok: false; code: string; zh: string; en: string } => ({
  ok: false,
  code,
  zh,
  en,
});

/** A cell as trimmed text; numbers keep their digits (no exponent for integers up to 2^53). */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c.trim();
  if (typeof c === 'number') return Number.isInteger(c) ? c.toFixed(0) : String(c);
  return c ? 'true' : 'false';
}

const NON_ASCII = /[^\x20-\x7e]/;
/** Full-width digits and letters (身份证号 typed with a Chinese IME) become ASCII. */
export function asciiFold(s: string): string {
  return NON_ASCII.test(s) ? s.normalize('NFKC') : s;
}

/**
 * Digits that Excel stored as a number lose everything past the 15th significant digit (an ID or
 * card number becomes 1.10105E+17): such a cell cannot be trusted and must be re-exported as text.
 */
export function numberLostDigits(c: Cell | undefined): boolean {
  return typeof c === 'number' && (!Number.isSafeInteger(c) || c >= 1e15);
}

export const EXCEL_NUMBER: Bilingual = {
  zh: 'Excel 把这一列存成了数字，长号码的末几位已丢失；请把该列设为“文本”格式后重新导出',
  en: 'Excel stored this column as a number and lost the last digits; format the column as text and export again',
};

// ── dates ────────────────────────────────────────────────────────────────────────────────
export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function validCivil(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : (MONTH_DAYS[m - 1] as number));
}

const DATE_RE =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A calendar date (and optional time of day) as written: 2026-11-20, 2026/11/20, 20261120, 2026年11月20日, Excel serials. */
export function parseCivil(c: Cell | undefined): Parsed<CivilDate & { minutes: number }> {
  if (typeof c === 'number') {
    if (c >= 19000101 && c <= 29991231 && Number.isInteger(c)) return parseCivil(String(c));
    if (c > 0 && c < 200_000) {
      // An Excel serial date (days since 1899-12-30), possibly with a time fraction.
      const ms = EXCEL_EPOCH + Math.round(c * 86_400_000);
      const dt = new Date(ms);
      return {
        ok: true,
        value: {
          y: dt.getUTCFullYear(),
          m: dt.getUTCMonth() + 1,
          d: dt.getUTCDate(),
          minutes: dt.getUTCHours() * 60 + dt.getUTCMinutes(),
        },
      };
    }
  }
  const s = asciiFold(cellText(c));
  let y: number;
  let m: number;
  let d: number;
  let minutes = 0;
  const compact = COMPACT_RE.exec(s);
  if (compact) {
    y = Number(compact[1]);
    m = Number(compact[2]);
    d = Number(compact[3]);
  } else {
    const r = DATE_RE.exec(s);
    if (!r) {
      return bad(
        'date_format',
        `日期格式不正确：${s}（应为 YYYY-MM-DD）`,
        `Not a date: ${s} (use YYYY-MM-DD)`,
      );
    }
    y = Number(r[1]);
    m = Number(r[2]);
    d = Number(r[3]);
    if (r[4] !== undefined) {
      const hh = Number(r[4]);
      const mm = Number(r[5]);
      if (hh > 23 || mm > 59) return bad('date_format', `时间不正确：${s}`, `Not a time of day: ${s}`);
      minutes = hh * 60 + mm;
    }
  }
  if (!validCivil(y, m, d)) return bad('date_invalid', `日期不存在：${s}`, `No such date: ${s}`);
  return { ok: true, value: { y, m, d, minutes } };
}

export const isoDate = (v: CivilDate): string =>
  `${v.y}-${String(v.m).padStart(2, '0')}-${String(v.d).padStart(2, '0')}`;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
/** Offset of `timeZone` from UTC at instant `ms`, in ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const HOUR = 3_600_000;
const dayOffsets = new Map<string, Map<number, number>>();
/**
 * The instant a wall-clock time in the branch's zone stands for. The zone's offset is cached per
 * calendar day (files repeat the same dates a million times); a day with a DST change is computed exactly.
 */
export function zonedInstant(v: CivilDate & { minutes: number }, timeZone: string): number {
  let days = dayOffsets.get(timeZone);
  if (!days) {
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  // Cached: the midnight of each day (NaN on a day the offset changes), and per month whether the
  // offset is the same all month (most months; one Intl call pair per month, not per day).
  const key = (v.y * 16 + v.m) * 32 + v.d;
  let midnight = days.get(key);
  if (midnight === undefined) {
    const monthKey = (v.y * 16 + v.m) * 32;
    let monthOff = days.get(monthKey);
    if (monthOff === undefined) {
      const start = Date.UTC(v.y, v.m - 1, 1);
      const a = zoneOffsetMs(start - 12 * HOUR, timeZone);
      monthOff = a === zoneOffsetMs(Date.UTC(v.y, v.m, 1) + 12 * HOUR, timeZone) ? a : NaN;
      days.set(monthKey, monthOff);
    }
    const dayStart = Date.UTC(v.y, v.m - 1, v.d);
    let off = monthOff;
    if (Number.isNaN(off)) {
      const before = zoneOffsetMs(dayStart - 12 * HOUR, timeZone);
      off = before === zoneOffsetMs(dayStart + 36 * HOUR, timeZone) ? before : NaN;
    }
    midnight = dayStart - off;
    if (days.size > 100_000) days.clear();
    days.set(key, midnight);
  }
  if (!Number.isNaN(midnight)) return midnight + v.minutes * 60_000;
  const wall = Date.UTC(v.y, v.m - 1, v.d, 0, v.minutes);
  const t = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(t, timeZone);
}

// ── money ────────────────────────────────────────────────────────────────────────────────
/** Yuan as written ("12,000.50", "1.2万", "¥3,200") or as an XLSX number → integer fen, not negative. */
export function parseMoneyCell(c: Cell | undefined): Parsed<number> {
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) return bad('amount_format', '金额不是有效数字', 'The amount is not a number');
    const fen = Math.round(c * 100);
    if (Math.abs(c * 100 - fen) > 1e-6 * Math.max(1, Math.abs(c))) {
      return bad('amount_precision', '金额最多精确到分', 'Amounts go to the fen (0.01) at most');
    }
    if (fen < 0) return bad('amount_negative', '金额不能为负', 'Amount cannot be negative');
    if (!Number.isSafeInteger(fen)) return bad('amount_range', '金额超出范围', 'Amount out of range');
    return { ok: true, value: fen };
  }
  const r = parseAmount(asciiFold(cellText(c)));
  return r.ok ? { ok: true, value: r.fen } : { ok: false, code: r.code, zh: r.zh, en: r.en };
}

// ── enums and flags ─────────────────────────────────────────────────────────────────────
/** Builds a lookup from accepted spellings (normalised: lower case, no spaces) to a canonical value. */
export function vocabulary<T extends string>(
  entries: Record<T, readonly string[]>,
): (raw: string) => T | null {
  const m = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, readonly string[]][]) {
    for (const w of [value, ...words]) m.set(normWord(w), value);
  }
  // A file spells each value the same way a million times: the answer per raw spelling is kept (a few
  // hundred at most, so a file of junk cannot grow it).
  const seen = new Map<string, T | null>();
  return (raw) => {
    let v = seen.get(raw);
    if (v === undefined) {
      v = m.get(normWord(raw)) ?? null;
      if (seen.size < 512) seen.set(raw, v);
    }
    return v;
  };
}

function normWord(s: string): string {
  return asciiFold(s)
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const YES = new Set([
  'y',
  'yes',
  'true',
  '1',
  '是',
  '同意',
  '已同意',
  '已授权',
  '授权',
  '在售',
  '有效',
  '启用',
  'on',
  '√',
]);
const NO = new Set([
  'n',
  'no',
  'false',
  '0',
  '否',
  '不同意',
  '未同意',
  '未授权',
  '不授权',
  '停售',
  '下架',
  '无效',
  '停用',
  'off',
  '×',
]);

export function parseFlag(c: Cell | undefined): Parsed<boolean> {
  if (typeof c === 'boolean') return { ok: true, value: c };
  const s = normWord(cellText(c));
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return bad('flag_format', `应为“是”或“否”：${cellText(c)}`, `Expected yes or no: ${cellText(c)}`);
}

/** Splits a list cell: "a;b", "a、b", "a,b", "a|b", "a b". */
export function splitList(s: string): string[] {
  return s
    .split(/[;；,，、|/\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

// ── 统一社会信用代码 (GB 32100-2015) ─────────────────────────────────────────────────────
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function validateCreditCode(raw: string): Parsed<string> {
  const v = asciiFold(raw).replace(/\s+/g, '').toUpperCase();
  if (!/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(v)) {
    return bad(
      'credit_code_format',
      '统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V）',
      'A unified social credit code has 18 digits or capital letters (no I, O, Z, S, V)',
    );
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(v[i] as string) * (USCC_WEIGHTS[i] as number);
  if (USCC_CHARS[(31 - (sum % 31)) % 31] !== v[17]) {
    return bad('credit_code_check', '统一社会信用代码校验位错误', 'The credit code check character is wrong');
  }
  return { ok: true, value: v };
}
