import { describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from './config';
import { classifyTier, tierBandsSchema } from './tier';

const bands = defaultCustomerConfig.tiers;

describe('classifyTier', () => {
  it.each([
    [0, 'potential'],
    [999_999, 'potential'],
    [1_000_000, 'effective'],
    [4_999_999, 'effective'],
    [5_000_000, 'mid'],
    [50_000_000, 'high'],
    [599_999_999, 'high'],
    [600_000_000, 'private'],
  ])('%d fen is %s (lower bound inclusive)', (aum, tier) => {
    expect(classifyTier(aum, bands).tier).toBe(tier);
  });
  it('gives the distance to the next tier', () => {
    const r = classifyTier(4_680_000, bands);
    expect(r.next).toMatchObject({ tier: 'mid', gapFen: 320_000 });
    expect(classifyTier(700_000_000, bands).next).toBeNull();
  });
  it('follows configured bands (民生: 有效 from 2万)', () => {
    const minsheng = bands.map((b) => (b.key === 'effective' ? { ...b, minFen: 2_000_000 } : b));
    expect(classifyTier(1_500_000, minsheng).tier).toBe('potential');
    expect(classifyTier(1_500_000, minsheng).next?.gapFen).toBe(500_000);
  });
  it('schema refuses bands that do not increase or do not start at 0', () => {
    expect(tierBandsSchema.safeParse(bands).success).toBe(true);
    expect(tierBandsSchema.safeParse([{ ...bands[1] }, bands[0]]).success).toBe(false);
    expect(tierBandsSchema.safeParse(bands.map((b) => ({ ...b, minFen: b.minFen + 1 }))).success).toBe(false);
  });
});
