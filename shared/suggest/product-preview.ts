import type { CustomerKind } from '../customer/enums';
import { CUSTOMER_KINDS } from '../customer/enums';
import type { TierBand, TierKey } from '../customer/tier';
import type { Fen } from '../money';
import type { Campaign } from './campaigns';
import type { Product } from './catalogue';
import { compile } from './compile';
import type { SuggestConfig } from './config';
import { exclusionOf, hasValidRiskAssessment, heldProducts } from './eligibility';
import { coolingMap, learnedFacts } from './learning';
import { rankSuggestions } from './rank';
import type { Bilingual } from './text';
import type { SuggestContext, SuggestCustomer } from './types';

/**
 * The impact of a product or campaign change (Step 16): for each product the change touches, how many of the
 * branch's customers pass its hard filters (tier, age, wealth, risk, holdings, consent, cool-down: `exclusionOf`)
 * and how many would see it on their suggestion list (`rankSuggestions`, top N, at a visit with no stated need),
 * before and after. Pure: the app feeds customers in and reads the tally out.
 */

export type ProductChange = 'added' | 'removed' | 'changed' | 'campaign';

export interface AffectedProduct {
  code: string;
  name: Bilingual;
  change: ProductChange;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Products whose entry was added, removed or edited, then those a changed campaign boosts (before or after). */
export function affectedProducts(cur: SuggestConfig, next: SuggestConfig): AffectedProduct[] {
  const before = new Map(cur.products.map((p) => [p.code, p]));
  const after = new Map(next.products.map((p) => [p.code, p]));
  const out = new Map<string, AffectedProduct>();
  for (const [code, p] of after) {
    const old = before.get(code);
    if (!old) out.set(code, { code, name: p.name, change: 'added' });
    else if (!same(old, p)) out.set(code, { code, name: p.name, change: 'changed' });
  }
  for (const [code, p] of before) {
    if (!after.has(code)) out.set(code, { code, name: p.name, change: 'removed' });
  }
  const campsBefore = new Map(cur.campaigns.map((c) => [c.id, c]));
  const campsAfter = new Map(next.campaigns.map((c) => [c.id, c]));
  const touched: Campaign[] = [];
  for (const id of new Set([...campsBefore.keys(), ...campsAfter.keys()])) {
    const a = campsBefore.get(id);
    const b = campsAfter.get(id);
    if (!same(a, b)) touched.push(...[a, b].filter((c): c is Campaign => c !== undefined));
  }
  for (const c of touched) {
    for (const code of c.productCodes) {
      if (out.has(code)) continue;
      const p = after.get(code) ?? before.get(code);
      if (p) out.set(code, { code, name: p.name, change: 'campaign' });
    }
  }
  return [...out.values()];
}

/** Customers who could pass a product's kind, tier and wealth filters: a SQL pre-filter (AUM half-open). */
export interface CandidateFilter {
  kinds: CustomerKind[];
  fromFen: Fen | null;
  toFen: Fen | null;
}

/** The AUM interval a tier covers under `bands` ([min of the band, min of the next band)). */
function tierRange(tier: TierKey, bands: readonly TierBand[]): [number, number] | null {
  const i = bands.findIndex((b) => b.key === tier);
  if (i < 0) return null;
  // The lowest band also takes every AUM below its floor (classifyTier falls back to it).
  const lo = i === 0 ? -Infinity : (bands[i] as TierBand).minFen;
  const nextBand = bands[i + 1];
  return [lo, nextBand ? nextBand.minFen : Infinity];
}

/** The AUM hull a product can be suggested in: its tiers' bands intersected with its wealth bounds. */
function productRange(p: Product, bands: readonly TierBand[]): [number, number] | null {
  let lo = -Infinity;
  let hi = Infinity;
  if (p.tiers) {
    const ranges = p.tiers.map((t) => tierRange(t, bands)).filter((r) => r !== null);
    if (ranges.length === 0) return null;
    lo = Math.min(...ranges.map((r) => r[0]));
    hi = Math.max(...ranges.map((r) => r[1]));
  }
  if (p.minAumFen !== undefined) lo = Math.max(lo, p.minAumFen);
  if (p.maxAumFen !== undefined) hi = Math.min(hi, p.maxAumFen + 1);
  return lo < hi ? [lo, hi] : null;
}

/**
 * A necessary condition for any affected product to pass its hard filters in either version: the union of the
 * products' kinds and AUM hulls. Customers outside it count as "no change" exactly, without being read.
 * null = nobody can be affected (e.g. only inactive products).
 */
export function candidateFilter(
  codes: readonly string[],
  versions: readonly { suggest: SuggestConfig; bands: readonly TierBand[] }[],
): CandidateFilter | null {
  const kinds = new Set<CustomerKind>();
  let lo = Infinity;
  let hi = -Infinity;
  const wanted = new Set(codes);
  for (const v of versions) {
    for (const p of v.suggest.products) {
      if (!wanted.has(p.code) || p.active === false) continue;
      const r = productRange(p, v.bands);
      if (!r) continue;
      for (const k of p.kinds) kinds.add(k);
      lo = Math.min(lo, r[0]);
      hi = Math.max(hi, r[1]);
    }
  }
  if (kinds.size === 0) return null;
  return {
    kinds: CUSTOMER_KINDS.filter((k) => kinds.has(k)),
    fromFen: Number.isFinite(lo) ? lo : null,
    toFen: Number.isFinite(hi) ? hi : null,
  };
}

/** One side of the comparison: the customer as that version's rules see it (the tier follows its bands). */
export interface PreviewSide {
  customer: SuggestCustomer;
  config: SuggestConfig;
  ctx: SuggestContext;
}

export interface ProductCounts {
  eligible: number;
  suggested: number;
}

export interface ProductTally {
  code: string;
  before: ProductCounts;
  after: ProductCounts;
  /** Suggested before / after, by the customer's tier after the change. */
  byTier: Partial<Record<TierKey, { before: number; after: number }>>;
}

/** Whether each product passes the hard filters for this customer (eligibility.ts, as the ranking applies it). */
function eligibility(side: PreviewSide, codes: readonly string[]): boolean[] {
  const { customer, config, ctx } = side;
  const c = compile(config);
  const validRisk = hasValidRiskAssessment(customer, ctx.now, config.riskAssessmentValidDays);
  const facts = {
    customer,
    segments: new Set(customer.segments),
    ...heldProducts(customer),
    // A visit with no stated need is never a quiet one: only consent decides.
    serviceOnly: !customer.marketingConsent || customer.suggestionConsent === false,
    validRisk,
    tolerance: validRisk ? (customer.riskLevel as number) : 1,
    cooling: coolingMap(learnedFacts(customer, ctx.learning, c, ctx.now)),
  };
  return codes.map((code) => {
    const idx = c.byCode.get(code);
    const cp = idx !== undefined ? c.products[idx] : undefined;
    return cp !== undefined && exclusionOf(cp, facts, config) === null;
  });
}

/**
 * Eligibility, then the list itself. A product that fails a hard filter is never on the list, so the (dearer)
 * ranking runs only on a side where some affected product is eligible.
 */
function sideFacts(side: PreviewSide, codes: readonly string[]): { eligible: boolean; suggested: boolean }[] {
  const eligible = eligibility(side, codes);
  if (!eligible.some(Boolean)) return eligible.map(() => ({ eligible: false, suggested: false }));
  const { customer, config, ctx } = side;
  const listed = new Set(
    rankSuggestions(customer, { intents: [] }, config, ctx).items.map((i) => i.productCode),
  );
  return codes.map((code, i) => ({ eligible: eligible[i] === true, suggested: listed.has(code) }));
}

export interface ProductExample {
  code: string;
  /** The customer as the preview may show them (masked by the caller). */
  ref: string;
  tier: TierKey;
  aumFen: Fen;
  before: boolean;
  after: boolean;
}

/** Accumulates customers one by one; `examplesPerProduct` customers whose suggestion changed are kept. */
export class ProductPreviewTally {
  readonly tallies: ProductTally[];
  readonly examples: ProductExample[] = [];
  examined = 0;

  constructor(
    private readonly codes: readonly string[],
    private readonly examplesPerProduct = 3,
  ) {
    this.tallies = codes.map((code) => ({
      code,
      before: { eligible: 0, suggested: 0 },
      after: { eligible: 0, suggested: 0 },
      byTier: {},
    }));
  }

  add(ref: string, before: PreviewSide, after: PreviewSide): void {
    this.examined++;
    const b = sideFacts(before, this.codes);
    const a = sideFacts(after, this.codes);
    const tier = after.customer.tier;
    this.tallies.forEach((t, i) => {
      const x = b[i] as { eligible: boolean; suggested: boolean };
      const y = a[i] as { eligible: boolean; suggested: boolean };
      if (x.eligible) t.before.eligible++;
      if (x.suggested) t.before.suggested++;
      if (y.eligible) t.after.eligible++;
      if (y.suggested) t.after.suggested++;
      if (x.suggested || y.suggested) {
        const cell = (t.byTier[tier] ??= { before: 0, after: 0 });
        if (x.suggested) cell.before++;
        if (y.suggested) cell.after++;
      }
      if (x.suggested !== y.suggested) {
        const kept = this.examples.filter((e) => e.code === t.code).length;
        if (kept < this.examplesPerProduct) {
          this.examples.push({
            code: t.code,
            ref,
            tier,
            aumFen: after.customer.aumFen,
            before: x.suggested,
            after: y.suggested,
          });
        }
      }
    });
  }
}

/**
 * Scales a count from a uniform sample of `n` out of `total` candidates, with the half-width of its 95 %
 * confidence interval (normal approximation, finite-population corrected). Exact (margin 0) when n = total.
 */
export function estimate(count: number, n: number, total: number): { value: number; margin: number } {
  if (n <= 0 || total <= 0) return { value: 0, margin: 0 };
  if (n >= total) return { value: count, margin: 0 };
  const p = count / n;
  const fpc = Math.sqrt((total - n) / (total - 1));
  // None (or all) in the sample says little about the rest: the rule of three bounds what could be there.
  const half = count === 0 || count === n ? 3 / n : 1.96 * Math.sqrt((p * (1 - p)) / n);
  return { value: Math.round(p * total), margin: Math.ceil(half * fpc * total) };
}

/**
 * `k` of `items` picked uniformly at random without replacement (partial Fisher–Yates), in their original order.
 * Seeded: the same data gives the same sample, so a preview can be repeated and compared.
 */
export function pickSample(items: readonly number[], k: number, seed = 0x2f6b_1d3c): number[] {
  if (k >= items.length) return [...items];
  const a = [...items];
  let x = seed >>> 0;
  const rand = () => {
    // mulberry32
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    const tmp = a[i] as number;
    a[i] = a[j] as number;
    a[j] = tmp;
  }
  return a.slice(0, k).sort((p, q) => p - q);
}
