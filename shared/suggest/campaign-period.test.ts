import { describe, expect, it } from 'vitest';
import { branchDateText, campaignDays, campaignPeriod } from './campaign-period';

const TZ = 'Asia/Shanghai';

describe('campaign dates as days of the branch', () => {
  it('a picked first and last day become [midnight of the first, midnight after the last) in the branch zone', () => {
    const p = campaignPeriod({ from: '2026-12-07', to: '2026-12-13' }, TZ);
    expect(p.start).toBe(Date.UTC(2026, 11, 6, 16));
    expect(p.end).toBe(Date.UTC(2026, 11, 13, 16));
    expect(campaignDays(p, TZ)).toEqual({ from: '2026-12-07', to: '2026-12-13' });
  });

  it('open sides stay open, and a one-day campaign round-trips', () => {
    expect(campaignPeriod({ from: null, to: null }, TZ)).toEqual({});
    expect(campaignDays({}, TZ)).toEqual({ from: null, to: null });
    const one = campaignPeriod({ from: '2027-01-01', to: '2027-01-01' }, TZ);
    expect((one.end ?? 0) - (one.start ?? 0)).toBe(24 * 3600_000);
    expect(campaignDays(one, TZ)).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });

  it('an end stored at a time of day still shows the day it falls on', () => {
    expect(campaignDays({ end: Date.UTC(2026, 11, 10, 2) }, TZ).to).toBe('2026-12-10');
  });

  it('reads an instant as a day, with the time only when it is not midnight', () => {
    expect(branchDateText(Date.UTC(2026, 11, 6, 16), TZ)).toBe('2026-12-07');
    expect(branchDateText(Date.UTC(2026, 11, 7, 1, 30), TZ)).toBe('2026-12-07 09:30');
    expect(branchDateText(Date.UTC(2026, 11, 7, 0), 'UTC')).toBe('2026-12-07');
  });
});
