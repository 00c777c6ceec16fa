import { describe, expect, it } from 'vitest';
import { formatFen, formatFenCeilYuan, parseAmount } from './money';

describe('parseAmount', () => {
  it.each([
    ['12,000.50', 1_200_050],
    ['1.2万', (1_200_000 * 100) / 100],
    ['¥3,200', 320_000],
    ['0.01', 1],
    ['.5', 50],
    ['600万', 600_000_000],
    ['1亿', 10_000_000_000],
    ['12000元', 1_200_000],
    ['1.23456万', 1_234_560],
    ['5w', 5_000_000],
  ])('%s → %d fen', (input, fen) => {
    expect(parseAmount(input)).toEqual({ ok: true, fen });
  });
  it('rejects sub-fen precision, junk, empty and negatives', () => {
    expect(parseAmount('1.001')).toMatchObject({ ok: false, code: 'amount_precision' });
    expect(parseAmount('12a')).toMatchObject({ ok: false, code: 'amount_format' });
    expect(parseAmount('  ')).toMatchObject({ ok: false, code: 'amount_empty' });
    expect(parseAmount('-5')).toMatchObject({ ok: false, code: 'amount_negative' });
    expect(parseAmount('-5', { allowNegative: true })).toEqual({ ok: true, fen: -500 });
    expect(parseAmount('99999999999999999999')).toMatchObject({ ok: false, code: 'amount_range' });
  });
  it('accepts thousands separators only between groups of three digits', () => {
    expect(parseAmount('1,234,567.89')).toEqual({ ok: true, fen: 123_456_789 });
    expect(parseAmount('1，234.5万')).toEqual({ ok: true, fen: 1_234_500_000 });
    expect(parseAmount('RMB 12,000')).toEqual({ ok: true, fen: 1_200_000 });
    for (const bad of ['1,2,3', '12,34', '1234,567', ',123', '123,', '1,234.5,6', '1.234,56']) {
      const r = parseAmount(bad);
      expect(r, bad).toMatchObject({ ok: false, code: 'amount_separator' });
      if (!r.ok) {
        expect(r.zh).toContain('千分位');
        expect(r.en).toContain('thousands separator');
      }
    }
  });
});

describe('formatFen', () => {
  it('formats exactly with grouping', () => {
    expect(formatFen(123_456)).toBe('¥1,234.56');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-100_000)).toBe('-¥1,000.00');
    expect(formatFen(600_000_000, { decimals: false })).toBe('¥6,000,000');
  });
  it('rounds a gap up to whole yuan', () => {
    expect(formatFenCeilYuan(319_901)).toBe('¥3,200');
    expect(formatFenCeilYuan(320_000)).toBe('¥3,200');
  });
  it('refuses non-integers', () => {
    expect(() => formatFen(1.5)).toThrow();
  });
});
