import { z } from 'zod';
import type { CustomerKind, Lifecycle, Segment } from '../customer/enums';
import { CUSTOMER_KINDS, LIFECYCLES, SEGMENTS } from '../customer/enums';
import type { TierKey } from '../customer/tier';
import { TIER_KEYS } from '../customer/tier';
import { bilingualSchema, unknownPlaceholders } from './text';

/**
 * A marketing campaign (营销活动). It is in force when `now` is inside [start, end) — either bound
 * may be left open — and, for recurring campaigns, when the month of `now` in the branch's time
 * zone is one of `months`. Recurrence is data, so the defaults stay valid every year.
 * Targets narrow who it applies to: each set list must contain the customer's value.
 */
export const campaignSchema = z
  .object({
    id: z
      .string()
      .min(2)
      .max(40)
      .regex(/^[a-z0-9_]+$/, '活动编号只能用小写字母、数字和下划线 / campaign ids are lower-case snake_case'),
    name: bilingualSchema,
    /** Epoch ms, inclusive. */
    start: z.number().int().optional(),
    /** Epoch ms, exclusive. */
    end: z.number().int().optional(),
    /** Months 1–12 in the branch's time zone, for campaigns that recur every year. */
    months: z.array(z.number().int().min(1).max(12)).min(1).optional(),
    targetKinds: z.array(z.enum(CUSTOMER_KINDS)).min(1).optional(),
    targetTiers: z.array(z.enum(TIER_KEYS)).min(1).optional(),
    targetSegments: z.array(z.enum(SEGMENTS)).min(1).optional(),
    targetLifecycles: z.array(z.enum(LIFECYCLES)).min(1).optional(),
    productCodes: z.array(z.string().min(1)).min(1),
    /** Points added to each listed product's score (times the `campaign` weight). */
    boost: z.number().positive().max(100),
    /** Opening words the teller says before the product's own pitch; may use {gap} and {tierNext}. */
    pitch: bilingualSchema.optional(),
    /**
     * The reason the card gives for this campaign, in words a teller can say to the customer. The name is
     * internal ("四季度绩效冲刺"), so without this the card says only that the product is featured now.
     */
    reason: bilingualSchema.optional(),
  })
  .superRefine((c, ctx) => {
    if (c.start !== undefined && c.end !== undefined && c.start >= c.end) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: '结束时间须晚于开始时间 / end must be after start',
      });
    }
    if (c.pitch) {
      for (const lang of ['zh', 'en'] as const) {
        const bad = unknownPlaceholders(c.pitch[lang]);
        if (bad.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['pitch', lang],
            message: `未知占位符 / unknown placeholder: ${bad.join(', ')}`,
          });
        }
      }
    }
  });
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignsSchema = z.array(campaignSchema).superRefine((campaigns, ctx) => {
  const seen = new Set<string>();
  campaigns.forEach((c, i) => {
    if (seen.has(c.id)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'id'],
        message: `活动编号重复 / duplicate campaign id ${c.id}`,
      });
    }
    seen.add(c.id);
  });
});

/** One formatter per zone, created once: Intl objects are expensive to build on a hot path. */
const monthFormatters = new Map<string, Intl.DateTimeFormat>();

/** Month 1–12 of `now` in `timeZone`. Throws RangeError for an unknown zone (a config error). */
export function monthInZone(now: number, timeZone: string): number {
  let fmt = monthFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric' });
    monthFormatters.set(timeZone, fmt);
  }
  return Number(fmt.format(now));
}

/** Whether the campaign's dates and months cover `now`; `month` is `monthInZone(now, tz)`. */
export function campaignInForce(c: Campaign, now: number, month: number): boolean {
  if (c.start !== undefined && now < c.start) return false;
  if (c.end !== undefined && now >= c.end) return false;
  if (c.months !== undefined && !c.months.includes(month)) return false;
  return true;
}

export interface CampaignAudience {
  kind: CustomerKind;
  tier: TierKey;
  segments: readonly Segment[];
  lifecycle: Lifecycle;
}

/** Whether the customer is in the campaign's audience (every target list that is set must match). */
export function campaignTargets(c: Campaign, who: CampaignAudience): boolean {
  if (c.targetKinds && !c.targetKinds.includes(who.kind)) return false;
  if (c.targetTiers && !c.targetTiers.includes(who.tier)) return false;
  if (c.targetLifecycles && !c.targetLifecycles.includes(who.lifecycle)) return false;
  if (c.targetSegments && !c.targetSegments.some((s) => who.segments.includes(s))) return false;
  return true;
}

/**
 * Default campaigns. The quarterly focus follows the yearly rhythm in seed 004 (Q1 放量, Q2 获客,
 * Q3 体验, Q4 绩效); spring microcredit runs Feb–Apr for rural customers; 5万达标 is a standing
 * programme for 有效客户. Quarterly focus campaigns carry no pitch of their own: they re-order the
 * list, and the product's pitch is what the teller says.
 */
export const defaultCampaigns: Campaign[] = [
  {
    id: 'q1_volume',
    name: { zh: '一季度开门红·放量', en: 'Q1 strong start: volume' },
    months: [1, 2, 3],
    productCodes: [
      'TD_STANDARD',
      'TD_LARGE_CD',
      'WM_QUARTER',
      'WM_STEADY_1Y',
      'FUND_BOND',
      'INS_ANNUITY',
      'LOAN_CONSUMER',
      'LOAN_MORTGAGE',
      'CORP_WC_LOAN',
      'CORP_FA_LOAN',
      'CORP_ACCEPTANCE',
    ],
    boost: 1.5,
  },
  {
    id: 'q2_acquisition',
    name: { zh: '二季度获客', en: 'Q2 customer acquisition' },
    months: [4, 5, 6],
    productCodes: [
      'DEBIT_CARD',
      'EB_MOBILE',
      'CC_STANDARD',
      'PAYROLL',
      'POS_MERCHANT',
      'CORP_SETTLEMENT',
      'CORP_EB',
    ],
    boost: 1.5,
  },
  {
    id: 'q3_experience',
    name: { zh: '三季度客户体验', en: 'Q3 customer experience' },
    months: [7, 8, 9],
    productCodes: ['EB_MOBILE', 'AGENCY_BILLS', 'CC_PLATINUM', 'INS_CRITICAL', 'INS_SILVER', 'CORP_EB'],
    boost: 1,
  },
  {
    id: 'q4_performance',
    name: { zh: '四季度绩效冲刺', en: 'Q4 performance push' },
    months: [10, 11, 12],
    productCodes: [
      'WM_QUARTER',
      'WM_STEADY_1Y',
      'WM_PLUS',
      'FUND_BALANCED',
      'FUND_EDU_DCA',
      'INS_ANNUITY',
      'INS_EDU',
      'TRUST_COLLECTIVE',
      'CORP_STRUCTURED',
      'CORP_SCF',
    ],
    boost: 1.5,
  },
  {
    id: 'spring_planting',
    name: { zh: '春耕贷·助农春耕', en: 'Spring planting microcredit' },
    months: [2, 3, 4],
    targetKinds: ['individual'],
    targetSegments: ['rural'],
    productCodes: ['LOAN_SPRING'],
    boost: 7,
    pitch: { zh: '春耕备耕正当时，', en: 'Planting season is here. ' },
    reason: { zh: '春耕时节的助农贷款', en: 'A planting-season farm loan' },
  },
  {
    id: 'reach_50k',
    name: { zh: '5万达标', en: 'Reach ¥50,000' },
    targetKinds: ['individual'],
    targetTiers: ['effective'],
    productCodes: ['TD_STANDARD', 'WM_CASH', 'WM_7DAY', 'WM_QUARTER', 'WM_STEADY_1Y', 'FUND_BOND'],
    boost: 3,
    pitch: {
      zh: '「5万达标」活动进行中，您再存 {gap} 就升级为{tierNext}，享专属礼遇。',
      en: '“Reach ¥50,000” is on: add {gap} to become a {tierNext} customer and unlock member rewards. ',
    },
    reason: { zh: '「5万达标」活动进行中', en: '“Reach ¥50,000” is on now' },
  },
];
