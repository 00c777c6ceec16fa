import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from '../customer/config';
import type { RiskLevel } from '../customer/enums';
import { CORPORATE_GRADES, CUSTOMER_KINDS, LIFECYCLES, PRODUCT_TYPES, SEGMENTS } from '../customer/enums';
import { TIER_KEYS } from '../customer/tier';
import type { Campaign } from './campaigns';
import type { Product } from './catalogue';
import { KNOWN_GOALS } from './catalogue';
import type { SuggestConfig } from './config';
import { SUGGEST_INTENTS, defaultSuggestConfig } from './config';
import type { SuggestCustomer } from './rank';
import { hasValidRiskAssessment, rankSuggestions } from './rank';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 6, 15, 2);
const TAGS = [
  'savings',
  'idle_cash',
  'education',
  'allocation',
  'protection',
  'settlement',
  'fx',
  ...KNOWN_GOALS,
];
const bands = defaultCustomerConfig.tiers;

const riskArb = fc.constantFrom<RiskLevel>(1, 2, 3, 4, 5);
/** Usually absent (3 in 4), like most optional product fields in a real catalogue. */
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: a, weight: 1 });

const productSpec = fc.record({
  type: fc.constantFrom(...PRODUCT_TYPES),
  risk: fc.option(riskArb, { nil: null }),
  marketing: fc.boolean(),
  kinds: fc.subarray([...CUSTOMER_KINDS], { minLength: 1 }),
  tiers: opt(fc.subarray([...TIER_KEYS], { minLength: 1 })),
  segments: opt(fc.subarray([...SEGMENTS], { minLength: 1 })),
  segmentsRequired: fc.boolean(),
  minAmountFen: opt(fc.integer({ min: 0, max: 2_000_000_000 })),
  ages: fc.tuple(opt(fc.integer({ min: 0, max: 100 })), opt(fc.integer({ min: 0, max: 100 }))),
  goals: fc.subarray([...KNOWN_GOALS]),
  tags: fc.subarray(TAGS),
  allowTopUp: fc.boolean(),
  active: opt(fc.boolean()),
  pitchWithGap: fc.boolean(),
});

type ProductSpec = typeof productSpec extends fc.Arbitrary<infer T> ? T : never;

function toProduct(s: ProductSpec, i: number): Product {
  const [a, b] = s.ages;
  const minAge = a !== undefined && b !== undefined ? Math.min(a, b) : a;
  const maxAge = a !== undefined && b !== undefined ? Math.max(a, b) : b;
  return {
    code: `P${i}`,
    name: { zh: `产品${i}`, en: `Product ${i}` },
    type: s.type,
    riskLevel: s.risk,
    investment: s.risk !== null,
    marketing: s.marketing,
    kinds: s.kinds,
    tiers: s.tiers,
    segments: s.segments,
    segmentsRequired: s.segments ? s.segmentsRequired : undefined,
    minAmountFen: s.minAmountFen,
    minAge,
    maxAge,
    pitch: s.pitchWithGap ? { zh: '再存{gap}升级{tierNext}', en: 'Add {gap}' } : { zh: '卖点', en: 'Pitch' },
    goals: s.goals,
    tags: s.tags,
    allowTopUp: s.allowTopUp,
    active: s.active,
  };
}

const campaignSpec = fc.record({
  shape: fc.constantFrom('months', 'window', 'always'),
  months: fc.subarray([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], { minLength: 1 }),
  startDays: fc.integer({ min: -60, max: 60 }),
  lenDays: fc.integer({ min: 1, max: 90 }),
  targetTiers: opt(fc.subarray([...TIER_KEYS], { minLength: 1 })),
  targetSegments: opt(fc.subarray([...SEGMENTS], { minLength: 1 })),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
  boost: fc.double({ min: 0.1, max: 10, noNaN: true }),
  pitch: fc.boolean(),
});

const weightArb = fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 10, noNaN: true }));

const worldArb = fc
  .record({
    products: fc.array(productSpec, { minLength: 1, maxLength: 60, size: 'medium' }),
    campaigns: fc.array(campaignSpec, { maxLength: 12 }),
    topN: fc.integer({ min: 1, max: 10 }),
    maxPerType: fc.integer({ min: 1, max: 5 }),
    weights: fc.record({
      intent: weightArb,
      campaign: weightArb,
      nextTierGap: weightArb,
      tierGoal: weightArb,
      segmentNeed: weightArb,
      segmentTarget: weightArb,
      lifecycle: weightArb,
      linkedEntity: weightArb,
      corporateGrade: weightArb,
    }),
  })
  .map(({ products: specs, campaigns: cSpecs, topN, maxPerType, weights }): SuggestConfig => {
    const products = specs.map(toProduct);
    const campaigns: Campaign[] = products.length
      ? cSpecs.map((c, i) => ({
          id: `c${i}`,
          name: { zh: `活动${i}`, en: `Campaign ${i}` },
          months: c.shape === 'months' ? c.months : undefined,
          start: c.shape === 'window' ? NOW + c.startDays * DAY : undefined,
          end: c.shape === 'window' ? NOW + (c.startDays + c.lenDays) * DAY : undefined,
          targetTiers: c.targetTiers,
          targetSegments: c.targetSegments,
          productCodes: c.picks.map((k) => (products[k % products.length] as Product).code),
          boost: c.boost,
          pitch: c.pitch ? { zh: '活动：再存{gap}，', en: 'Offer: add {gap}. ' } : undefined,
        }))
      : [];
    return { ...defaultSuggestConfig, products, campaigns, topN, maxPerType, weights };
  });

const customerArb = (codes: readonly string[]) =>
  fc.record({
    kind: fc.constantFrom(...CUSTOMER_KINDS),
    tier: fc.constantFrom(...TIER_KEYS),
    aumFen: fc.integer({ min: 0, max: 10_000_000_000 }),
    segments: fc.subarray([...SEGMENTS]),
    lifecycle: fc.constantFrom(...LIFECYCLES),
    age: fc.option(fc.integer({ min: 0, max: 110 }), { nil: null }),
    riskLevel: fc.option(riskArb, { nil: null }),
    riskAssessedAt: fc.option(
      fc.integer({ min: -10, max: 800 }).map((d) => NOW - d * DAY),
      { nil: null },
    ),
    marketingConsent: fc.boolean(),
    holdings: fc.array(
      fc.record({
        productType: fc.constantFrom(...PRODUCT_TYPES),
        productCode: codes.length ? fc.option(fc.constantFrom(...codes), { nil: null }) : fc.constant(null),
        balanceFen: fc.integer({ min: 0, max: 1_000_000_000 }),
      }),
      { maxLength: 6 },
    ),
    corporateGrade: fc.option(fc.constantFrom(...CORPORATE_GRADES), { nil: null }),
    hasLinkedEntity: fc.boolean(),
  }) satisfies fc.Arbitrary<SuggestCustomer>;

const intentsArb = fc.subarray([...SUGGEST_INTENTS, 'unknown_intent']);

const caseArb = worldArb.chain((config) =>
  fc.record({
    config: fc.constant(config),
    customer: customerArb(config.products.map((p) => p.code)),
    intents: intentsArb,
    dayOffset: fc.integer({ min: 0, max: 365 }),
  }),
);

const RUNS = { numRuns: 400 };

describe('rankSuggestions properties', () => {
  it('never breaks a hard filter, whatever the catalogue and customer', () => {
    let suggested = 0;
    let investments = 0;
    fc.assert(
      fc.property(caseArb, ({ config, customer, intents, dayOffset }) => {
        const now = NOW + dayOffset * DAY;
        const r = rankSuggestions(customer, { intents }, config, {
          now,
          timeZone: 'Asia/Shanghai',
          tierBands: bands,
        });
        const byCode = new Map(config.products.map((p) => [p.code, p]));
        const valid = hasValidRiskAssessment(customer, now, config.riskAssessmentValidDays);
        const heldCodes = new Set(customer.holdings.map((h) => h.productCode));
        const heldTypes = new Set(customer.holdings.map((h) => h.productType));
        const quiet = intents.some((i) => config.quietIntents.includes(i));

        expect(r.items.length).toBeLessThanOrEqual(config.topN);
        suggested += r.items.length;
        for (const item of r.items) {
          const p = byCode.get(item.productCode) as Product;
          expect(p).toBeDefined();
          if (p.investment) investments += 1;
          // suitability
          if (p.riskLevel !== null) {
            expect(p.riskLevel).toBeLessThanOrEqual(valid ? (customer.riskLevel as number) : 1);
          }
          // consent and quiet visits
          if (!customer.marketingConsent || quiet) expect(p.marketing).toBe(false);
          // eligibility
          expect(p.active).not.toBe(false);
          expect(p.kinds).toContain(customer.kind);
          if (p.minAge !== undefined || p.maxAge !== undefined) {
            expect(customer.age).not.toBeNull();
            if (p.minAge !== undefined) expect(customer.age as number).toBeGreaterThanOrEqual(p.minAge);
            if (p.maxAge !== undefined) expect(customer.age as number).toBeLessThanOrEqual(p.maxAge);
          }
          if (p.tiers) expect(p.tiers).toContain(customer.tier);
          if (p.segmentsRequired) expect(p.segments?.some((s) => customer.segments.includes(s))).toBe(true);
          if (!p.allowTopUp) {
            expect(heldCodes.has(p.code)).toBe(false);
            if (config.singleHoldingTypes.includes(p.type)) expect(heldTypes.has(p.type)).toBe(false);
          }
          // every suggestion has a reason and a line to say
          expect(item.score).toBeGreaterThan(0);
          expect(item.rules.length).toBeGreaterThan(0);
          expect(item.say.zh.length).toBeGreaterThan(0);
          expect(item.say.en.length).toBeGreaterThan(0);
          expect(item.say.zh + item.say.en).not.toMatch(/\{\w+\}/);
        }
        if (!customer.marketingConsent) expect(r.hints.map((h) => h.code)).toContain('no_marketing_consent');
      }),
      RUNS,
    );
    // the property is not vacuous: plenty of products, investments among them, got through
    expect(suggested).toBeGreaterThan(RUNS.numRuns / 2);
    expect(investments).toBeGreaterThan(50);
  });

  it('sorts by score descending, then code; respects maxPerType; is deterministic', () => {
    fc.assert(
      fc.property(caseArb, ({ config, customer, intents }) => {
        const ctx = { now: NOW, timeZone: 'Asia/Shanghai', tierBands: bands };
        const r = rankSuggestions(customer, { intents }, config, ctx);
        for (let i = 1; i < r.items.length; i++) {
          const a = r.items[i - 1]!;
          const b = r.items[i]!;
          expect(a.score >= b.score).toBe(true);
          if (a.score === b.score) expect(a.productCode < b.productCode).toBe(true);
        }
        const perType = new Map<string, number>();
        for (const i of r.items) perType.set(i.type, (perType.get(i.type) ?? 0) + 1);
        for (const n of perType.values()) expect(n).toBeLessThanOrEqual(config.maxPerType);
        expect(rankSuggestions(customer, { intents }, config, ctx)).toEqual(r);
      }),
      RUNS,
    );
  });

  it('counts every catalogue product at most once among the exclusions', () => {
    fc.assert(
      fc.property(caseArb, ({ config, customer, intents }) => {
        const r = rankSuggestions(customer, { intents }, config, {
          now: NOW,
          timeZone: 'UTC',
          tierBands: bands,
        });
        const excluded = Object.values(r.excluded).reduce((s, n) => s + (n ?? 0), 0);
        expect(excluded + r.items.length).toBeLessThanOrEqual(config.products.length);
      }),
      RUNS,
    );
  });
});
