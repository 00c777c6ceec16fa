/** Shared fixtures for the rank-*.test.ts files: a mid-tier customer in July, bare products and configs. */
import { defaultCustomerConfig } from '../customer/config';
import { PRODUCT_TYPES } from '../customer/enums';
import type { Campaign } from './campaigns';
import type { Product } from './catalogue';
import type { SuggestConfig } from './config';
import { defaultSuggestConfig } from './config';
import type { SuggestContext, SuggestCustomer, SuggestResult } from './rank';
import { rankSuggestions } from './rank';

export const DAY = 86_400_000;
export const JULY = Date.UTC(2026, 6, 15, 2); // Q3
export const MARCH = Date.UTC(2026, 2, 10, 2); // Q1, spring planting
export const bands = defaultCustomerConfig.tiers;
export const ctx = (now = JULY): SuggestContext => ({ now, timeZone: 'Asia/Shanghai', tierBands: bands });

export function customer(over: Partial<SuggestCustomer> = {}): SuggestCustomer {
  return {
    kind: 'individual',
    tier: 'mid',
    aumFen: 20_000_000,
    segments: [],
    lifecycle: 'active',
    age: 40,
    riskLevel: 3,
    riskAssessedAt: JULY - 30 * DAY,
    marketingConsent: true,
    holdings: [],
    corporateGrade: null,
    hasLinkedEntity: false,
    ...over,
  };
}

export function rank(
  c: Partial<SuggestCustomer>,
  intents: string[] = [],
  config: SuggestConfig = defaultSuggestConfig,
  now = JULY,
) {
  return rankSuggestions(customer(c), { intents }, config, ctx(now));
}

export const codes = (r: SuggestResult) => r.items.map((i) => i.productCode);
export const item = (r: SuggestResult, code: string) => r.items.find((i) => i.productCode === code);
export const hint = (r: SuggestResult, code: string) => r.hints.find((h) => h.code === code);

/** A bare product: no goals or tags, so only what a test adds scores it. */
export function prod(code: string, over: Partial<Product> = {}): Product {
  return {
    code,
    name: { zh: `产品${code}`, en: `Product ${code}` },
    type: 'time_deposit',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    pitch: { zh: `${code}的卖点。`, en: `${code} pitch.` },
    ...over,
  };
}

/** The default rules with a custom catalogue and campaigns, and a large topN so filters can be checked. */
export function cfg(
  products: Product[],
  campaigns: Campaign[] = [],
  over: Partial<SuggestConfig> = {},
): SuggestConfig {
  return { ...defaultSuggestConfig, topN: 1000, maxPerType: 1000, products, campaigns, ...over };
}

/** Every product is wanted by the visit (intent `all`), so only hard filters decide what appears. */
export const WANT_ALL = {
  intentAffinity: { ...defaultSuggestConfig.intentAffinity, all: [{ types: [...PRODUCT_TYPES] }] },
};
export const allCfg = (over: Partial<SuggestConfig> = {}) =>
  cfg(defaultSuggestConfig.products, [], { ...WANT_ALL, ...over });
export const rankAll = (
  c: Partial<SuggestCustomer>,
  intents: string[] = [],
  over: Partial<SuggestConfig> = {},
) => rank(c, ['all', ...intents], allCfg(over));
