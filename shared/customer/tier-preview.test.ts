import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from './config';
import { classifyTier, type TierBand } from './tier';
import { biggestMoves, moveDistance, tierIntervals, tierMatrix, type TierMover } from './tier-preview';

const bands = defaultCustomerConfig.tiers;
const withMin = (key: string, minFen: number): TierBand[] =>
  bands.map((b) => (b.key === key ? { ...b, minFen } : b));

/** The matrix the slow way: every customer classified twice. */
function bruteMatrix(aums: number[], before: readonly TierBand[], after: readonly TierBand[]) {
  const m = new Map<string, number>();
  for (const a of aums) {
    const k = `${classifyTier(a, before).tier}>${classifyTier(a, after).tier}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

function viaIntervals(aums: number[], before: readonly TierBand[], after: readonly TierBand[]) {
  const ivs = tierIntervals(before, after);
  const counts = ivs.map(
    (iv) => aums.filter((a) => (iv.from === null || a >= iv.from) && (iv.to === null || a < iv.to)).length,
  );
  return new Map(tierMatrix(ivs, counts).map((c) => [`${c.before}>${c.after}`, c.customers]));
}

describe('tier-band change preview', () => {
  it('lowering 中端 from ¥50,000 to ¥40,000 moves exactly the ¥40,000–¥49,999.99 有效 customers', () => {
    const after = withMin('mid', 4_000_000);
    const ivs = tierIntervals(bands, after).filter((iv) => iv.before !== iv.after);
    expect(ivs).toEqual([{ from: 4_000_000, to: 5_000_000, before: 'effective', after: 'mid' }]);
    const aums = [0, 3_999_999, 4_000_000, 4_999_999, 5_000_000, 60_000_000];
    expect(viaIntervals(aums, bands, after).get('effective>mid')).toBe(2);
  });

  it('agrees with classifying every customer twice, for any bands and balances', () => {
    const bandsArb = fc
      .uniqueArray(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 4, maxLength: 4 })
      .map((mins) => {
        const sorted = [0, ...mins.sort((a, b) => a - b)];
        return bands.map((b, i) => ({ ...b, minFen: sorted[i] as number }));
      });
    fc.assert(
      fc.property(
        bandsArb,
        bandsArb,
        fc.array(fc.integer({ min: -100, max: 12_000_000 }), { maxLength: 60 }),
        (b, a, aums) => {
          expect(viaIntervals(aums, b, a)).toEqual(bruteMatrix(aums, b, a));
        },
      ),
    );
  });

  it('a dropped tier sends its customers to the band below', () => {
    const after = bands.filter((b) => b.key !== 'high');
    const ivs = tierIntervals(bands, after).filter((iv) => iv.before !== iv.after);
    expect(ivs).toEqual([{ from: 50_000_000, to: 600_000_000, before: 'high', after: 'mid' }]);
  });

  it('orders the biggest moves by tier steps, then by AUM', () => {
    const m = (
      customerNo: string,
      aumFen: number,
      before: TierMover['before'],
      after: TierMover['after'],
    ) => ({
      id: customerNo,
      customerNo,
      name: customerNo,
      aumFen,
      before,
      after,
    });
    const movers = [
      m('C1', 9_000_000, 'effective', 'mid'),
      m('C2', 1_000_000, 'potential', 'mid'),
      m('C3', 9_500_000, 'effective', 'mid'),
    ];
    expect(biggestMoves(movers, 2).map((x) => x.customerNo)).toEqual(['C2', 'C3']);
    expect(moveDistance('private', 'potential')).toBe(4);
  });
});
