import type { CorporateGrade, Lifecycle, RiskLevel, Segment } from '@shared/customer/enums';
import { CORPORATE_GRADES, LIFECYCLES, SEGMENTS } from '@shared/customer/enums';
import type { TierBand, TierKey } from '@shared/customer/tier';
import { TIER_KEYS, classifyTier } from '@shared/customer/tier';
import type { Campaign } from '@shared/suggest/campaigns';
import type { Product } from '@shared/suggest/catalogue';
import { defaultProducts } from '@shared/suggest/catalogue-data';
import type { SuggestConfig } from '@shared/suggest/config';
import { SUGGEST_INTENTS, defaultSuggestConfig } from '@shared/suggest/config';
import type { SuggestCustomer, SuggestLearning, SuggestVisit } from '@shared/suggest/rank';
import { buildConversion, type OutcomeFact } from '@shared/suggest/conversion';
import { defaultLearnConfig } from '@shared/suggest/learn-config';
import { defaultVisitConfig, OUTCOMES } from '@shared/visit/config';

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). Deterministic per seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  next: () => number;
  int: (lo: number, hi: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
  subset: <T>(xs: readonly T[], min: number, max: number) => T[];
}

function rng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const chance = (p: number) => next() < p;
  const subset = <T>(xs: readonly T[], min: number, max: number): T[] => {
    const n = Math.min(xs.length, int(min, max));
    const pool = [...xs];
    const out: T[] = [];
    for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0] as T);
    return out;
  };
  return { next, int, pick, chance, subset };
}

const EXTRA_TAGS = [
  'savings',
  'idle_cash',
  'education',
  'allocation',
  'protection',
  'settlement',
  'health',
  'pension',
  'fx',
];
const MIN_AMOUNTS = [100, 100_000, 1_000_000, 5_000_000, 20_000_000, 100_000_000];
const RISK: readonly RiskLevel[] = [1, 2, 3, 4, 5];
/** 2026-01-01T00:00:00+08:00, the anchor of generated campaign windows (a benchmark needs no real dates). */
const BENCH_EPOCH = Date.UTC(2025, 11, 31, 16);
const DAY_MS = 86_400_000;

export interface BenchCatalogue {
  products: Product[];
  campaigns: Campaign[];
}

/**
 * A deterministic, realistic catalogue for the benchmark: `nProducts` series variants of the
 * default products (every type represented, risk levels, minimums, segments and tiers varied)
 * and `nCampaigns` campaigns (recurring by month, dated windows, standing programmes) with
 * targets and 1–8 products each (no campaigns without products). Valid under `suggestConfigSchema`.
 */
export function makeBenchCatalogue(nProducts: number, nCampaigns: number, seed: number): BenchCatalogue {
  const r = rng(seed);
  const products: Product[] = [];
  for (let i = 0; i < nProducts; i++) {
    const t = defaultProducts[i % defaultProducts.length] as Product;
    const n = String(i + 1).padStart(4, '0');
    const p: Product = {
      ...t,
      code: `B${n}_${t.code}`,
      name: { zh: `${t.name.zh}（第${i + 1}期）`, en: `${t.name.en} (series ${i + 1})` },
      tags: [...new Set([...(t.tags ?? []), ...r.subset(EXTRA_TAGS, 0, 2)])],
    };
    if (p.investment) {
      p.riskLevel = r.pick(RISK);
      p.minAmountFen = r.pick(MIN_AMOUNTS);
    }
    if (!t.segments && r.chance(0.25)) {
      p.segments = r.subset(SEGMENTS, 1, 2);
      if (r.chance(0.2)) p.segmentsRequired = true;
    }
    if (!t.tiers && r.chance(0.1)) p.tiers = r.subset(TIER_KEYS, 1, 3);
    if (r.chance(0.03)) p.active = false;
    products.push(p);
  }

  const campaigns: Campaign[] = [];
  const codes = products.map((p) => p.code);
  for (let i = 0; i < nCampaigns && codes.length > 0; i++) {
    const c: Campaign = {
      id: `bench_${String(i + 1).padStart(3, '0')}`,
      name: { zh: `营销活动${i + 1}`, en: `Campaign ${i + 1}` },
      productCodes: r.subset(codes, 1, 8),
      boost: r.int(1, 10) / 2,
    };
    const shape = r.next();
    if (shape < 0.4) {
      const first = r.int(1, 12);
      const len = r.int(1, 4);
      c.months = Array.from({ length: len }, (_, k) => ((first - 1 + k) % 12) + 1);
    } else if (shape < 0.8) {
      c.start = BENCH_EPOCH + r.int(0, 700) * DAY_MS;
      c.end = c.start + r.int(14, 120) * DAY_MS;
    }
    if (r.chance(0.3)) c.targetTiers = r.subset(TIER_KEYS, 1, 3);
    if (r.chance(0.2)) c.targetSegments = r.subset(SEGMENTS, 1, 2);
    if (r.chance(0.1)) c.targetLifecycles = r.subset(LIFECYCLES, 1, 3);
    if (r.chance(0.3)) {
      c.pitch = r.chance(0.5)
        ? { zh: '限时活动进行中，', en: 'A limited-time offer is on. ' }
        : { zh: '再存 {gap} 即升级{tierNext}，', en: 'Add {gap} to reach {tierNext}. ' };
    }
    campaigns.push(c);
  }
  return { products, campaigns };
}

/** The default config with a generated catalogue (200 products and 50 campaigns unless told). */
export function makeBenchConfig(nProducts = 200, nCampaigns = 50, seed = 1): SuggestConfig {
  return { ...defaultSuggestConfig, ...makeBenchCatalogue(nProducts, nCampaigns, seed) };
}

export interface BenchCase {
  customer: SuggestCustomer;
  visit: SuggestVisit;
}

/** Deterministic customers and visits spread over every tier, segment, lifecycle and filter. */
export function makeBenchCases(
  n: number,
  seed: number,
  now: number,
  products: readonly Product[],
  bands: readonly TierBand[],
): BenchCase[] {
  const r = rng(seed);
  const out: BenchCase[] = [];
  for (let i = 0; i < n; i++) {
    const corporate = r.chance(0.15);
    const aumFen = Math.floor(Math.exp(r.next() * Math.log(2_000_000_000)));
    const tier: TierKey = classifyTier(aumFen, bands).tier;
    const riskLevel: RiskLevel | null = r.chance(0.8) ? r.pick(RISK) : null;
    const holdings = products.length
      ? r
          .subset(products, 0, 6)
          .map((p) => ({ productType: p.type, productCode: p.code, balanceFen: r.int(0, aumFen) }))
      : [];
    const customer: SuggestCustomer = {
      kind: corporate ? 'corporate' : 'individual',
      tier,
      aumFen,
      segments: corporate ? [] : r.subset<Segment>(SEGMENTS, 0, 2),
      lifecycle: r.pick<Lifecycle>(LIFECYCLES),
      age: corporate || r.chance(0.05) ? null : r.int(16, 92),
      riskLevel,
      riskAssessedAt: riskLevel === null ? null : now - r.int(0, 500) * DAY_MS,
      marketingConsent: r.chance(0.8),
      holdings,
      corporateGrade: corporate ? r.pick<CorporateGrade>(CORPORATE_GRADES) : null,
      hasLinkedEntity: r.chance(0.1),
    };
    out.push({ customer, visit: { intents: r.subset(SUGGEST_INTENTS, 0, 2) } });
  }
  return out;
}

/**
 * Step 15's load: a conversion table with cells for every product × segment × tier (and the no-segment cell),
 * and 50 past outcomes per case, over the given catalogue. Deterministic per seed.
 */
export function makeBenchLearning(
  n: number,
  seed: number,
  now: number,
  products: readonly Product[],
): SuggestLearning[] {
  const r = rng(seed);
  const facts: OutcomeFact[] = [];
  let id = 0;
  for (const p of products) {
    for (const segs of [...SEGMENTS.map((s) => [s]), []] as Segment[][]) {
      for (const tier of TIER_KEYS) {
        for (let k = 0; k < 3; k++) {
          facts.push({
            id: `f${id++}`,
            productCode: p.code,
            outcome: r.pick(OUTCOMES),
            segments: segs,
            tier,
            at: now - r.int(0, 300) * DAY_MS,
          });
        }
      }
    }
  }
  const conversion = buildConversion(facts, now, defaultLearnConfig.conversion);
  const reasonLabels = new Map(defaultVisitConfig.declineReasons.map((x) => [x.key, { zh: x.zh, en: x.en }]));
  const reasons = defaultVisitConfig.declineReasons.map((x) => x.key);
  const out: SuggestLearning[] = [];
  for (let i = 0; i < n; i++) {
    const outcomes = Array.from({ length: 50 }, () => ({
      productCode: r.pick(products).code,
      outcome: r.pick(OUTCOMES),
      reason: r.pick(reasons),
      at: now - r.int(0, 400) * DAY_MS,
    }));
    out.push({ config: defaultLearnConfig, outcomes, conversion, reasonLabels });
  }
  return out;
}
