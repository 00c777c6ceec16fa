import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEGMENTS } from '../customer/enums';
import { TIER_KEYS } from '../customer/tier';
import { OUTCOMES } from '../visit/config';
import type { OutcomeFact } from './conversion';
import {
  bayesRate,
  buildConversion,
  conversionPoints,
  pooled,
  sameConversion,
  sayableLift,
  segmentSlots,
} from './conversion';
import { defaultLearnConfig } from './learn-config';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 4);
const cfg = defaultLearnConfig.conversion; // m = 0.2, k = 10, weight 2

describe('Bayesian average (Beta prior)', () => {
  it.each([
    // accepted, shown, p = (a + m·k) / (n + k)
    [0, 0, 0.2],
    [1, 1, 3 / 11],
    [0, 10, 2 / 20],
    [10, 10, 12 / 20],
    [50, 100, 52 / 110],
    [0, 1000, 2 / 1010],
  ])('%i of %i accepted → %f', (a, n, p) => {
    expect(bayesRate(a, n, cfg)).toBeCloseTo(p, 12);
  });

  it('a new product sits at the prior: no points, nothing said', () => {
    expect(conversionPoints(bayesRate(0, 0, cfg), cfg)).toBe(0);
    expect(sayableLift(bayesRate(0, 0, cfg), 0, cfg)).toBeNull();
  });

  it('points = weight × (p − m) × 10, positive above the prior and negative below', () => {
    expect(conversionPoints(0.5, cfg)).toBeCloseTo(6, 12);
    expect(conversionPoints(0.1, cfg)).toBeCloseTo(-2, 12);
  });

  it('said aloud only with enough outcomes and a clear difference', () => {
    expect(sayableLift(0.6, 4, cfg)).toBeNull();
    expect(sayableLift(0.6, 5, cfg)).toBe('higher');
    expect(sayableLift(0.05, 50, cfg)).toBe('lower');
    expect(sayableLift(0.25, 50, cfg)).toBeNull();
  });

  it('stays within [0, 1] and moves toward the observed rate as outcomes grow (property)', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), (a0, extra) => {
        const n = a0 + extra;
        const p = bayesRate(a0, n, cfg);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        if (n > 0) {
          const obs = a0 / n;
          const p2 = bayesRate(a0 * 2, n * 2, cfg);
          expect(Math.abs(p2 - obs)).toBeLessThanOrEqual(Math.abs(p - obs) + 1e-12);
        }
      }),
    );
  });
});

const factArb = fc.record({
  id: fc.uuid(),
  productCode: fc.constantFrom('A', 'B', 'C'),
  outcome: fc.constantFrom(...OUTCOMES),
  segments: fc.subarray([...SEGMENTS]),
  tier: fc.constantFrom(...TIER_KEYS),
  at: fc.integer({ min: NOW - 400 * DAY, max: NOW }),
});

describe('the table per product × segment × tier', () => {
  it('counts per cell; no segment has its own cell; the window and duplicates are respected', () => {
    const f = (over: Partial<OutcomeFact>): OutcomeFact => ({
      id: String(Math.random()),
      productCode: 'A',
      outcome: 'declined',
      segments: ['elderly'],
      tier: 'mid',
      at: NOW - DAY,
      ...over,
    });
    const dup = f({ id: 'same', outcome: 'accepted' });
    const t = buildConversion(
      [dup, dup, f({}), f({ segments: [] }), f({ at: NOW - 366 * DAY, outcome: 'accepted' })],
      NOW,
      cfg,
    );
    expect(pooled(t.get('A'), segmentSlots(['elderly']), 'mid')).toEqual({ shown: 2, accepted: 1 });
    expect(pooled(t.get('A'), segmentSlots([]), 'mid')).toEqual({ shown: 1, accepted: 0 });
    expect(pooled(t.get('A'), segmentSlots(['elderly']), 'high')).toEqual({ shown: 0, accepted: 0 });
    expect(pooled(t.get('B'), segmentSlots([]), 'mid')).toEqual({ shown: 0, accepted: 0 });
  });

  it('converges: any order of arrival, any split between terminals, redelivered rows → the same table', () => {
    fc.assert(
      fc.property(
        fc.array(factArb, { maxLength: 60 }),
        fc.array(fc.nat()),
        fc.integer({ min: 0, max: 60 }),
        (facts, seed, cut) => {
          const whole = buildConversion(facts, NOW, cfg);
          // A terminal's rows plus the hub's rows, merged after sync (with some rows seen twice), in another order.
          const mine = facts.slice(0, cut);
          const theirs = facts.slice(Math.max(0, cut - 5));
          const merged = [...theirs, ...mine].sort(
            (x, y) =>
              (seed[x.id.charCodeAt(0) % (seed.length || 1)] ?? 0) -
              (seed[y.id.charCodeAt(0) % (seed.length || 1)] ?? 0),
          );
          expect(sameConversion(buildConversion(merged, NOW, cfg), whole)).toBe(true);
        },
      ),
    );
  });
});
