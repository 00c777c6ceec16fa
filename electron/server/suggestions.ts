import { ageOn } from '@shared/customer/age';
import type { CorporateGrade, CustomerKind, ProductType, RiskLevel, Segment } from '@shared/customer/enums';
import { deriveLifecycle } from '@shared/customer/lifecycle';
import { classifyTier } from '@shared/customer/tier';
import { rankSuggestions, type SuggestCustomer, type SuggestResult } from '@shared/suggest/rank';
import type { CustomerTable } from '../db/schema';
import type { AppContext } from './context';

/** The suggestion engine's view of a stored customer, as of `now`. */
export function suggestCustomer(ctx: AppContext, row: CustomerTable, now: number): SuggestCustomer {
  const rules = ctx.rules();
  return {
    kind: row.kind as CustomerKind,
    tier: classifyTier(row.aum_fen, rules.customer.tiers).tier,
    aumFen: row.aum_fen,
    segments: JSON.parse(row.segments) as Segment[],
    lifecycle: deriveLifecycle(
      { createdAt: row.created_at, lastVisitAt: row.last_visit_at, lastTxnAt: row.last_txn_at },
      now,
      rules.customer.lifecycle,
    ),
    age: row.birth_date ? ageOn(row.birth_date, now, rules.branch.timezone) : null,
    riskLevel: row.risk_level as RiskLevel | null,
    riskAssessedAt: row.risk_assessed_at,
    marketingConsent: row.marketing_consent === 1,
    holdings: ctx.customers.holdings(row.id).map((h) => ({
      productType: h.product_type as ProductType,
      productCode: h.product_code,
      balanceFen: h.balance_fen,
    })),
    corporateGrade: row.corporate_grade as CorporateGrade | null,
    hasLinkedEntity: row.linked_customer_id !== null,
  };
}

export function suggestionsFor(
  ctx: AppContext,
  row: CustomerTable,
  intents: readonly string[],
  now: number,
): SuggestResult {
  const rules = ctx.rules();
  return rankSuggestions(suggestCustomer(ctx, row, now), { intents: [...intents] }, rules.suggest, {
    now,
    timeZone: rules.branch.timezone,
    tierBands: rules.customer.tiers,
  });
}
