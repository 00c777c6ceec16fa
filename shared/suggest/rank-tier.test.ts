import { describe, expect, it } from 'vitest';
import { defaultSuggestConfig } from './config';
import { nextTierGap } from './rank';
import { bands, cfg, hint, item, prod, rank } from './rank.fixtures';

describe('ranking rules', () => {
  it('tier_goal: a 潜力 customer is steered to mobile banking first', () => {
    const r = rank({ tier: 'potential', aumFen: 300_000 });
    expect(r.items[0]?.productCode).toBe('EB_MOBILE');
    expect(r.items[0]?.rules).toContain('tier_goal');
    const config = cfg([prod('EC', { type: 'e_banking', goals: ['activate_e_channel'] })]);
    expect(rank({ tier: 'potential', aumFen: 0 }, [], config).items[0]?.breakdown).toEqual([
      // e-channels weigh 1.2 in the 潜力 goal
      { rule: 'tier_goal', points: defaultSuggestConfig.weights.tierGoal * 1.2 },
    ]);
    expect(rank({ tier: 'mid' }, [], config).items).toEqual([]);
  });

  it('next_tier_gap: says how much more reaches the next tier, in round yuan', () => {
    const r = rank({ tier: 'effective', aumFen: 4_680_000 });
    expect(r.nextTier).toEqual({ tier: 'mid', name: { zh: '中端客户', en: 'Mid-tier' }, gapFen: 320_000 });
    expect(hint(r, 'next_tier_gap')).toMatchObject({
      zh: '距中端客户还差 ¥3,200',
      en: '¥3,200 short of Mid-tier',
    });
    const td = item(r, 'TD_STANDARD');
    expect(td?.rules).toContain('next_tier_gap');
    expect(td?.say.zh).toContain('您再存 ¥3,200 就升级为中端客户');
    // the gap only counts for products that add to AUM
    expect(
      r.items.filter((i) => i.rules.includes('next_tier_gap')).every((i) => i.type !== 'e_banking'),
    ).toBe(true);
  });

  it('next_tier_gap: uses its own line when no campaign speaks first', () => {
    const config = cfg([prod('TD')]);
    const r = rank({ tier: 'effective', aumFen: 4_680_000 }, [], config);
    expect(r.items[0]?.rules).toEqual(['next_tier_gap']);
    expect(r.items[0]?.say).toEqual({
      zh: '您再存 ¥3,200 就升级为中端客户，TD的卖点。',
      en: 'Just ¥3,200 more and you become a Mid-tier customer. TD pitch.',
    });
    // ¥3,199.01 still needs ¥3,200 in round figures
    expect(rank({ tier: 'effective', aumFen: 4_680_099 }, [], config).items[0]?.say.zh).toContain('¥3,200');
  });

  it('next_tier_gap: only within the configured share of the next band, only for kinds the bands apply to', () => {
    const config = cfg([prod('TD')]);
    // gap 35,000 > 30% of 50,000: no nudge, but the hint still tells the teller
    const far = rank({ tier: 'effective', aumFen: 1_500_000 }, [], config);
    expect(far.items).toEqual([]);
    expect(far.nextTier?.gapFen).toBe(3_500_000);
    const wide = { ...config, nextTierGap: { ...config.nextTierGap, maxShareOfNextTier: 1 } };
    expect(rank({ tier: 'effective', aumFen: 1_500_000 }, [], wide).items[0]?.rules).toEqual([
      'next_tier_gap',
    ]);
    const corp = rank(
      { kind: 'corporate', tier: 'effective', aumFen: 4_680_000 },
      [],
      cfg([prod('TD', { kinds: ['corporate'] })]),
    );
    expect(corp.items).toEqual([]);
    expect(corp.nextTier).toBeNull();
    expect(hint(corp, 'next_tier_gap')).toBeUndefined();
  });

  it('next_tier_gap: none at the top tier or when the stored tier is stale', () => {
    expect(rank({ tier: 'private', aumFen: 800_000_000 }).nextTier).toBeNull();
    expect(rank({ tier: 'effective', aumFen: 6_000_000 }).nextTier).toBeNull();
  });
});

describe('nextTierGap', () => {
  it('gives the band above and the gap; null at the top, for unknown tiers and when stale', () => {
    expect(nextTierGap('effective', 4_680_000, bands)).toMatchObject({
      band: { key: 'mid' },
      gapFen: 320_000,
    });
    expect(nextTierGap('potential', -5, bands)?.gapFen).toBe(1_000_000);
    expect(nextTierGap('private', 0, bands)).toBeNull();
    expect(nextTierGap('mid', 60_000_000, bands)).toBeNull();
    expect(nextTierGap('high', 0, bands.slice(0, 3))).toBeNull();
  });
});
