import { describe, expect, it } from 'vitest';
import {
  classifyLookup,
  luhnCheckDigit,
  residentIdCheckChar,
  validateBankCard,
  validateMobile,
  validateResidentId,
} from './ids';

const NOW = Date.UTC(2026, 10, 23);

describe('validateResidentId', () => {
  it('accepts the GB 11643 standard example', () => {
    const r = validateResidentId('11010519491231002X', NOW);
    expect(r).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'F',
      regionCode: '110105',
    });
  });
  it('accepts a lower-case x and spaces', () => {
    expect(validateResidentId(' 11010519491231002x ', NOW).ok).toBe(true);
  });
  it('computes check characters including X and 0', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44030419900101001')).toBe(String(residentIdCheckChar('44030419900101001')));
    const id = '440304199001010011'.slice(0, 17);
    const full = id + residentIdCheckChar(id);
    expect(validateResidentId(full, NOW).ok).toBe(true);
  });
  it('rejects a wrong check digit with a clear message', () => {
    const r = validateResidentId('110105194912310021', NOW);
    expect(r).toMatchObject({ ok: false, code: 'id_check_digit' });
    if (!r.ok) expect(r.zh).toContain('校验位');
  });
  it('rejects 15-digit legacy numbers explicitly', () => {
    expect(validateResidentId('110105491231002', NOW)).toMatchObject({ ok: false, code: 'id_legacy_15' });
  });
  it('rejects impossible birth dates, future dates and bad regions', () => {
    const withCheck = (s17: string) => s17 + residentIdCheckChar(s17);
    expect(validateResidentId(withCheck('11010519490230002'), NOW)).toMatchObject({ code: 'id_birth_date' });
    expect(validateResidentId(withCheck('11010520300101002'), NOW)).toMatchObject({ code: 'id_birth_date' });
    expect(validateResidentId(withCheck('99010519491231002'), NOW)).toMatchObject({ code: 'id_region' });
    expect(validateResidentId('1101051949123100', NOW)).toMatchObject({ code: 'id_length' });
    expect(validateResidentId('11010519491231A02X', NOW)).toMatchObject({ code: 'id_chars' });
  });
});

describe('validateBankCard', () => {
  it('accepts Luhn-valid numbers with spaces', () => {
    expect(validateBankCard('4111 1111 1111 1111')).toEqual({ ok: true, value: '4111111111111111' });
    const payload = '622202100112345678';
    expect(validateBankCard(payload + luhnCheckDigit(payload)).ok).toBe(true);
  });
  it('rejects a wrong check digit and bad lengths', () => {
    expect(validateBankCard('4111111111111112')).toMatchObject({ ok: false, code: 'card_luhn' });
    expect(validateBankCard('123')).toMatchObject({ ok: false, code: 'card_format' });
    expect(validateBankCard('41111111111111111111')).toMatchObject({ ok: false, code: 'card_format' });
  });
});

describe('validateMobile', () => {
  it('accepts mainland numbers with +86 and dashes', () => {
    expect(validateMobile('+86 138-0013-8000')).toEqual({ ok: true, value: '13800138000' });
  });
  it('rejects numbers starting 10/11/12 and wrong lengths', () => {
    expect(validateMobile('12800138000').ok).toBe(false);
    expect(validateMobile('1380013800').ok).toBe(false);
  });
});

describe('classifyLookup', () => {
  const pattern = /^C\d{9}$/;
  it('routes each shape to its kind', () => {
    expect(classifyLookup('11010519491231002X', pattern, NOW)).toEqual({
      kind: 'id',
      value: '11010519491231002X',
    });
    expect(classifyLookup('13800138000', pattern, NOW)).toEqual({ kind: 'phone', value: '13800138000' });
    expect(classifyLookup('4111111111111111', pattern, NOW)).toEqual({
      kind: 'card',
      value: '4111111111111111',
    });
    expect(classifyLookup('c100000001', pattern, NOW)).toEqual({ kind: 'customerNo', value: 'C100000001' });
    expect(classifyLookup('王芳', pattern, NOW)).toEqual({ kind: 'name', value: '王芳' });
  });
  it('reports a mistyped ID as an ID error, not as a card', () => {
    expect(classifyLookup('110105194912310021', pattern, NOW)).toMatchObject({
      ok: false,
      code: 'id_check_digit',
    });
  });
  it('rejects garbage', () => {
    expect(classifyLookup("'; drop table customers;--", pattern, NOW)).toMatchObject({ ok: false });
  });
});
