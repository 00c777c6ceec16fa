/**
 * Names and numbers that identify a demo customer: personal and corporate names, the unified
 * social credit code, mobile and card numbers. Digits that must be unique come in from the
 * caller as a bijection of the customer's index (`permute8`); only the decoration is random.
 */
import type { CorporateType } from '../../../shared/customer/enums';
import { luhnCheckDigit } from '../../../shared/customer/ids';
import * as T from './names';
import { cumulative, PAD3, PAD4, pickIndex, type Rng } from './random';

const SURNAME_CUM = cumulative(T.SURNAMES.map((s) => s[1]));
const PHONE_PREFIX_CUM = cumulative(T.PHONE_PREFIXES.map((p) => p[1]));
const PLACE_CUM = cumulative(T.ENTERPRISE_PLACES.map((p) => p[1]));
const SUFFIX_CUM = cumulative(T.ENTERPRISE_SUFFIXES.map((p) => p[1]));
const FIN_SUFFIX_CUM = cumulative(T.FINANCIAL_SUFFIXES.map((p) => p[1]));
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Card slots per customer: 0 and 1 debit, 2 credit. */
export const CARD_SLOTS = 3;
export const CREDIT_SLOT = 2;

/** Surname by frequency, given name typical of the birth cohort and gender. */
export function personName(rng: Rng, birthYear: number, gender: 'M' | 'F'): string {
  const surname = T.SURNAMES[pickIndex(SURNAME_CUM, rng.next())]?.[0] as string;
  const era = birthYear < 1960 ? 0 : birthYear < 1980 ? 1 : birthYear < 1995 ? 2 : 3;
  const pool = T.GIVEN_NAMES[era]?.[gender === 'M' ? 0 : 1] as T.GivenNames;
  return surname + rng.pick(rng.chance(pool.singleShare) ? pool.single : pool.double);
}

export function corporateName(type: CorporateType, district: string, rng: Rng): string {
  switch (type) {
    case 'enterprise': {
      const place = T.ENTERPRISE_PLACES[pickIndex(PLACE_CUM, rng.next())]?.[0] as string;
      const suffix = T.ENTERPRISE_SUFFIXES[pickIndex(SUFFIX_CUM, rng.next())]?.[0] as string;
      return place + rng.pick(T.TRADE_NAMES) + rng.pick(T.INDUSTRIES) + suffix;
    }
    case 'government': {
      const u = rng.next();
      if (u < 0.5) return `杭州市${district}${rng.pick(T.GOVERNMENT_BODIES)}`;
      if (u < 0.8) return `杭州市${rng.pick(T.GOVERNMENT_BODIES)}`;
      return `杭州市${district}${rng.pick(T.GOVERNMENT_STREETS)}办事处`;
    }
    case 'institution': {
      const u = rng.next();
      if (u < 0.2) return `杭州市第${rng.pick(T.CHINESE_ORDINALS.slice(0, 7))}人民医院`;
      if (u < 0.7) return `杭州市${district}${rng.pick(T.INSTITUTION_KINDS)}`;
      return `杭州市${district}第${rng.pick(T.CHINESE_ORDINALS)}${rng.chance(0.5) ? '中学' : '小学'}`;
    }
    default: {
      const suffix = T.FINANCIAL_SUFFIXES[pickIndex(FIN_SUFFIX_CUM, rng.next())]?.[0] as string;
      const local = suffix.startsWith('小额') || suffix.startsWith('融资');
      return (local ? '杭州' : '') + rng.pick(T.TRADE_NAMES) + suffix;
    }
  }
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * 统一社会信用代码 (GB 32100): registration authority and type (91 enterprise, 11 government
 * body, 12 public institution), region, the 9-character organisation code (GB 11714, with its
 * own check character) and the final check character. `body8` (0…10^8−1) is the organisation
 * code's body, so distinct bodies give distinct codes.
 */
export function creditCodeFor(type: CorporateType, regionCode: string, body8: number): string {
  const head = type === 'government' ? '11' : type === 'institution' ? '12' : '91';
  const org = (PAD4[(body8 / 10000) | 0] as string) + (PAD4[body8 % 10000] as string);
  let s = 0;
  for (let j = 0; j < 8; j++) s += (org.charCodeAt(j) - 48) * (ORG_WEIGHTS[j] as number);
  const c = 11 - (s % 11);
  const first17 = head + regionCode + org + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
  let sum = 0;
  for (let j = 0; j < 17; j++) sum += USCC_CHARS.indexOf(first17[j] as string) * (USCC_WEIGHTS[j] as number);
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** A prefix (号段) plus the 8 unique digits. */
export function phoneNumber(digits8: number, rng: Rng): string {
  const prefix = T.PHONE_PREFIXES[pickIndex(PHONE_PREFIX_CUM, rng.next())]?.[0] as string;
  return prefix + (PAD4[(digits8 / 10000) | 0] as string) + (PAD4[digits8 % 10000] as string);
}

/**
 * Debit (19 digits): BIN + 3 branch digits + slot digit + the 8 unique digits + Luhn;
 * credit (16 digits): BIN + slot digit + 8 digits + Luhn. The slot digit is slot + 3k (0–8),
 * so two cards of one length can only match if slot and digits do, i.e. if they are the same
 * card (the digits are keyed per slot). 9 never appears there: it is the showcase's.
 */
export function cardNumber(digits8: number, slot: number, rng: Rng): string {
  const debit = slot !== CREDIT_SLOT;
  const bin = rng.pick(debit ? T.DEBIT_BINS : T.CREDIT_BINS);
  const payload =
    bin +
    (debit ? (PAD3[rng.int(1000)] as string) : '') +
    (DIGITS[slot + 3 * rng.int(3)] as string) +
    (PAD4[(digits8 / 10000) | 0] as string) +
    (PAD4[digits8 % 10000] as string);
  return payload + luhnCheckDigit(payload);
}
