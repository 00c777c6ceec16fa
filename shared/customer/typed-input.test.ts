import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyLookup, validateBankCard, validateMobile, validateResidentId } from './ids';
import { compactNumber, halfWidthKey, toHalfWidth } from './typed-input';

const NOW = Date.UTC(2026, 0, 1);
const pattern = /^C\d{9}$/;
/** What an IME in full-width mode types for an ASCII string. */
const fullWidth = (s: string) =>
  [...s].map((c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('');

describe('toHalfWidth', () => {
  it('turns full-width digits, letters, signs and the ideographic space into ASCII', () => {
    expect(toHalfWidth('３３０１０６')).toBe('330106');
    expect(toHalfWidth('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(toHalfWidth('＋８６\u3000１３８－０')).toBe('+86 138-0');
  });

  it('leaves Chinese characters and half-width text alone', () => {
    expect(toHalfWidth('王芳 abc 123')).toBe('王芳 abc 123');
  });

  it('is the inverse of full-width typing for every printable ASCII string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x21-\x7e ]{0,30}$/), (s) => {
        expect(toHalfWidth(fullWidth(s))).toBe(s);
      }),
    );
  });

  it('maps a full-width key to the key it stands for', () => {
    expect(halfWidthKey('１')).toBe('1');
    expect(halfWidthKey('－')).toBe('-');
    expect(halfWidthKey('Enter')).toBe('Enter');
  });

  it('compacts a number typed with full-width separators', () => {
    expect(compactNumber(' ６２２２\u3000０２１２－３４ ')).toBe('6222021234');
  });
});

describe('full-width input in the validators', () => {
  it('accepts a full-width ID, with the full-width X as its check character', () => {
    expect(validateResidentId('１１０１０５１９４９１２３１００２Ｘ', NOW)).toMatchObject({
      ok: true,
      value: '11010519491231002X',
    });
    expect(validateResidentId('１１０１０５１９４９１２３１００２ｘ', NOW)).toMatchObject({ ok: true });
  });

  it('accepts a full-width card and phone', () => {
    expect(validateBankCard('４１１１\u3000１１１１\u3000１１１１\u3000１１１１')).toEqual({
      ok: true,
      value: '4111111111111111',
    });
    expect(validateMobile('＋８６１３８００１３８０００')).toEqual({ ok: true, value: '13800138000' });
  });

  it('classifies full-width lookups as the half-width ones', () => {
    for (const q of ['11010519491231002X', '13800138000', '4111111111111111', 'C100000001']) {
      expect(classifyLookup(fullWidth(q), pattern, NOW)).toEqual(classifyLookup(q, pattern, NOW));
    }
  });
});

describe('a phone-like number is a phone mistake, not a card mistake', () => {
  it.each(['1380013800', '138001380', '138001380001', '+861380013800', '１３８００１３８００'])(
    '%s gets the phone message',
    (q) => {
      expect(classifyLookup(q, pattern, NOW)).toMatchObject({ ok: false, code: 'phone_format' });
    },
  );

  it('a short number not starting with 1 is still a card mistake', () => {
    expect(classifyLookup('6222021234', pattern, NOW)).toMatchObject({ ok: false, code: 'card_format' });
  });
});
