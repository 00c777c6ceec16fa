import { describe, expect, it } from 'vitest';
import {
  asciiFold,
  cellText,
  numberLostDigits,
  parseCivil,
  parseFlag,
  parseMoneyCell,
  splitList,
  validateCreditCode,
  zonedInstant,
} from './values';

describe('cells', () => {
  it('turns cells into trimmed text; integers keep every digit', () => {
    expect(cellText('  a ')).toBe('a');
    expect(cellText(13812345678)).toBe('13812345678');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(true)).toBe('true');
  });
  it('folds full-width digits typed with a Chinese input method', () => {
    expect(asciiFold('１３８１２３４５６７８')).toBe('13812345678');
  });
  it('knows when Excel has eaten the digits of a long number', () => {
    expect(numberLostDigits(Number('330106197305120313'))).toBe(true);
    expect(numberLostDigits(13812345678)).toBe(false);
    expect(numberLostDigits('330106197305120313')).toBe(false);
  });
  it('splits lists on the usual separators', () => {
    expect(splitList('老年客户、女性客户')).toEqual(['老年客户', '女性客户']);
    expect(splitList('a;b, c|d；e')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(splitList('')).toEqual([]);
  });
});

describe('dates', () => {
  it.each([
    ['2026-11-20', { y: 2026, m: 11, d: 20, minutes: 0 }],
    ['2026/1/5', { y: 2026, m: 1, d: 5, minutes: 0 }],
    ['2026.01.05', { y: 2026, m: 1, d: 5, minutes: 0 }],
    ['20261120', { y: 2026, m: 11, d: 20, minutes: 0 }],
    ['2026年11月20日', { y: 2026, m: 11, d: 20, minutes: 0 }],
    ['2026-11-20 14:30', { y: 2026, m: 11, d: 20, minutes: 870 }],
    ['２０２６－１１－２０', { y: 2026, m: 11, d: 20, minutes: 0 }],
  ])('reads %s', (s, v) => {
    expect(parseCivil(s)).toEqual({ ok: true, value: v });
  });
  it('reads Excel serial dates and YYYYMMDD numbers', () => {
    expect(parseCivil(46346)).toEqual({ ok: true, value: { y: 2026, m: 11, d: 20, minutes: 0 } });
    expect(parseCivil(20261120)).toEqual({ ok: true, value: { y: 2026, m: 11, d: 20, minutes: 0 } });
  });
  it('refuses what is not a date, or no such day', () => {
    expect(parseCivil('next Tuesday')).toMatchObject({ ok: false, code: 'date_format' });
    expect(parseCivil('2026-02-30')).toMatchObject({ ok: false, code: 'date_invalid' });
    expect(parseCivil('2026-13-01')).toMatchObject({ ok: false, code: 'date_invalid' });
    expect(parseCivil('2026-11-20 25:00')).toMatchObject({ ok: false, code: 'date_format' });
  });
  it('places a wall-clock date in the branch time zone, including old summer time', () => {
    expect(zonedInstant({ y: 2026, m: 11, d: 20, minutes: 0 }, 'Asia/Shanghai')).toBe(
      Date.UTC(2026, 10, 19, 16),
    );
    expect(zonedInstant({ y: 2026, m: 11, d: 20, minutes: 90 }, 'Asia/Shanghai')).toBe(
      Date.UTC(2026, 10, 19, 17, 30),
    );
    // China kept daylight saving time from 1986 to 1991: +9 h in July 1988.
    expect(zonedInstant({ y: 1988, m: 7, d: 1, minutes: 0 }, 'Asia/Shanghai')).toBe(
      Date.UTC(1988, 5, 30, 15),
    );
    expect(zonedInstant({ y: 2026, m: 3, d: 29, minutes: 0 }, 'Europe/Berlin')).toBe(
      Date.UTC(2026, 2, 28, 23),
    );
    expect(zonedInstant({ y: 2026, m: 3, d: 29, minutes: 12 * 60 }, 'Europe/Berlin')).toBe(
      Date.UTC(2026, 2, 29, 10),
    );
  });
});

describe('money', () => {
  it.each([
    ['12,000.50', 1_200_050],
    ['1.2万', 1_200_000],
    ['¥3,200', 320_000],
    ['０.０１', 1],
    ['0', 0],
  ])('%s → %i fen', (s, fen) => {
    expect(parseMoneyCell(s)).toEqual({ ok: true, value: fen });
  });
  it('takes XLSX numbers to the fen without float drift', () => {
    expect(parseMoneyCell(86000.5)).toEqual({ ok: true, value: 8_600_050 });
    expect(parseMoneyCell(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(parseMoneyCell(1.005)).toMatchObject({ ok: false, code: 'amount_precision' });
  });
  it('refuses negative, sub-fen and non-amounts', () => {
    expect(parseMoneyCell('-5')).toMatchObject({ ok: false, code: 'amount_negative' });
    expect(parseMoneyCell(-5)).toMatchObject({ ok: false, code: 'amount_negative' });
    expect(parseMoneyCell('1.234')).toMatchObject({ ok: false, code: 'amount_precision' });
    expect(parseMoneyCell('abc')).toMatchObject({ ok: false, code: 'amount_format' });
  });
  it('refuses thousands separators out of place instead of dropping them', () => {
    expect(parseMoneyCell('1,234,567.89')).toEqual({ ok: true, value: 123_456_789 });
    expect(parseMoneyCell('1,2,3')).toMatchObject({ ok: false, code: 'amount_separator' });
    expect(parseMoneyCell('12,34')).toMatchObject({ ok: false, code: 'amount_separator' });
    expect(parseMoneyCell('１２，３４')).toMatchObject({ ok: false, code: 'amount_separator' });
  });
});

describe('flags', () => {
  it.each(['是', 'Y', 'yes', '同意', '1', 'TRUE', '已授权'])('%s is yes', (s) => {
    expect(parseFlag(s)).toEqual({ ok: true, value: true });
  });
  it.each(['否', 'N', 'no', '不同意', '0', 'false'])('%s is no', (s) => {
    expect(parseFlag(s)).toEqual({ ok: true, value: false });
  });
  it('refuses anything else', () => {
    expect(parseFlag('也许')).toMatchObject({ ok: false, code: 'flag_format' });
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts a code with the right check character, in any case', () => {
    expect(validateCreditCode('91310104MA1FL0K37A')).toEqual({ ok: true, value: '91310104MA1FL0K37A' });
    expect(validateCreditCode('91310104ma1fl0k37a')).toEqual({ ok: true, value: '91310104MA1FL0K37A' });
  });
  it('refuses a wrong check character or bad characters', () => {
    expect(validateCreditCode('91310104MA1FL0K37B')).toMatchObject({ ok: false, code: 'credit_code_check' });
    expect(validateCreditCode('91310104MA1FL0K3IA')).toMatchObject({ ok: false, code: 'credit_code_format' });
    expect(validateCreditCode('9131010')).toMatchObject({ ok: false, code: 'credit_code_format' });
  });
});
