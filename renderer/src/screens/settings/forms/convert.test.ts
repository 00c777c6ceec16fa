import { describe, expect, it } from 'vitest';
import { noEmpty, noNull, rowsWithIssues } from './convert';

describe('form values to config values', () => {
  it('a cleared multi-select is "not set", a list with members stays', () => {
    expect(noEmpty([])).toBeUndefined();
    expect(noEmpty(['high'])).toEqual(['high']);
    expect(noEmpty(undefined)).toBeUndefined();
  });

  it('a cleared number is absent, zero is a number', () => {
    expect(noNull(null)).toBeUndefined();
    expect(noNull('')).toBeUndefined();
    expect(noNull(0)).toBe(0);
    expect(noNull(45)).toBe(45);
  });

  it('finds the list rows a refusal is in, and only that list', () => {
    const issues = [
      { path: 'suggest.products.3.maxAge' },
      { path: 'suggest.products.3.pitch.zh' },
      { path: 'suggest.products.12' },
      { path: 'suggest.productsX.1.code' },
      { path: 'suggest.campaigns.0.end' },
    ];
    expect(rowsWithIssues(issues, 'suggest.products').sort((a, b) => a - b)).toEqual([3, 12]);
    expect(rowsWithIssues(issues, 'suggest.campaigns')).toEqual([0]);
  });
});
