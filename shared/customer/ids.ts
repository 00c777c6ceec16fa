/**
 * Validation of what a lobby manager types or swipes: mainland resident ID (GB 11643),
 * bank card (Luhn), mainland mobile number. Checked before any lookup, so a typo is
 * reported as a typo and never as "customer not found".
 */

import { compactNumber, toHalfWidth } from './typed-input';

export type IdErrorCode =
  | 'id_length'
  | 'id_legacy_15'
  | 'id_chars'
  | 'id_region'
  | 'id_birth_date'
  | 'id_check_digit'
  | 'card_format'
  | 'card_luhn'
  | 'phone_format';

export interface Invalid {
  ok: false;
  code: IdErrorCode;
  zh: string;
  en: string;
}

export interface ResidentId {
  ok: true;
  value: string;
  birthDate: string;
  gender: 'M' | 'F';
  regionCode: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** First two digits of every mainland province-level code, plus 71/81/82/83 for Taiwan, HK, Macau residence permits. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function normalizeIdInput(raw: string): string {
  return toHalfWidth(raw).trim().replace(/\s+/g, '').toUpperCase();
}

/**
 * 15-digit legacy IDs (issued before 1999) are rejected, not upgraded: upgrading would
 * guess the century, and every living holder has had an 18-digit card since 2013.
 */
export function validateResidentId(raw: string, now: number = Date.now()): ResidentId | Invalid {
  const v = normalizeIdInput(raw);
  if (/^\d{15}$/.test(v)) {
    return {
      ok: false,
      code: 'id_legacy_15',
      zh: '15位旧身份证号码不再受理，请使用18位居民身份证号码',
      en: '15-digit legacy ID numbers are not accepted; use the 18-digit resident ID number',
    };
  }
  if (v.length !== 18) {
    return {
      ok: false,
      code: 'id_length',
      zh: '身份证号码应为18位',
      en: 'A resident ID number has 18 characters',
    };
  }
  if (!/^\d{17}[\dX]$/.test(v)) {
    return {
      ok: false,
      code: 'id_chars',
      zh: '身份证号码前17位须为数字，末位为数字或X',
      en: 'The first 17 characters must be digits, the last a digit or X',
    };
  }
  if (!PROVINCES.has(v.slice(0, 2))) {
    return {
      ok: false,
      code: 'id_region',
      zh: '身份证号码地区码无效',
      en: 'The region code of the ID number is invalid',
    };
  }
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birthUtc = Date.UTC(y, m - 1, d);
  if (y < 1900 || !validDate(y, m, d) || birthUtc > now) {
    return {
      ok: false,
      code: 'id_birth_date',
      zh: '身份证号码中的出生日期无效',
      en: 'The birth date in the ID number is invalid',
    };
  }
  const expected = residentIdCheckChar(v.slice(0, 17));
  if (v[17] !== expected) {
    return {
      ok: false,
      code: 'id_check_digit',
      zh: '身份证号码校验位错误，请核对后重新输入',
      en: 'The ID number check digit is wrong; please check the number',
    };
  }
  return {
    ok: true,
    value: v,
    birthDate: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`,
    gender: Number(v[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: v.slice(0, 6),
  };
}

export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let n = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return (10 - (sum % 10)) % 10;
}

export function validateBankCard(raw: string): { ok: true; value: string } | Invalid {
  const v = compactNumber(raw);
  if (!/^\d{13,19}$/.test(v)) {
    return {
      ok: false,
      code: 'card_format',
      zh: '银行卡号应为13至19位数字',
      en: 'A bank card number has 13 to 19 digits',
    };
  }
  if (luhnCheckDigit(v.slice(0, -1)) !== Number(v.slice(-1))) {
    return {
      ok: false,
      code: 'card_luhn',
      zh: '银行卡号校验错误，请核对卡号',
      en: 'The card number fails its check digit; please check it',
    };
  }
  return { ok: true, value: v };
}

export function validateMobile(raw: string): { ok: true; value: string } | Invalid {
  const v = compactNumber(raw).replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (!/^1[3-9]\d{9}$/.test(v)) {
    return {
      ok: false,
      code: 'phone_format',
      zh: '手机号码应为1开头的11位数字',
      en: 'A mainland mobile number has 11 digits starting with 1',
    };
  }
  return { ok: true, value: v };
}

export type LookupQuery =
  | { kind: 'id'; value: string }
  | { kind: 'card'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'customerNo'; value: string }
  | { kind: 'name'; value: string };

/**
 * Decides what a typed or swiped lookup string is, and validates it. Shape decides the kind
 * (an ID reader types 18 characters, a card swipe 16–19 digits), so a mistyped ID is an ID error.
 */
export function classifyLookup(
  raw: string,
  customerNoPattern: RegExp,
  now: number = Date.now(),
): LookupQuery | Invalid {
  const compact = compactNumber(raw);
  const upper = compact.toUpperCase();
  if (customerNoPattern.test(upper)) return { kind: 'customerNo', value: upper };
  if (/^\d{17}[\dXx]$/.test(compact) || /^\d{15}$/.test(compact)) {
    const r = validateResidentId(compact, now);
    return r.ok ? { kind: 'id', value: r.value } : r;
  }
  // A mobile number with a digit too few or too many (9–12 digits starting with 1) is a mistyped phone: card
  // numbers have 13–19 digits and none starts with 1, so "银行卡号应为13至19位" would send the manager astray.
  if (/^(\+?86)?1\d{8,11}$/.test(compact)) {
    const r = validateMobile(compact);
    return r.ok ? { kind: 'phone', value: r.value } : r;
  }
  if (/^\d+$/.test(compact)) {
    const r = validateBankCard(compact);
    return r.ok ? { kind: 'card', value: r.value } : r;
  }
  const name = toHalfWidth(raw).trim();
  if (name.length >= 1 && name.length <= 40 && /^[\p{Script=Han}A-Za-z·．. ]+$/u.test(name)) {
    return { kind: 'name', value: name };
  }
  return {
    ok: false,
    code: 'id_chars',
    zh: '请输入身份证号、银行卡号、手机号、客户号或姓名',
    en: 'Enter an ID number, bank card number, mobile number, customer number or name',
  };
}
