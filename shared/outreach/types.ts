import type {
  CorporateGrade,
  CustomerKind,
  Lifecycle,
  ProductType,
  RelationshipType,
} from '../customer/enums';
import type { TierBand, TierKey } from '../customer/tier';
import type { OutreachRuleKey } from './config';

/** One balance snapshot (table aum_snapshots: one per customer per import that changed it). */
export interface BalancePoint {
  asOf: number;
  aumFen: number;
  tier: TierKey;
}

/** A product the customer holds that ends on a date (a time deposit, a wealth product). */
export interface Maturity {
  productType: ProductType;
  productCode: string | null;
  balanceFen: number;
  maturityAt: number;
}

/**
 * Whether the customer may be contacted, read through one function on the server (see
 * electron/app/outreach/consent.ts) so the consent captured at the desk can plug in later.
 */
export interface ContactConsent {
  /** The customer asked not to be contacted: no list at all. */
  doNotContact: boolean;
  /** Agreed to marketing (营销授权): marketing lists need it; care and service calls do not. */
  marketing: boolean;
}

/** What the list rules know of one customer. */
export interface OutreachCustomer {
  id: string;
  kind: CustomerKind;
  aumFen: number;
  lifecycle: Lifecycle;
  relationshipType: RelationshipType;
  corporateGrade: CorporateGrade | null;
  /** `YYYY-MM` (only the month is kept at rest). */
  birthMonth: string | null;
  createdAt: number;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
  /** Oldest first. */
  history: BalancePoint[];
  maturities: Maturity[];
  /** When the current owner was given the customer (null: no owner); a never-contacted customer is due from then. */
  ownedSince: number | null;
  /** The last logged contact of any kind, and per list. */
  lastContactAt: number | null;
  lastContactByRule: Partial<Record<OutreachRuleKey, number>>;
}

export interface Bilingual {
  zh: string;
  en: string;
}

/** Why a customer is on a list today. */
export interface OutreachHit {
  rule: OutreachRuleKey;
  reason: Bilingual;
  /** When the contact fell due (overdue after the config's overdueAfterDays). */
  dueAt: number;
}

export interface OutreachContext {
  now: number;
  timeZone: string;
  tiers: readonly TierBand[];
}
