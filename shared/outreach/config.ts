import { z } from 'zod';
import { CORPORATE_GRADES, LIFECYCLES, RELATIONSHIP_TYPES } from '../customer/enums';
import { TIER_KEYS, type TierKey } from '../customer/tier';

/**
 * 客户经营 (Step 14): who owns which customers, and the outreach lists (the branch reaching out before customers
 * leave). Every threshold is a setting; the rules in shared/outreach/rules.ts read only this.
 */

const labelled = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  zh: z.string().min(1).max(40),
  en: z.string().min(1).max(60),
});
export type Labelled = z.infer<typeof labelled>;

const days = (max: number) => z.number().int().min(1).max(max);

/** Whether a list may reach customers without marketing consent: care and service calls may, promotion may not. */
export const OUTREACH_PURPOSES = ['service', 'marketing'] as const;
export type OutreachPurpose = (typeof OUTREACH_PURPOSES)[number];

const ruleBase = z.object({
  enabled: z.boolean(),
  purpose: z.enum(OUTREACH_PURPOSES),
  /** A customer contacted for this list within this many days is not listed again. */
  cooldownDays: days(366),
});

const DORMANT_TIERS: readonly TierKey[] = ['effective', 'mid', 'high', 'private'];

export const outreachConfigSchema = z.object({
  /** Customers who get an owning relationship manager (专属客户经理): these tiers … */
  ownedTiers: z.array(z.enum(TIER_KEYS)).max(5),
  /** … and these corporate grades (战略 / 重点). */
  ownedCorporateGrades: z.array(z.enum(CORPORATE_GRADES)).max(3),
  /** An item not contacted this many days after it fell due shows as overdue. */
  overdueAfterDays: z.number().int().min(0).max(60),
  rules: z.object({
    dormant: ruleBase.extend({
      /** No visit and no transaction for this many days … */
      inactiveDays: days(3650),
      /** … and in one of these lifecycle stages. */
      lifecycles: z.array(z.enum(LIFECYCLES)).min(1),
      /**
       * … and in one of these tiers: most dormant accounts hold almost nothing (潜力), and a list of them buries the
       * few worth an RM's call. Defaulted so versions saved before the filter existed still read.
       */
      tiers: z
        .array(z.enum(TIER_KEYS))
        .max(5)
        .default(() => [...DORMANT_TIERS]),
    }),
    churnRisk: ruleBase.extend({
      /** AUM down by at least this percentage … */
      dropPct: z.number().int().min(1).max(100),
      /** … over this many months of balance history. */
      months: z.number().int().min(1).max(24),
      /** A lower tier at the last import counts as churn risk too. */
      tierDowngrade: z.boolean(),
      /** Only customers who had at least this much (fen) are listed: small balances swing. */
      minAumFen: z.number().int().min(0),
    }),
    crossed: ruleBase.extend({
      /** AUM milestones (fen) worth a call when crossed this month: the 5万达标 campaign. */
      milestonesFen: z.array(z.number().int().positive()).max(10),
      /** Reaching the next tier this month counts too. */
      nextTier: z.boolean(),
    }),
    periodic: ruleBase.extend({
      /** Days between contacts by tier; a tier not listed has no periodic contact. */
      everyDaysByTier: z.partialRecord(z.enum(TIER_KEYS), days(366)),
      /** Days between contacts by corporate grade (strategic, key). */
      everyDaysByGrade: z.partialRecord(z.enum(CORPORATE_GRADES), days(366)),
      /** Percent of the interval by relationship type: 主动/伙伴式 more often (e.g. 50 = twice as often). */
      relationshipPct: z.partialRecord(z.enum(RELATIONSHIP_TYPES), z.number().int().min(10).max(200)),
    }),
    maturity: ruleBase.extend({
      /** A deposit or wealth product maturing within this many days. */
      withinDays: days(90),
    }),
    birthday: ruleBase.extend({
      /** Tiers that get a care call in their birth month (only the month is kept at rest). */
      tiers: z.array(z.enum(TIER_KEYS)).max(5),
    }),
    onboarding: ruleBase.extend({
      /** New customers in their first this-many days … */
      firstDays: days(90),
      /** … are called within this many days of opening. */
      callWithinDays: days(90),
    }),
  }),
  channels: z.array(labelled).min(1),
  results: z.array(labelled.extend({ reached: z.boolean() })).min(1),
  churnReasons: z.array(labelled).min(1),
});
export type OutreachConfig = z.infer<typeof outreachConfigSchema>;
export type OutreachRules = OutreachConfig['rules'];
export type OutreachRuleKey = keyof OutreachRules;
export const OUTREACH_RULE_KEYS = [
  'churnRisk',
  'dormant',
  'maturity',
  'periodic',
  'crossed',
  'onboarding',
  'birthday',
] as const satisfies readonly OutreachRuleKey[];

const yuan = (n: number) => n * 100;

export const defaultOutreachConfig: OutreachConfig = {
  ownedTiers: ['high', 'private'],
  ownedCorporateGrades: ['strategic', 'key'],
  overdueAfterDays: 3,
  rules: {
    dormant: {
      enabled: true,
      purpose: 'service',
      cooldownDays: 90,
      inactiveDays: 180,
      lifecycles: ['low_frequency', 'dormant'],
      tiers: [...DORMANT_TIERS],
    },
    churnRisk: {
      enabled: true,
      purpose: 'service',
      cooldownDays: 30,
      dropPct: 30,
      months: 3,
      tierDowngrade: true,
      minAumFen: yuan(50_000),
    },
    crossed: {
      enabled: true,
      purpose: 'marketing',
      cooldownDays: 30,
      milestonesFen: [yuan(50_000)],
      nextTier: true,
    },
    periodic: {
      enabled: true,
      purpose: 'service',
      cooldownDays: 7,
      everyDaysByTier: { private: 30, high: 90 },
      everyDaysByGrade: { strategic: 30, key: 60 },
      relationshipPct: { proactive: 75, partnership: 50 },
    },
    maturity: { enabled: true, purpose: 'service', cooldownDays: 14, withinDays: 14 },
    birthday: { enabled: true, purpose: 'service', cooldownDays: 300, tiers: ['mid', 'high', 'private'] },
    onboarding: { enabled: true, purpose: 'service', cooldownDays: 60, firstDays: 30, callWithinDays: 7 },
  },
  channels: [
    { key: 'phone', zh: '电话', en: 'Phone' },
    { key: 'wechat', zh: '微信', en: 'WeChat' },
    { key: 'visit', zh: '上门/面谈', en: 'Visit' },
    { key: 'sms', zh: '短信', en: 'SMS' },
  ],
  results: [
    { key: 'reached', zh: '已联系上', en: 'Reached', reached: true },
    { key: 'no_answer', zh: '无人接听', en: 'No answer', reached: false },
    { key: 'wrong_number', zh: '号码错误', en: 'Wrong number', reached: false },
    { key: 'declined', zh: '客户拒绝沟通', en: 'Declined', reached: true },
  ],
  churnReasons: [
    { key: 'rate', zh: '利率/收益', en: 'Rates' },
    { key: 'service', zh: '服务体验', en: 'Service' },
    { key: 'moved', zh: '搬迁/异地', en: 'Moved away' },
    { key: 'competitor', zh: '他行营销', en: 'Competitor' },
    { key: 'spending', zh: '资金使用（购房、经营等）', en: 'Spent the money' },
    { key: 'other', zh: '其他', en: 'Other' },
  ],
};
