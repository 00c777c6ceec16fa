import type { CorporateGrade, Lifecycle, ProductType, Segment } from '../customer/enums';
import { AUM_PRODUCT_TYPES } from '../customer/enums';
import type { TierKey } from '../customer/tier';
import type { Campaign } from './campaigns';
import type { Product } from './catalogue';
import type { ProductMatcher, ProductNeed, SuggestConfig } from './config';
import type { Cooling } from './cooldown';
import type { Bilingual } from './text';
import type { RulePoints } from './types';

// ── Compiled config ─────────────────────────────────────────────────────────────────
// Built once per config object and reused across calls (configs are immutable values:
// settings replace the object, they never edit it in place). Every table entry (a tier's goal,
// a segment's needs, an intent…) becomes one weight per product, so ranking is array lookups.

export interface CompiledProduct {
  p: Product;
  countsToAum: boolean;
  minAmountApplies: boolean;
  singleHolding: boolean;
}

/** Weight of one table entry for each product, by catalogue index (0 = not selected). */
export type NeedWeights = Float64Array;

export interface Compiled {
  products: CompiledProduct[];
  /** Catalogue index by product code. */
  byCode: ReadonlyMap<string, number>;
  tierGoals: Record<TierKey, NeedWeights>;
  segmentNeeds: Record<Segment, NeedWeights>;
  lifecycleGoals: Record<Lifecycle, NeedWeights>;
  intents: Map<string, NeedWeights>;
  grades: Record<CorporateGrade, NeedWeights>;
  linked: NeedWeights;
  quiet: ReadonlySet<string>;
  anyMonths: boolean;
}

const compiledCache = new WeakMap<SuggestConfig, Compiled>();
const AUM_TYPES: ReadonlySet<ProductType> = new Set(AUM_PRODUCT_TYPES);

function matches(m: ProductMatcher, p: Product, tags: ReadonlySet<string>): boolean {
  if (m.codes?.includes(p.code) || m.types?.includes(p.type)) return true;
  return m.tags?.some((t) => tags.has(t)) ?? false;
}

/** Per product, the biggest weight among the need's matchers that select it; 0 when none does. */
function compileNeed(
  need: ProductNeed,
  products: readonly Product[],
  tags: readonly ReadonlySet<string>[],
): NeedWeights {
  const out = new Float64Array(products.length);
  products.forEach((p, i) => {
    for (const m of need) {
      const w = m.weight ?? 1;
      if (w > (out[i] as number) && matches(m, p, tags[i] as ReadonlySet<string>)) out[i] = w;
    }
  });
  return out;
}

function mapRecord<K extends string, A, B>(rec: Record<K, A>, f: (a: A) => B): Record<K, B> {
  const out = {} as Record<K, B>;
  for (const k of Object.keys(rec) as K[]) out[k] = f(rec[k]);
  return out;
}

/** The compiled form of a config, built on first use and cached by object identity. */
export function compile(cfg: SuggestConfig): Compiled {
  const cached = compiledCache.get(cfg);
  if (cached) return cached;
  const minTypes = new Set(cfg.minAmount.appliesTo);
  const single = new Set(cfg.singleHoldingTypes);
  const products = cfg.products;
  const tags = products.map((p) => new Set([...(p.goals ?? []), ...(p.tags ?? [])]));
  const need = (n: ProductNeed) => compileNeed(n, products, tags);
  const compiled: Compiled = {
    products: products.map((p) => ({
      p,
      countsToAum: AUM_TYPES.has(p.type),
      minAmountApplies: p.minAmountFen !== undefined && minTypes.has(p.type),
      singleHolding: single.has(p.type),
    })),
    byCode: new Map(products.map((p, i) => [p.code, i])),
    tierGoals: mapRecord(cfg.tierGoals, need),
    segmentNeeds: mapRecord(cfg.segmentNeeds, need),
    lifecycleGoals: mapRecord(cfg.lifecycleGoals, need),
    intents: new Map(Object.entries(cfg.intentAffinity).map(([k, n]) => [k, need(n)])),
    grades: mapRecord(cfg.corporateGradeNeeds, need),
    linked: need(cfg.linkedEntityGoals),
    quiet: new Set(cfg.quietIntents),
    anyMonths: cfg.campaigns.some((c) => c.months !== undefined),
  };
  compiledCache.set(cfg, compiled);
  return compiled;
}

/** A product that passed the hard filters and that at least one rule scored. */
export interface Candidate {
  cp: CompiledProduct;
  score: number;
  breakdown: RulePoints[];
  campaigns: Campaign[] | null;
  /** Learned conversion for this customer's cell, when the table had outcomes for it. */
  conversion?: { rate: number; shown: number };
  /** Set on products left out by a cool-down (scored only to see what took their place). */
  cooling?: Cooling;
  /** Why it is on the list in place of a product cooling down ("顶替…"). */
  replaces?: Bilingual;
}
