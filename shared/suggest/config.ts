import { z } from 'zod';
import {
  AUM_PRODUCT_TYPES,
  CORPORATE_GRADES,
  CUSTOMER_KINDS,
  LIFECYCLES,
  PRODUCT_TYPES,
  SEGMENTS,
} from '../customer/enums';
import { TIER_KEYS } from '../customer/tier';
import { campaignsSchema, defaultCampaigns } from './campaigns';
import { productsSchema } from './catalogue';
import { defaultProducts } from './catalogue-data';
import { bilingualSchema, unknownPlaceholders } from './text';

/** Visit intents the triage engine records; `intentAffinity` keys use them (others are ignored). */
export const SUGGEST_INTENTS = [
  'account_open',
  'cash',
  'transfer',
  'card',
  'password_reset',
  'statement',
  'bill_payment',
  'wealth',
  'loan',
  'fx',
  'corporate_settlement',
  'complaint',
] as const;

/**
 * Selects products: a product matches when its code is in `codes`, its type in `types`, or one of
 * its `goals`/`tags` in `tags`. An empty matcher matches nothing. `weight` (default 1) scales the
 * rule's weight for what this matcher selects, so a table can say what matters most.
 */
export const productMatcherSchema = z.object({
  types: z.array(z.enum(PRODUCT_TYPES)).optional(),
  tags: z.array(z.string().min(1)).optional(),
  codes: z.array(z.string().min(1)).optional(),
  weight: z.number().min(0).max(10).optional(),
});
export type ProductMatcher = z.infer<typeof productMatcherSchema>;

/**
 * What one table entry (a tier, a segment, an intent…) wants. A product scores once per entry, with
 * the biggest weight among the matchers that select it.
 */
export const productNeedSchema = z.array(productMatcherSchema);
export type ProductNeed = z.infer<typeof productNeedSchema>;

const weight = z.number().min(0).max(100);

export const suggestWeightsSchema = z.object({
  /** The visit's own intents (the customer asked about it). */
  intent: weight,
  /** Multiplies each in-force campaign's `boost`. */
  campaign: weight,
  /** Products that count toward AUM when the next tier is within reach. */
  nextTierGap: weight,
  /** The tier's goal (seed 004: 潜力 → e-channels, 有效 → 5万, 中端 → short-term wealth…). */
  tierGoal: weight,
  /** Per matching segment, from `segmentNeeds`. */
  segmentNeed: weight,
  /** The product names one of the customer's segments in its own `segments`. */
  segmentTarget: weight,
  lifecycle: weight,
  /** 公私联动: the customer has a linked enterprise (or a linked private client). */
  linkedEntity: weight,
  corporateGrade: weight,
});
export type SuggestWeights = z.infer<typeof suggestWeightsSchema>;

export const suggestConfigSchema = z
  .object({
    /** How many suggestions the teller sees. */
    topN: z.number().int().min(1).max(20),
    /** At most this many suggestions of one product type, so the list is not five deposits. */
    maxPerType: z.number().int().min(1).max(20),
    /** A risk assessment (风险测评) older than this no longer counts: only R1 and non-investment products. */
    riskAssessmentValidDays: z.number().int().min(1).max(3650),
    weights: suggestWeightsSchema,
    nextTierGap: z.object({
      /** The nudge applies when the gap is at most this share of the next tier's lower bound. */
      maxShareOfNextTier: z.number().min(0).max(1),
      /** Customer kinds the tier bands mean something for (the bands are retail AUM bands). */
      kinds: z.array(z.enum(CUSTOMER_KINDS)),
    }),
    /**
     * Minimum purchase amounts as a hard filter, for products bought with the customer's own money:
     * a product of a type in `appliesTo` is left out when its minimum is above `withinReachFen`
     * and also above `aumMultiple` × the customer's AUM here. Thresholds up to `withinReachFen` are
     * within anyone's reach (moving money in is the point of 5万达标); above that the customer
     * should already keep a fair share of it with us. Loan minimums are not filters.
     */
    minAmount: z.object({
      appliesTo: z.array(z.enum(PRODUCT_TYPES)),
      withinReachFen: z.number().int().nonnegative(),
      aumMultiple: z.number().min(0).max(100),
    }),
    /**
     * Types a customer holds at most one of (mobile banking, payroll…): any holding of the type,
     * even one without a product code, counts as holding every product of that type.
     */
    singleHoldingTypes: z.array(z.enum(PRODUCT_TYPES)),
    /** Visits with one of these intents (e.g. a complaint) get service information only. */
    quietIntents: z.array(z.string().min(1)),
    tierGoals: z.record(z.enum(TIER_KEYS), productNeedSchema),
    segmentNeeds: z.record(z.enum(SEGMENTS), productNeedSchema),
    lifecycleGoals: z.record(z.enum(LIFECYCLES), productNeedSchema),
    intentAffinity: z.record(z.string().min(1), productNeedSchema),
    corporateGradeNeeds: z.record(z.enum(CORPORATE_GRADES), productNeedSchema),
    linkedEntityGoals: productNeedSchema,
    lines: z.object({
      /** Said before the pitch when the next tier is within reach; {gap} and {tierNext}. */
      nextTierGap: bilingualSchema,
      /** Said when a pitch's placeholders cannot be filled; {name}. */
      fallbackPitch: bilingualSchema,
    }),
    products: productsSchema,
    campaigns: campaignsSchema,
  })
  .superRefine((cfg, ctx) => {
    const codes = new Set(cfg.products.map((p) => p.code));
    cfg.campaigns.forEach((c, i) => {
      c.productCodes.forEach((code, j) => {
        if (!codes.has(code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['campaigns', i, 'productCodes', j],
            message: `活动引用了不存在的产品 / campaign names an unknown product: ${code}`,
          });
        }
      });
    });
    for (const key of ['nextTierGap', 'fallbackPitch'] as const) {
      for (const lang of ['zh', 'en'] as const) {
        const bad = unknownPlaceholders(cfg.lines[key][lang]);
        if (bad.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['lines', key, lang],
            message: `未知占位符 / unknown placeholder: ${bad.join(', ')}`,
          });
        }
      }
    }
  });
export type SuggestConfig = z.infer<typeof suggestConfigSchema>;

export const defaultSuggestConfig: SuggestConfig = {
  topN: 5,
  maxPerType: 2,
  riskAssessmentValidDays: 365,
  weights: {
    intent: 6,
    campaign: 1,
    nextTierGap: 3,
    tierGoal: 2.5,
    segmentNeed: 3,
    segmentTarget: 1.5,
    lifecycle: 2,
    linkedEntity: 2,
    corporateGrade: 2.5,
  },
  nextTierGap: { maxShareOfNextTier: 0.3, kinds: ['individual'] },
  minAmount: { appliesTo: [...AUM_PRODUCT_TYPES], withinReachFen: 1_000_000, aumMultiple: 2 },
  singleHoldingTypes: ['credit_card', 'payroll', 'e_banking', 'pos'],
  quietIntents: ['complaint'],
  tierGoals: {
    potential: [{ tags: ['activate_e_channel'], weight: 1.2 }, { tags: ['reach_next_tier'] }],
    effective: [{ tags: ['reach_next_tier'] }],
    mid: [{ tags: ['short_term_wealth', 'loyalty'] }],
    high: [{ tags: ['structured_allocation'] }],
    private: [{ tags: ['family_wealth', 'public_private_link'] }],
  },
  // seed 004, 特色客户群
  segmentNeeds: {
    executive: [
      { types: ['payroll'], tags: ['payroll'], weight: 1.5 },
      { tags: ['education'], weight: 1.2 },
      { tags: ['allocation'] },
    ],
    elderly: [{ types: ['time_deposit', 'insurance', 'wealth_7day', 'wealth_short'], tags: ['pension'] }],
    merchant: [
      { types: ['pos', 'microloan', 'wealth_7day', 'wealth_short'], tags: ['settlement', 'small_change'] },
    ],
    women: [
      { tags: ['education', 'study_abroad'], weight: 1.2 },
      { tags: ['allocation'] },
      { tags: ['health'], weight: 0.5 },
    ],
    rural: [{ tags: ['spring_planting'], weight: 1.5 }, { tags: ['idle_cash'] }],
  },
  lifecycleGoals: {
    new: [{ tags: ['onboarding', 'activate_e_channel'] }],
    active: [],
    low_frequency: [{ tags: ['reactivation'] }],
    dormant: [{ tags: ['reactivation'] }],
    churned: [{ tags: ['reactivation'] }],
  },
  intentAffinity: {
    account_open: [{ types: ['e_banking'], codes: ['DEBIT_CARD'] }],
    cash: [{ types: ['e_banking'] }],
    transfer: [{ types: ['e_banking'] }],
    card: [{ codes: ['DEBIT_CARD'] }, { types: ['credit_card', 'e_banking'], weight: 0.75 }],
    password_reset: [{ types: ['e_banking'] }],
    statement: [{ types: ['e_banking'] }],
    bill_payment: [{ types: ['agency', 'e_banking'] }],
    wealth: [
      { types: ['wealth_7day', 'wealth_short', 'wealth', 'fund', 'trust'] },
      { types: ['time_deposit'], weight: 0.75 },
    ],
    loan: [
      {
        types: [
          'consumer_loan',
          'mortgage',
          'microloan',
          'corporate_loan',
          'supply_chain',
          'acceptance_bill',
        ],
      },
    ],
    fx: [{ tags: ['fx'] }],
    corporate_settlement: [
      { types: ['pos', 'payroll', 'agency', 'e_banking'], tags: ['settlement', 'cash_management'] },
    ],
    complaint: [],
  },
  corporateGradeNeeds: {
    strategic: [
      { types: ['supply_chain', 'acceptance_bill', 'corporate_loan', 'payroll'], tags: ['cash_management'] },
    ],
    key: [{ types: ['corporate_loan', 'acceptance_bill', 'payroll'], tags: ['cash_management'] }],
    general: [{ types: ['microloan', 'pos'], tags: ['settlement'] }],
  },
  linkedEntityGoals: [{ tags: ['public_private_link'] }],
  lines: {
    nextTierGap: {
      zh: '您再存 {gap} 就升级为{tierNext}，',
      en: 'Just {gap} more and you become a {tierNext} customer. ',
    },
    fallbackPitch: { zh: '为您推荐{name}。', en: 'You may be interested in {name}.' },
  },
  products: defaultProducts,
  campaigns: defaultCampaigns,
};
