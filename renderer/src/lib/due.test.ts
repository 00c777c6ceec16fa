import { describe, expect, it } from 'vitest';
import { branchDate, dueState, onBranchDay } from './due';

// 2026-03-10 10:00 in Shanghai (UTC+8).
const NOW = Date.UTC(2026, 2, 10, 2, 0);
const HOUR = 3_600_000;

describe('dueState', () => {
  it('counts by the branch’s calendar day, not by 24-hour spans', () => {
    expect(dueState(NOW - 2 * HOUR, NOW)).toEqual({ kind: 'today' });
    expect(dueState(NOW + 13 * HOUR, NOW)).toEqual({ kind: 'today' }); // 23:00 the same day
    expect(dueState(NOW + 14 * HOUR, NOW)).toEqual({ kind: 'upcoming', days: 1 }); // 00:00 the next day
    expect(dueState(NOW - 11 * HOUR, NOW)).toEqual({ kind: 'overdue', days: 1 }); // 23:00 yesterday
  });
  it('counts whole days overdue and ahead', () => {
    expect(dueState(NOW - 3 * 24 * HOUR, NOW)).toEqual({ kind: 'overdue', days: 3 });
    expect(dueState(NOW + 7 * 24 * HOUR, NOW)).toEqual({ kind: 'upcoming', days: 7 });
  });
});

describe('branch dates', () => {
  it('formats the branch day for a date field', () => {
    expect(branchDate(NOW)).toBe('2026-03-10');
    expect(branchDate(NOW + 14 * HOUR)).toBe('2026-03-11');
  });
  it('moves a time to another branch day, keeping the hour', () => {
    expect(onBranchDay(NOW, '2026-03-17')).toBe(NOW + 7 * 24 * HOUR);
    expect(onBranchDay(NOW, '2026-03-10')).toBe(NOW);
    expect(branchDate(onBranchDay(NOW, '2026-04-01'))).toBe('2026-04-01');
  });
});
