import { describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from '../customer/config';
import { classifyTier } from '../customer/tier';
import type { SuggestConfig } from './config';
import { defaultSuggestConfig } from './config';
import { defaultLearnConfig } from './learn-config';
import {
  affectedProducts,
  candidateFilter,
  estimate,
  pickSample,
  ProductPreviewTally,
  type PreviewSide,
} from './product-preview';
import { rankSuggestions } from './rank';
import type { SuggestCustomer } from './types';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 6, 15, 2);
const bands = defaultCustomerConfig.tiers;

function customer(over: Partial<SuggestCustomer> = {}): SuggestCustomer {
  const aumFen = over.aumFen ?? 20_000_000;
  return {
    kind: 'individual',
    tier: classifyTier(aumFen, bands).tier,
    aumFen,
    segments: [],
    lifecycle: 'active',
    age: 40,
    riskLevel: 3,
    riskAssessedAt: NOW - 30 * DAY,
    marketingConsent: true,
    holdings: [],
    corporateGrade: null,
    hasLinkedEntity: false,
    ...over,
  };
}

const side = (c: SuggestCustomer, config: SuggestConfig): PreviewSide => ({
  customer: c,
  config,
  ctx: { now: NOW, timeZone: 'Asia/Shanghai', tierBands: bands },
});

function withProduct(code: string, change: (p: SuggestConfig['products'][number]) => void): SuggestConfig {
  const next = structuredClone(defaultSuggestConfig);
  const p = next.products.find((x) => x.code === code);
  if (!p) throw new Error(code);
  change(p);
  return next;
}

describe('affectedProducts', () => {
  it('names edited, added and removed products, then the products of changed campaigns', () => {
    const next = withProduct('TD_SILVER', (p) => {
      p.minAge = 50;
    });
    next.products = next.products.filter((p) => p.code !== 'FUND_QDII');
    const copy = structuredClone(next.products.find((p) => p.code === 'WM_7DAY'));
    if (!copy) throw new Error('WM_7DAY');
    next.products.push({ ...copy, code: 'WM_NEW' });
    next.campaigns = [
      ...next.campaigns,
      { id: 'new_c', name: { zh: '新活动', en: 'New' }, productCodes: ['EB_MOBILE', 'TD_SILVER'], boost: 2 },
    ];
    const out = affectedProducts(defaultSuggestConfig, next);
    expect(out.map((a) => [a.code, a.change])).toEqual([
      ['TD_SILVER', 'changed'],
      ['WM_NEW', 'added'],
      ['FUND_QDII', 'removed'],
      ['EB_MOBILE', 'campaign'],
    ]);
  });

  it('is empty when neither products nor campaigns changed', () => {
    const next = structuredClone(defaultSuggestConfig);
    next.topN = 3;
    expect(affectedProducts(defaultSuggestConfig, next)).toEqual([]);
  });
});

describe('candidateFilter', () => {
  const v = (suggest: SuggestConfig) => ({ suggest, bands });
  const privateMin = bands.find((b) => b.key === 'private')?.minFen ?? 0;
  const highMin = bands.find((b) => b.key === 'high')?.minFen ?? 0;

  it('bounds a tier-exclusive product by its tier band, widened by the other version', () => {
    expect(candidateFilter(['WM_PRIVATE'], [v(defaultSuggestConfig)])).toEqual({
      kinds: ['individual'],
      fromFen: privateMin,
      toFen: null,
    });
    const next = withProduct('WM_PRIVATE', (p) => {
      p.tiers = ['high', 'private'];
    });
    expect(candidateFilter(['WM_PRIVATE'], [v(defaultSuggestConfig), v(next)])?.fromFen).toBe(highMin);
  });

  it('takes wealth bounds, leaves the AUM open for a product without any, and is null for inactive ones', () => {
    const next = withProduct('TD_SILVER', (p) => {
      p.minAumFen = 500_000;
      p.maxAumFen = 999_999;
    });
    expect(candidateFilter(['TD_SILVER'], [v(next)])).toEqual({
      kinds: ['individual'],
      fromFen: 500_000,
      toFen: 1_000_000,
    });
    expect(candidateFilter(['TD_SILVER'], [v(defaultSuggestConfig)])?.fromFen).toBeNull();
    const off = withProduct('TD_SILVER', (p) => {
      p.active = false;
    });
    expect(candidateFilter(['TD_SILVER'], [v(off)])).toBeNull();
  });

  it('never leaves out a customer the product could be suggested to (pre-filter is a necessary condition)', () => {
    const cfg = defaultSuggestConfig;
    for (const code of ['WM_PRIVATE', 'TRUST_FAMILY', 'INS_LEGACY', 'CORP_SCF']) {
      const f = candidateFilter([code], [v(cfg)]);
      for (const aumFen of [0, 4_999_999, 5_000_000, 49_999_999, 50_000_000, 600_000_000, 2_000_000_000]) {
        for (const kind of ['individual', 'corporate'] as const) {
          const c = customer({ aumFen, kind, segments: ['elderly', 'executive'], age: 60, riskLevel: 5 });
          const listed = rankSuggestions(c, { intents: ['wealth', 'loan'] }, cfg, side(c, cfg).ctx).items;
          if (!listed.some((i) => i.productCode === code)) continue;
          expect(f).not.toBeNull();
          expect(f?.kinds).toContain(kind);
          expect(aumFen >= (f?.fromFen ?? -Infinity) && aumFen < (f?.toFen ?? Infinity)).toBe(true);
        }
      }
    }
  });
});

describe('ProductPreviewTally', () => {
  it('counts who passes the hard filters and who sees the product, before and after, with examples', () => {
    const next = withProduct('TD_SILVER', (p) => {
      p.minAge = 50;
    });
    const t = new ProductPreviewTally(['TD_SILVER']);
    const people = [
      customer({ age: 52, segments: ['elderly'] }), // newly old enough
      customer({ age: 60, segments: ['elderly'] }), // old enough before and after
      customer({ age: 45, segments: ['elderly'] }), // too young either way
      customer({ age: null, segments: ['elderly'] }), // unknown age fails an age limit
      customer({ age: 52, segments: ['elderly'], marketingConsent: false }), // no consent: no marketing product
    ];
    people.forEach((c, i) => t.add(`c${i}`, side(c, defaultSuggestConfig), side(c, next)));
    const row = t.tallies[0];
    expect(t.examined).toBe(5);
    expect(row?.before).toEqual({ eligible: 1, suggested: 1 });
    expect(row?.after).toEqual({ eligible: 2, suggested: 2 });
    expect(row?.byTier).toEqual({ mid: { before: 1, after: 2 } });
    expect(t.examples).toEqual([
      { code: 'TD_SILVER', ref: 'c0', tier: 'mid', aumFen: 20_000_000, before: false, after: true },
    ]);
  });

  it('applies the cool-down: a product declined last week stays off the list after the change too', () => {
    const next = withProduct('TD_SILVER', (p) => {
      p.minAge = 50;
    });
    const c = customer({ age: 52, segments: ['elderly'] });
    const learning = {
      config: defaultLearnConfig,
      outcomes: [{ productCode: 'TD_SILVER', outcome: 'declined' as const, reason: null, at: NOW - 7 * DAY }],
      conversion: null,
      reasonLabels: new Map(),
    };
    const t = new ProductPreviewTally(['TD_SILVER']);
    const s = (cfg: SuggestConfig): PreviewSide => ({
      ...side(c, cfg),
      ctx: { ...side(c, cfg).ctx, learning },
    });
    t.add('c', s(defaultSuggestConfig), s(next));
    expect(t.tallies[0]?.after).toEqual({ eligible: 0, suggested: 0 });
  });

  it('a campaign boost puts a product on lists it was not on', () => {
    const next = structuredClone(defaultSuggestConfig);
    next.campaigns = [
      { id: 'silver_push', name: { zh: '安享', en: 'Silver' }, productCodes: ['TD_SILVER'], boost: 50 },
    ];
    const c = customer({ age: 70, aumFen: 600_000_000 });
    const t = new ProductPreviewTally(['TD_SILVER']);
    t.add('c', side({ ...c, tier: 'private' }, defaultSuggestConfig), side({ ...c, tier: 'private' }, next));
    expect(t.tallies[0]?.before.suggested).toBe(0);
    expect(t.tallies[0]?.after.suggested).toBe(1);
  });
});

describe('estimate', () => {
  it('is exact when everyone was examined', () => {
    expect(estimate(37, 120, 120)).toEqual({ value: 37, margin: 0 });
  });
  it('scales a sample and states a 95 % margin that shrinks with the sample', () => {
    const small = estimate(100, 1_000, 1_000_000);
    const big = estimate(500, 5_000, 1_000_000);
    expect(small.value).toBe(100_000);
    expect(big.value).toBe(100_000);
    expect(small.margin).toBeGreaterThan(big.margin);
    // 1.96·√(0.1·0.9/5000)·N ≈ 8,315 (finite-population factor ≈ 0.9975)
    expect(big.margin).toBeGreaterThan(8_200);
    expect(big.margin).toBeLessThan(8_400);
  });
  it('bounds a zero count by the rule of three instead of claiming none', () => {
    expect(estimate(0, 3_000, 1_000_000).margin).toBeGreaterThan(900);
  });
});

describe('pickSample', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => i * 3 + 1);
  it('picks k distinct items in order, the same ones every time, all of them when k covers the list', () => {
    const a = pickSample(ids, 500);
    expect(a).toHaveLength(500);
    expect(new Set(a).size).toBe(500);
    expect(a.every((x, i) => i === 0 || x > (a[i - 1] as number))).toBe(true);
    expect(a.every((x) => ids.includes(x))).toBe(true);
    expect(pickSample(ids, 500)).toEqual(a);
    expect(pickSample(ids.slice(0, 20), 50)).toEqual(ids.slice(0, 20));
  });
  it('spreads over the whole list (no block of row numbers is left out)', () => {
    const a = pickSample(ids, 1_000);
    const perDecile = Array.from(
      { length: 10 },
      (_, d) => a.filter((x) => Math.floor((x - 1) / 3000) === d).length,
    );
    for (const n of perDecile) expect(n).toBeGreaterThan(60);
  });
});
