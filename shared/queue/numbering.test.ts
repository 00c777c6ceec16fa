import { describe, expect, it } from 'vitest';
import { branchDay, formatTicketNo, parseTicketNo } from './numbering';

describe('branchDay', () => {
  it('is the calendar day in the branch timezone (default Asia/Shanghai)', () => {
    // 2025-06-15 16:30 UTC = 2025-06-16 00:30 in Shanghai.
    const t = Date.UTC(2025, 5, 15, 16, 30);
    expect(branchDay(t)).toBe('2025-06-16');
    expect(branchDay(t, 'Asia/Shanghai')).toBe('2025-06-16');
    expect(branchDay(t, 'UTC')).toBe('2025-06-15');
    expect(branchDay(t, 'America/Los_Angeles')).toBe('2025-06-15');
  });
  it('resets at local midnight', () => {
    const midnight = Date.UTC(2025, 0, 1, 16, 0); // 2025-01-02 00:00 Shanghai
    expect(branchDay(midnight - 1)).toBe('2025-01-01');
    expect(branchDay(midnight)).toBe('2025-01-02');
  });
  it('refuses an unknown timezone', () => {
    expect(() => branchDay(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatTicketNo / parseTicketNo', () => {
  it('pads to three digits and grows past 999', () => {
    expect(formatTicketNo('A', 12)).toBe('A012');
    expect(formatTicketNo('V', 1)).toBe('V001');
    expect(formatTicketNo('B', 999)).toBe('B999');
    expect(formatTicketNo('A', 1000)).toBe('A1000');
  });
  it('refuses 0, negatives and fractions', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => formatTicketNo('A', n)).toThrow(RangeError);
  });
  it('parses back', () => {
    expect(parseTicketNo('A012')).toEqual({ prefix: 'A', n: 12 });
    expect(parseTicketNo('A1000')).toEqual({ prefix: 'A', n: 1000 });
    expect(parseTicketNo('A12')).toBeNull();
    expect(parseTicketNo('a012')).toBeNull();
    expect(parseTicketNo('A000')).toBeNull();
  });
});

describe('branchDay across midnight, asked in quick succession', () => {
  it('turns the day at the branch midnight even when the previous answer was remembered', () => {
    const lastMs = Date.UTC(2026, 10, 29, 15, 59, 59, 999); // 23:59:59.999 in Shanghai
    expect(branchDay(lastMs - 30_000, 'Asia/Shanghai')).toBe('2026-11-29');
    expect(branchDay(lastMs, 'Asia/Shanghai')).toBe('2026-11-29');
    expect(branchDay(lastMs + 1, 'Asia/Shanghai')).toBe('2026-11-30');
    expect(branchDay(lastMs + 1, 'Europe/London')).toBe('2026-11-29');
    expect(branchDay(lastMs, 'Asia/Shanghai')).toBe('2026-11-29');
  });
});
