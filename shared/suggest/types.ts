import type {
  CorporateGrade,
  CustomerKind,
  Lifecycle,
  ProductType,
  RiskLevel,
  Segment,
} from '../customer/enums';
import type { TierBand, TierKey } from '../customer/tier';
import type { Fen } from '../money';
import type { Bilingual } from './text';

/** The ranking engine's inputs and outputs (the engine itself is in rank.ts). */

export interface SuggestHolding {
  productType: ProductType;
  productCode: string | null;
  balanceFen: Fen;
}

export interface SuggestCustomer {
  kind: CustomerKind;
  tier: TierKey;
  aumFen: Fen;
  segments: readonly Segment[];
  lifecycle: Lifecycle;
  /** Whole years in the branch's calendar; null when unknown (always for corporates). */
  age: number | null;
  /** Assessed tolerance C1–C5 (风险测评结果). */
  riskLevel: RiskLevel | null;
  riskAssessedAt: number | null;
  marketingConsent: boolean;
  holdings: readonly SuggestHolding[];
  corporateGrade: CorporateGrade | null;
  hasLinkedEntity: boolean;
}

export interface SuggestVisit {
  intents: readonly string[];
}

export interface SuggestContext {
  now: number;
  /** The branch's IANA zone, for recurring campaign months. */
  timeZone: string;
  tierBands: readonly TierBand[];
}

/** Ranking rules, in the order used to break ties between equal contributions. */
export const SUGGEST_RULES = [
  'intent',
  'campaign',
  'next_tier_gap',
  'tier_goal',
  'segment_need',
  'segment_target',
  'lifecycle',
  'linked_entity',
  'corporate_grade',
] as const;
export type SuggestRuleId = (typeof SUGGEST_RULES)[number];

/** Hard filters, in the order they are checked; a product is counted under the first that removes it. */
export const EXCLUDE_REASONS = [
  'inactive',
  'kind',
  'tier',
  'age',
  'segment',
  'held',
  'consent',
  'quiet_visit',
  'risk_assessment',
  'risk_level',
  'min_amount',
] as const;
export type ExcludeReason = (typeof EXCLUDE_REASONS)[number];

export type SuggestHintCode =
  'no_marketing_consent' | 'quiet_visit' | 'risk_assessment_needed' | 'next_tier_gap';

export interface SuggestHint {
  code: SuggestHintCode;
  zh: string;
  en: string;
}

/** What one rule added to a product's score. */
export interface RulePoints {
  rule: SuggestRuleId;
  points: number;
}

export interface SuggestItem {
  productCode: string;
  name: Bilingual;
  type: ProductType;
  riskLevel: RiskLevel | null;
  /** false = service information, not a product pitch. */
  marketing: boolean;
  score: number;
  /** Ids of the rules that scored it, biggest contribution first. */
  rules: SuggestRuleId[];
  /** The same rules with their points; they add up to `score`. */
  breakdown: RulePoints[];
  /** Campaigns in force that lifted it. */
  campaignIds: string[];
  /** The one line the teller says aloud. */
  say: Bilingual;
}

export interface SuggestResult {
  items: SuggestItem[];
  hints: SuggestHint[];
  /** How many catalogue products each hard filter removed. */
  excluded: Partial<Record<ExcludeReason, number>>;
  /** The next tier up and the AUM still missing; null at the top tier or for kinds the bands do not apply to. */
  nextTier: { tier: TierKey; name: Bilingual; gapFen: Fen } | null;
}
