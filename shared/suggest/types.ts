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
import type { ConversionTable } from './conversion';
import type { Cooling, PastOutcome, ReasonLabels } from './cooldown';
import type { LearnConfig } from './learn-config';
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
  /**
   * Consent to product suggestions that use the customer's holdings (Step 15, recorded at the desk); absent =
   * not withdrawn. Withdrawn: service information only, like a customer without marketing consent.
   */
  suggestionConsent?: boolean;
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
  /** What the branch's outcomes say (Step 15); absent = rank on the rules alone. */
  learning?: SuggestLearning;
}

/** The customer's outcome history and the branch's learned conversion, for one ranking. */
export interface SuggestLearning {
  config: LearnConfig;
  /** The customer's standing outcomes (undone ones left out), any order; the latest per product counts. */
  outcomes: readonly PastOutcome[];
  /** Learned conversion; null = none yet (every product at the prior). */
  conversion: ConversionTable | null;
  /** Decline reasons by key, to say "上次拒绝：暂不需要". */
  reasonLabels: ReasonLabels;
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
  // Learned from outcomes: adds or takes points, never makes a product a suggestion on its own.
  'conversion',
] as const;
export type SuggestRuleId = (typeof SUGGEST_RULES)[number];

/** Hard filters, in the order they are checked; a product is counted under the first that removes it. */
export const EXCLUDE_REASONS = [
  'inactive',
  'kind',
  'tier',
  'age',
  'wealth',
  'segment',
  'held',
  'consent',
  'quiet_visit',
  'risk_assessment',
  'risk_level',
  'min_amount',
  // Last: a product counted here passed every other filter and would be suggested but for the cool-down.
  'cooldown',
] as const;
export type ExcludeReason = (typeof EXCLUDE_REASONS)[number];

export type SuggestHintCode =
  | 'no_marketing_consent'
  | 'no_suggestion_consent'
  | 'quiet_visit'
  | 'risk_assessment_needed'
  | 'next_tier_gap';

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
  /** One or two reasons a teller can say (why this product, why now); never a score. */
  reasons: Bilingual[];
  /** The customer was interested last time (epoch ms), shown as "上次有意向 (date)"; null otherwise. */
  interestedAt: number | null;
}

/** A product that would have been suggested but is cooling down after the customer's last answer. */
export interface CoolingItem {
  productCode: string;
  name: Bilingual;
  outcome: Cooling['outcome'];
  /** Epoch ms it may come back; null = after a new risk assessment. */
  until: number | null;
  /** "上次拒绝：暂不需要（45 天前）" */
  why: Bilingual;
}

export interface SuggestResult {
  items: SuggestItem[];
  hints: SuggestHint[];
  /** How many catalogue products each hard filter removed. */
  excluded: Partial<Record<ExcludeReason, number>>;
  /** The next tier up and the AUM still missing; null at the top tier or for kinds the bands do not apply to. */
  nextTier: { tier: TierKey; name: Bilingual; gapFen: Fen } | null;
  /** Products left out by a cool-down that would otherwise have been on the list, with the reason. */
  coolingDown: CoolingItem[];
}
