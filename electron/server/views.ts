import type { CustomerProfile, CustomerSummary, TierInfo } from '@shared/api/types';
import type { RulesConfig } from '@shared/config/schema';
import { ageOn } from '@shared/customer/age';
import type {
  CorporateGrade,
  CorporateType,
  CustomerKind,
  ProductType,
  RelationshipType,
  Segment,
} from '@shared/customer/enums';
import { deriveLifecycle } from '@shared/customer/lifecycle';
import { classifyTier } from '@shared/customer/tier';
import type { CustomerSummaryRow } from '../db/repos/customers';
import type { CardTable, CustomerTable, HoldingTable } from '../db/schema';

/** Row → API shape. Tier is recomputed from AUM with the current bands, so a settings change shows at once. */
export function tierInfo(aumFen: number, rules: RulesConfig): TierInfo {
  const t = classifyTier(aumFen, rules.customer.tiers);
  return {
    tier: t.tier,
    label: { zh: t.band.zh, en: t.band.en },
    next: t.next
      ? { tier: t.next.tier, label: { zh: t.next.band.zh, en: t.next.band.en }, gapFen: t.next.gapFen }
      : null,
  };
}

export function toSummary(row: CustomerSummaryRow, rules: RulesConfig): CustomerSummary {
  return {
    id: row.id,
    customerNo: row.customer_no,
    kind: row.kind as CustomerKind,
    name: row.name,
    idMasked: row.id_masked,
    phoneMasked: row.phone_masked,
    aumFen: row.aum_fen,
    tier: tierInfo(row.aum_fen, rules),
    segments: JSON.parse(row.segments) as Segment[],
  };
}

export function toProfile(
  row: CustomerTable,
  holdings: HoldingTable[],
  cards: Pick<CardTable, 'card_masked'>[],
  linked: CustomerTable | undefined,
  rules: RulesConfig,
  now: number,
): CustomerProfile {
  return {
    ...toSummary(row, rules),
    corporateType: row.corporate_type as CorporateType | null,
    creditCode: row.credit_code,
    birthDate: row.birth_date,
    age: row.birth_date ? ageOn(row.birth_date, now, rules.branch.timezone) : null,
    gender: row.gender as 'M' | 'F' | null,
    // Derived at read time from the same dates and thresholds the suggestion engine uses, so the profile
    // and the suggestions never disagree (the stored column is what the last import or seed computed).
    lifecycle: deriveLifecycle(
      { createdAt: row.created_at, lastVisitAt: row.last_visit_at, lastTxnAt: row.last_txn_at },
      now,
      rules.customer.lifecycle,
    ),
    relationshipType: row.relationship_type as RelationshipType,
    corporateGrade: row.corporate_grade as CorporateGrade | null,
    riskLevel: row.risk_level,
    riskAssessedAt: row.risk_assessed_at,
    marketingConsent: row.marketing_consent === 1,
    linked: linked
      ? {
          id: linked.id,
          customerNo: linked.customer_no,
          name: linked.name,
          kind: linked.kind as CustomerKind,
        }
      : null,
    holdings: holdings.map((h) => ({
      productType: h.product_type as ProductType,
      productCode: h.product_code,
      balanceFen: h.balance_fen,
      asOf: h.as_of,
    })),
    cards: cards.map((c) => c.card_masked),
    lastVisitAt: row.last_visit_at,
    lastTxnAt: row.last_txn_at,
  };
}
