import { describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from './config';
import { patternError, readsAsCustomerNo, swallowedNumbers } from './number-pattern';

describe('customer-number pattern checks (the settings field)', () => {
  it('a bad regular expression says why; a good one has no error', () => {
    expect(patternError('^C\\d{9')).toBeNull(); // a lone brace is a literal in JS, as on the server
    expect(patternError('^C(\\d{9}$')).toMatch(/./);
    expect(patternError('[')).toMatch(/./);
    expect(patternError(defaultCustomerConfig.customerNoPattern)).toBeNull();
  });

  it('the default pattern takes no phone, ID or card number; a loose one takes them', () => {
    expect(swallowedNumbers(defaultCustomerConfig.customerNoPattern)).toEqual([]);
    expect(swallowedNumbers('\\d{9}')).toEqual(['phone', 'id', 'card']);
    expect(swallowedNumbers('^\\d{11}$')).toEqual(['phone']);
    expect(swallowedNumbers('[')).toEqual([]);
  });

  it('a sample is read as the lookup reads it: spaces dropped, letters upper-cased', () => {
    expect(readsAsCustomerNo(defaultCustomerConfig.customerNoPattern, 'c 100 000 071')).toBe(true);
    expect(readsAsCustomerNo(defaultCustomerConfig.customerNoPattern, 'KH1234567')).toBe(false);
    expect(readsAsCustomerNo('^KH\\d{7}$', 'kh1234567')).toBe(true);
    expect(readsAsCustomerNo('(', 'C100000071')).toBeNull();
  });
});
