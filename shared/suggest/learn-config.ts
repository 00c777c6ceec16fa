import { z } from 'zod';
import { PRODUCT_TYPES } from '../customer/enums';
import { bilingualSchema } from './text';

/**
 * Step 15: how recorded outcomes shape the next suggestion (a settings section of its own, `suggestLearning`).
 * Versions saved before Step 15 have no such section and load with `defaultLearnConfig`.
 */

const days = z.number().int().min(0).max(3650);

export const learnConfigSchema = z.object({
  cooldown: z.object({
    /**
     * Days a declined product stays out, by decline reason key (visit.declineReasons): "已在他行办理" longer,
     * "暂不需要" shorter. A reason not listed (or none given) uses `declinedDefaultDays`.
     */
    declinedDaysByReason: z.record(z.string().min(1), days),
    declinedDefaultDays: days,
    /**
     * Days an accepted product stays out, by product type: until it could be bought again (a fixed-term deposit
     * matures, a short wealth product rolls over). Types not listed use `acceptedDefaultDays`; products already
     * held are also left out by the holdings filter once the import shows them.
     */
    acceptedDaysByType: z.partialRecord(z.enum(PRODUCT_TYPES), days),
    acceptedDefaultDays: days,
    /** "Not suitable" keeps the product out until a risk assessment newer than the outcome is on file. */
    notSuitableUntilReassessed: z.boolean(),
    /** Days an "interested" outcome is shown on the card as "上次有意向 (date)"; the product stays suggested. */
    interestedMarkDays: days,
  }),
  /**
   * Conversion learned from the branch's own outcomes per product × segment × tier, as a Bayesian average
   * (Beta prior): p = (accepted + m·k) / (shown + k), m = `priorRate`, k = `priorStrength`. It adds
   * `weight` × (p − m) × 10 points (negative when the product converts worse than the prior), so a new product
   * (no outcomes, p = m) is neither lifted nor buried.
   */
  conversion: z.object({
    weight: z.number().min(0).max(100),
    priorRate: z.number().gt(0).lt(1),
    priorStrength: z.number().min(0.1).max(1000),
    /** Outcomes older than this are not counted. */
    windowDays: z.number().int().min(1).max(3650),
    /** The reason "同类客户接受率较高/较低" is said when |p − m| is at least this much (and `minShown` outcomes). */
    sayableDelta: z.number().min(0).max(1),
    minShown: z.number().int().min(1).max(1000),
  }),
  /**
   * What a product is for, in words for the card, by need tag (the product's first tag listed here): so two
   * cards the same rules scored still say different things ("闲钱短期打理" vs "本金有保障").
   */
  tagReasons: z.record(z.string().min(1), bilingualSchema),
});
export type LearnConfig = z.infer<typeof learnConfigSchema>;

export const defaultLearnConfig: LearnConfig = {
  cooldown: {
    declinedDaysByReason: {
      not_interested: 30,
      no_funds: 60,
      has_elsewhere: 180,
      too_risky: 90,
      no_time: 14,
      other: 30,
    },
    declinedDefaultDays: 30,
    acceptedDaysByType: {
      time_deposit: 90,
      wealth_7day: 7,
      wealth_short: 30,
      wealth: 180,
      fund: 90,
      insurance: 365,
      trust: 365,
      credit_card: 3650,
      consumer_loan: 180,
      mortgage: 3650,
      microloan: 180,
      payroll: 3650,
      e_banking: 3650,
      pos: 3650,
    },
    acceptedDefaultDays: 90,
    notSuitableUntilReassessed: true,
    interestedMarkDays: 90,
  },
  conversion: {
    weight: 2,
    priorRate: 0.2,
    priorStrength: 10,
    windowDays: 365,
    sayableDelta: 0.1,
    minShown: 5,
  },
  tagReasons: {
    idle_cash: { zh: '闲钱短期打理，随用随取', en: 'Short-term home for idle cash' },
    savings: { zh: '本金有保障', en: 'Principal kept safe' },
    pension: { zh: '为养老提前准备', en: 'Planning ahead for retirement' },
    education: { zh: '为子女教育积累', en: 'Saving for the children’s education' },
    study_abroad: { zh: '留学用汇方便', en: 'Handy for study abroad' },
    protection: { zh: '家庭保障', en: 'Protection for the family' },
    health: { zh: '健康保障', en: 'Health cover' },
    allocation: { zh: '分散配置资产', en: 'Spreading the portfolio' },
    fx: { zh: '外币需求', en: 'Foreign-currency needs' },
    settlement: { zh: '日常收款结算', en: 'Day-to-day payments and settlement' },
    cash_management: { zh: '企业资金归集管理', en: 'Company cash management' },
    financing: { zh: '资金周转', en: 'Funding when needed' },
    microloan: { zh: '小额经营周转', en: 'Small working-capital needs' },
    consumption: { zh: '日常消费更方便', en: 'Easier everyday spending' },
    convenience: { zh: '少跑网点，线上办理', en: 'Fewer trips to the branch' },
    housing: { zh: '购房安家', en: 'Buying a home' },
    spring_planting: { zh: '春耕备耕用款', en: 'Spring planting funds' },
    small_change: { zh: '零钱兑换', en: 'Small change' },
    payroll: { zh: '代发工资省心', en: 'Payroll made simple' },
    bill_payment: { zh: '生活缴费省心', en: 'Bills paid without the trip' },
    supply_chain: { zh: '上下游融资', en: 'Supply-chain finance' },
    project: { zh: '项目建设资金', en: 'Project funding' },
  },
};
