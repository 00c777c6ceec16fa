import { describe, expect, it } from 'vitest';
import { ageFromMonth, ageOn, birthDateFromMonth } from './age';

const TZ = 'Asia/Shanghai';

describe('age from a birth year and month', () => {
  it('counts from the last day of the month (leap years included)', () => {
    expect(birthDateFromMonth('1973-05')).toBe('1973-05-31');
    expect(birthDateFromMonth('1960-02')).toBe('1960-02-29');
    expect(birthDateFromMonth('1961-02')).toBe('1961-02-28');
    expect(birthDateFromMonth('1961-12')).toBe('1961-12-31');
  });

  it('is never above the real age and at most a month late', () => {
    const real = '1966-06-01';
    // Turned 60 on 1 June 2026 (Shanghai); the month-only age follows on 30 June.
    expect(ageOn(real, Date.parse('2026-06-10T04:00:00Z'), TZ)).toBe(60);
    expect(ageFromMonth('1966-06', Date.parse('2026-06-10T04:00:00Z'), TZ)).toBe(59);
    expect(ageFromMonth('1966-06', Date.parse('2026-06-30T04:00:00Z'), TZ)).toBe(60);
    expect(ageFromMonth('1966-06', Date.parse('2026-05-31T04:00:00Z'), TZ)).toBe(59);
  });
});
