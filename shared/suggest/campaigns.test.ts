import { describe, expect, it } from 'vitest';
import type { Campaign } from './campaigns';
import {
  campaignInForce,
  campaignSchema,
  campaignTargets,
  campaignsSchema,
  defaultCampaigns,
  monthInZone,
} from './campaigns';

const base: Campaign = {
  id: 'c1',
  name: { zh: '活动', en: 'Campaign' },
  productCodes: ['X'],
  boost: 2,
};

describe('monthInZone', () => {
  it('reads the month in the branch time zone, not UTC', () => {
    const t = Date.UTC(2026, 2, 31, 16, 30); // 2026-04-01 00:30 in Shanghai
    expect(monthInZone(t, 'Asia/Shanghai')).toBe(4);
    expect(monthInZone(t, 'UTC')).toBe(3);
    expect(monthInZone(Date.UTC(2026, 11, 31, 23), 'Asia/Shanghai')).toBe(1);
  });
  it('throws on an unknown zone (a config error)', () => {
    expect(() => monthInZone(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('campaignInForce', () => {
  it('treats [start, end) as half-open', () => {
    const c = { ...base, start: 1000, end: 2000 };
    expect(campaignInForce(c, 999, 1)).toBe(false);
    expect(campaignInForce(c, 1000, 1)).toBe(true);
    expect(campaignInForce(c, 1999, 1)).toBe(true);
    expect(campaignInForce(c, 2000, 1)).toBe(false);
  });
  it('allows open bounds and standing campaigns', () => {
    expect(campaignInForce({ ...base, start: 1000 }, 10 ** 13, 1)).toBe(true);
    expect(campaignInForce({ ...base, end: 1000 }, 0, 1)).toBe(true);
    expect(campaignInForce(base, 0, 7)).toBe(true);
  });
  it('recurs by month, combined with any dates', () => {
    const c = { ...base, months: [2, 3, 4] };
    expect([1, 2, 3, 4, 5].map((m) => campaignInForce(c, 0, m))).toEqual([false, true, true, true, false]);
    expect(campaignInForce({ ...c, end: 10 }, 20, 3)).toBe(false);
  });
});

describe('campaignTargets', () => {
  const who = { kind: 'individual', tier: 'effective', segments: ['rural'], lifecycle: 'active' } as const;
  it('matches when every set target list contains the customer', () => {
    expect(campaignTargets(base, who)).toBe(true);
    expect(campaignTargets({ ...base, targetTiers: ['effective', 'mid'] }, who)).toBe(true);
    expect(campaignTargets({ ...base, targetTiers: ['mid'] }, who)).toBe(false);
    expect(campaignTargets({ ...base, targetSegments: ['elderly', 'rural'] }, who)).toBe(true);
    expect(campaignTargets({ ...base, targetSegments: ['elderly'] }, who)).toBe(false);
    expect(campaignTargets({ ...base, targetKinds: ['corporate'] }, who)).toBe(false);
    expect(campaignTargets({ ...base, targetLifecycles: ['dormant'] }, who)).toBe(false);
    expect(campaignTargets({ ...base, targetTiers: ['effective'], targetSegments: ['elderly'] }, who)).toBe(
      false,
    );
  });
});

describe('campaign schema and defaults', () => {
  it('accepts the defaults', () => {
    expect(campaignsSchema.safeParse(defaultCampaigns).success).toBe(true);
  });
  it('covers the four quarterly focuses, spring microcredit Feb–Apr for rural, and 5万达标 for 有效客户', () => {
    const months = defaultCampaigns
      .filter((c) => c.id.startsWith('q'))
      .flatMap((c) => c.months ?? [])
      .sort((a, b) => a - b);
    expect(months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(defaultCampaigns.find((c) => c.id === 'spring_planting')).toMatchObject({
      months: [2, 3, 4],
      targetSegments: ['rural'],
      productCodes: ['LOAN_SPRING'],
    });
    const reach = defaultCampaigns.find((c) => c.id === 'reach_50k');
    expect(reach?.targetTiers).toEqual(['effective']);
    expect(reach?.start).toBeUndefined();
    expect(reach?.pitch?.zh).toContain('{gap}');
  });
  it('refuses end before start, bad months, unknown placeholders and duplicate ids', () => {
    expect(campaignSchema.safeParse({ ...base, start: 2000, end: 1000 }).success).toBe(false);
    expect(campaignSchema.safeParse({ ...base, start: 1000, end: 1000 }).success).toBe(false);
    expect(campaignSchema.safeParse({ ...base, months: [13] }).success).toBe(false);
    expect(campaignSchema.safeParse({ ...base, boost: 0 }).success).toBe(false);
    expect(campaignSchema.safeParse({ ...base, pitch: { zh: '{x}', en: 'y' } }).success).toBe(false);
    expect(campaignsSchema.safeParse([base, base]).success).toBe(false);
  });
});
