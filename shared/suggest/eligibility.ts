import type { ProductType, Segment } from '../customer/enums';
import type { TierBand, TierKey } from '../customer/tier';
import type { Fen } from '../money';
import type { CompiledProduct } from './compile';
import type { Cooling } from './cooldown';
import type { SuggestConfig } from './config';
import type { ExcludeReason, SuggestCustomer } from './types';

const DAY_MS = 86_400_000;

/** A risk assessment counts when it exists and is at most `validDays` old (inclusive). */
export function hasValidRiskAssessment(
  c: Pick<SuggestCustomer, 'riskLevel' | 'riskAssessedAt'>,
  now: number,
  validDays: number,
): boolean {
  return c.riskLevel !== null && c.riskAssessedAt !== null && now - c.riskAssessedAt <= validDays * DAY_MS;
}

/** The tier above `tier` and the AUM still missing to reach it; null at the top or if the data is stale. */
export function nextTierGap(
  tier: TierKey,
  aumFen: Fen,
  bands: readonly TierBand[],
): { band: TierBand; gapFen: Fen } | null {
  const idx = bands.findIndex((b) => b.key === tier);
  if (idx < 0) return null;
  const band = bands[idx + 1];
  if (!band) return null;
  const gapFen = band.minFen - Math.max(0, aumFen);
  return gapFen > 0 ? { band, gapFen } : null;
}

// ── Hard filters ────────────────────────────────────────────────────────────────────

/** What the hard filters need to know about the customer and the visit, worked out once per ranking. */
export interface EligibilityFacts {
  customer: SuggestCustomer;
  /** The customer's segments, without duplicates. */
  segments: ReadonlySet<Segment>;
  heldCodes: ReadonlySet<string>;
  heldTypes: ReadonlySet<ProductType>;
  /** No marketing consent, or a quiet visit: only service information (`marketing: false`) remains. */
  serviceOnly: boolean;
  /** A risk assessment on file and still valid. */
  validRisk: boolean;
  /** The highest product risk level allowed: the assessed one, or R1 without a valid assessment. */
  tolerance: number;
  /** Products the customer's last answer keeps out for now (cooldown.ts), by code. */
  cooling: ReadonlyMap<string, Cooling>;
}

/** Product codes and types the customer already holds. */
export function heldProducts(customer: SuggestCustomer): {
  heldCodes: Set<string>;
  heldTypes: Set<ProductType>;
} {
  const heldCodes = new Set<string>();
  const heldTypes = new Set<ProductType>();
  for (const h of customer.holdings) {
    heldTypes.add(h.productType);
    if (h.productCode !== null) heldCodes.add(h.productCode);
  }
  return { heldCodes, heldTypes };
}

/**
 * The first hard filter (in `EXCLUDE_REASONS` order) that removes the product, or null when it stays.
 * Hard filters are never ranked around: active, kind, tier-exclusive products, age limits (an unknown
 * age fails any product that has one), wealth fit (AUM bounds), required segments, products already held (unless
 * `allowTopUp`), marketing consent and quiet visits, suitability (risk level ≤ the customer's
 * tolerance), minimum amounts the customer could not fund (see config), and last the cool-down after the
 * customer's last answer about the product.
 */
export function exclusionOf(
  cp: CompiledProduct,
  f: EligibilityFacts,
  config: SuggestConfig,
): ExcludeReason | null {
  const p = cp.p;
  const customer = f.customer;
  if (p.active === false) return 'inactive';
  if (!p.kinds.includes(customer.kind)) return 'kind';
  if (p.tiers && !p.tiers.includes(customer.tier)) return 'tier';
  if (p.minAge !== undefined || p.maxAge !== undefined) {
    const age = customer.age;
    if (
      age === null ||
      (p.minAge !== undefined && age < p.minAge) ||
      (p.maxAge !== undefined && age > p.maxAge)
    ) {
      return 'age';
    }
  }
  if (
    (p.minAumFen !== undefined && customer.aumFen < p.minAumFen) ||
    (p.maxAumFen !== undefined && customer.aumFen > p.maxAumFen)
  ) {
    return 'wealth';
  }
  if (p.segmentsRequired && !(p.segments ?? []).some((s) => f.segments.has(s))) return 'segment';
  if (!p.allowTopUp && (f.heldCodes.has(p.code) || (cp.singleHolding && f.heldTypes.has(p.type)))) {
    return 'held';
  }
  if (p.marketing && f.serviceOnly) {
    return customer.marketingConsent && customer.suggestionConsent !== false ? 'quiet_visit' : 'consent';
  }
  if (p.riskLevel !== null && p.riskLevel > f.tolerance)
    return f.validRisk ? 'risk_level' : 'risk_assessment';
  if (
    cp.minAmountApplies &&
    (p.minAmountFen as number) > config.minAmount.withinReachFen &&
    (p.minAmountFen as number) > customer.aumFen * config.minAmount.aumMultiple
  ) {
    return 'min_amount';
  }
  if (f.cooling.has(p.code)) return 'cooldown';
  return null;
}
