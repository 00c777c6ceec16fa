import { z } from 'zod';
import { CUSTOMER_KINDS, PRODUCT_TYPES, RISK_LEVELS, SEGMENTS } from '../customer/enums';
import { TIER_KEYS } from '../customer/tier';
import { bilingualSchema, unknownPlaceholders } from './text';

/**
 * Goal tags the tier, lifecycle and linked-entity rules look for (seed 004 §02). Products carry
 * them in `goals`; free-form need tags (savings, education, settlement…) go in `tags`. Both are
 * plain strings so a bank can add its own; these are the ones the default config uses.
 */
export const KNOWN_GOALS = [
  'reach_next_tier',
  'activate_e_channel',
  'short_term_wealth',
  'loyalty',
  'structured_allocation',
  'family_wealth',
  'public_private_link',
  'reactivation',
  'onboarding',
] as const;

const tagSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9_]+$/, '标签只能用小写字母、数字和下划线 / tags are lower-case snake_case');

export const productSchema = z
  .object({
    /** Stable code, also stored on holdings and on suggestion outcomes. */
    code: z
      .string()
      .min(2)
      .max(40)
      .regex(/^[A-Z0-9_]+$/, '产品代码只能用大写字母、数字和下划线 / product codes are UPPER_SNAKE_CASE'),
    name: bilingualSchema,
    type: z.enum(PRODUCT_TYPES),
    /** R1–R5 for investment products (适当性); null for anything that is not an investment. */
    riskLevel: z.literal(RISK_LEVELS).nullable(),
    investment: z.boolean(),
    /** false = service information only (e.g. helping activate mobile banking): allowed without marketing consent. */
    marketing: z.boolean(),
    kinds: z.array(z.enum(CUSTOMER_KINDS)).min(1),
    /** Tier-exclusive product (e.g. 私行专属): a hard eligibility filter when set. */
    tiers: z.array(z.enum(TIER_KEYS)).min(1).optional(),
    /** Segments the product is designed for: scores when one matches; a hard filter only with `segmentsRequired`. */
    segments: z.array(z.enum(SEGMENTS)).min(1).optional(),
    segmentsRequired: z.boolean().optional(),
    /** Minimum purchase (起购金额) for products bought with the customer's money, or minimum loan size. */
    minAmountFen: z.number().int().nonnegative().optional(),
    minAge: z.number().int().min(0).max(150).optional(),
    maxAge: z.number().int().min(0).max(150).optional(),
    /** What the teller says; may use {gap}, {tierNext} and {name}. */
    pitch: bilingualSchema,
    goals: z.array(tagSchema).optional(),
    tags: z.array(tagSchema).optional(),
    /** The customer may buy more of it while holding it (deposits, open-ended funds, new issues of a series). */
    allowTopUp: z.boolean().optional(),
    /** false = retired from the catalogue but kept for history; absent means active. */
    active: z.boolean().optional(),
  })
  .superRefine((p, ctx) => {
    if (p.investment !== (p.riskLevel !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['riskLevel'],
        message:
          '投资类产品必须有风险等级，非投资类不应有 / investment products have a risk level, others have none',
      });
    }
    if (p.minAge !== undefined && p.maxAge !== undefined && p.minAge > p.maxAge) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxAge'],
        message: '年龄上限须不小于下限 / maxAge must be ≥ minAge',
      });
    }
    if (p.segmentsRequired && !p.segments) {
      ctx.addIssue({
        code: 'custom',
        path: ['segmentsRequired'],
        message: '要求客群时必须列出客群 / segmentsRequired needs segments',
      });
    }
    for (const lang of ['zh', 'en'] as const) {
      const bad = unknownPlaceholders(p.pitch[lang]);
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['pitch', lang],
          message: `未知占位符 / unknown placeholder: ${bad.join(', ')}`,
        });
      }
    }
  });
export type Product = z.infer<typeof productSchema>;

export const productsSchema = z.array(productSchema).superRefine((products, ctx) => {
  const seen = new Set<string>();
  products.forEach((p, i) => {
    if (seen.has(p.code)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'code'],
        message: `产品代码重复 / duplicate product code ${p.code}`,
      });
    }
    seen.add(p.code);
  });
});

/** Whole yuan to fen; 万 (10,000 yuan) to fen. Only for writing the defaults readably. */
const yuan = (n: number) => n * 100;
const wan = (n: number) => n * 1_000_000;

/**
 * The default catalogue: products named in the seeds (DOMAIN.md §3), with fictional brand names the
 * way a Chinese retail bank names them. Pitches state features and risk levels, never promised
 * returns (理财销售不得承诺收益). A bank edits this list in settings.
 */
export const defaultProducts: Product[] = [
  // ── Individual: accounts and deposits ────────────────────────────────────────────
  {
    code: 'DEBIT_CARD',
    name: { zh: '一卡通借记卡', en: 'All-in-one debit card' },
    type: 'demand_deposit',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAge: 16,
    pitch: {
      zh: '一卡通存取、转账、消费都方便，绑定手机银行随时查余额。',
      en: 'The all-in-one debit card handles deposits, transfers and payments; link it to mobile banking to check your balance anytime.',
    },
    goals: ['onboarding'],
    tags: ['savings'],
  },
  {
    code: 'TD_STANDARD',
    name: { zh: '整存整取定期存款', en: 'Fixed-term time deposit' },
    type: 'time_deposit',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: yuan(50),
    pitch: {
      zh: '整存整取定期本金有保障，利率高于活期，3个月到5年期限可选。',
      en: 'A fixed-term deposit keeps your principal safe at a better rate than a current account, for 3 months to 5 years.',
    },
    goals: ['reach_next_tier', 'loyalty', 'reactivation'],
    tags: ['savings'],
    allowTopUp: true,
  },
  {
    code: 'TD_LARGE_CD',
    name: { zh: '大额存单', en: 'Large-denomination certificate of deposit' },
    type: 'time_deposit',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: wan(20),
    pitch: {
      zh: '大额存单20万元起存，利率优于普通定期，可转让、可质押。',
      en: 'Large-denomination CDs start at ¥200,000, pay more than ordinary time deposits and can be transferred or pledged.',
    },
    goals: ['loyalty', 'structured_allocation'],
    tags: ['savings'],
    allowTopUp: true,
  },
  {
    code: 'TD_NOTICE_7D',
    name: { zh: '七天通知存款', en: '7-day notice deposit' },
    type: 'time_deposit',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: wan(5),
    pitch: {
      zh: '七天通知存款5万元起存，提前七天通知即可支取，闲钱不闲置。',
      en: 'A 7-day notice deposit from ¥50,000: withdraw with seven days’ notice, so idle cash keeps earning.',
    },
    goals: ['short_term_wealth'],
    tags: ['idle_cash', 'savings'],
    allowTopUp: true,
  },
  {
    code: 'TD_SILVER',
    name: { zh: '安享专属定期（55岁以上）', en: 'Silver-age time deposit (55+)' },
    type: 'time_deposit',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    segments: ['elderly'],
    minAge: 55,
    minAmountFen: yuan(1_000),
    pitch: {
      zh: '55岁以上客户专享定期，利率上浮，到期自动转存，省心省力。',
      en: 'A time deposit for customers aged 55 and over, with a rate premium and automatic rollover.',
    },
    goals: ['loyalty'],
    tags: ['savings', 'pension'],
    allowTopUp: true,
  },
  {
    code: 'FX_SAVINGS',
    name: { zh: '外币储蓄与结售汇', en: 'Foreign-currency savings and exchange' },
    type: 'demand_deposit',
    riskLevel: null,
    investment: false,
    marketing: false,
    kinds: ['individual'],
    pitch: {
      zh: '外币存取、结售汇和境外汇款在柜台或手机银行都能办，留学缴费也能办。',
      en: 'Foreign-currency deposits, exchange and outbound remittances at the counter or in mobile banking, tuition abroad included.',
    },
    tags: ['fx', 'study_abroad'],
    allowTopUp: true,
  },
  // ── Individual: wealth management (理财) ─────────────────────────────────────────
  {
    code: 'WM_CASH',
    name: { zh: '天天盈现金管理类理财', en: 'Tiantianying cash-management product' },
    type: 'wealth_7day',
    riskLevel: 1,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: yuan(1),
    pitch: {
      zh: '天天盈R1低风险，1元起购，当日可赎回，零钱也能生息。',
      en: 'Tiantianying is R1 low risk, from ¥1, redeemable the same day: even small change earns a return.',
    },
    goals: ['reach_next_tier', 'short_term_wealth', 'reactivation'],
    tags: ['idle_cash'],
    allowTopUp: true,
  },
  {
    code: 'WM_7DAY',
    name: { zh: '周周利7天周期理财', en: 'Zhouzhouli 7-day cycle product' },
    type: 'wealth_7day',
    riskLevel: 2,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: wan(1),
    pitch: {
      zh: '周周利每7天开放一次，流动性好，适合短期闲置资金（R2中低风险）。',
      en: 'Zhouzhouli opens every 7 days: good liquidity for short-term idle cash (R2, medium-low risk).',
    },
    goals: ['reach_next_tier', 'short_term_wealth'],
    tags: ['idle_cash'],
    allowTopUp: true,
  },
  {
    code: 'WM_QUARTER',
    name: { zh: '季季享3个月定开理财', en: 'Jijixiang 3-month open-cycle product' },
    type: 'wealth_short',
    riskLevel: 2,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: wan(1),
    pitch: {
      zh: '季季享每3个月开放一次，期限短、中低风险（R2），适合一个季度内不用的钱。',
      en: 'Jijixiang reopens every 3 months: short term, medium-low risk (R2), for money you will not need this quarter.',
    },
    goals: ['short_term_wealth', 'loyalty', 'reach_next_tier'],
    tags: ['idle_cash'],
    allowTopUp: true,
  },
  {
    code: 'WM_STEADY_1Y',
    name: { zh: '稳盈一年期固收理财', en: 'Wenying 1-year fixed-income product' },
    type: 'wealth',
    riskLevel: 2,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: wan(1),
    pitch: {
      zh: '稳盈一年期以债券等固定收益资产为主（R2），适合做稳健配置的底仓。',
      en: 'Wenying invests mainly in bonds and other fixed income (R2): a steady core for your allocation.',
    },
    goals: ['structured_allocation', 'loyalty'],
    tags: ['allocation'],
    allowTopUp: true,
  },
  {
    code: 'WM_PLUS',
    name: { zh: '多元固收+理财', en: 'Fixed-income-plus product' },
    type: 'wealth',
    riskLevel: 3,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: wan(1),
    pitch: {
      zh: '固收+在债券打底的基础上适度配置权益（R3中风险），兼顾稳健与增值。',
      en: 'Fixed-income-plus adds a measured equity slice to a bond core (R3, medium risk), balancing stability and growth.',
    },
    goals: ['structured_allocation'],
    tags: ['allocation', 'education'],
    allowTopUp: true,
  },
  {
    code: 'WM_EQUITY',
    name: { zh: '权益精选理财', en: 'Equity select product' },
    type: 'wealth',
    riskLevel: 4,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: wan(5),
    pitch: {
      zh: '权益精选以股票类资产为主（R4中高风险），适合能承受波动的长期资金。',
      en: 'Equity select invests mainly in equities (R4, medium-high risk), for long-term money that can ride out swings.',
    },
    goals: ['structured_allocation'],
    tags: ['allocation'],
    allowTopUp: true,
  },
  {
    code: 'WM_PRIVATE',
    name: { zh: '私享尊享理财（私行专属）', en: 'Private banking exclusive portfolio' },
    type: 'wealth',
    riskLevel: 3,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    tiers: ['private'],
    minAmountFen: wan(100),
    pitch: {
      zh: '私行客户专属理财，100万元起，由投资顾问一对一为您配置（R3）。',
      en: 'Exclusive to private banking clients, from ¥1,000,000, allocated one-to-one by an investment adviser (R3).',
    },
    goals: ['family_wealth', 'structured_allocation'],
    tags: ['allocation'],
    allowTopUp: true,
  },
  // ── Individual: funds (代销基金) ─────────────────────────────────────────────────
  {
    code: 'FUND_BOND',
    name: { zh: '安鑫纯债基金', en: 'Anxin pure bond fund' },
    type: 'fund',
    riskLevel: 2,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: yuan(10),
    pitch: {
      zh: '安鑫纯债只投债券，不碰股票（R2），适合追求稳健的配置。',
      en: 'Anxin invests only in bonds, no equities (R2): a steady building block.',
    },
    goals: ['structured_allocation'],
    tags: ['allocation'],
    allowTopUp: true,
  },
  {
    code: 'FUND_BALANCED',
    name: { zh: '平衡配置混合基金', en: 'Balanced hybrid fund' },
    type: 'fund',
    riskLevel: 3,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: yuan(10),
    pitch: {
      zh: '股债平衡配置，基金经理动态调整仓位（R3中风险）。',
      en: 'A balanced mix of equities and bonds, rebalanced by the fund manager (R3, medium risk).',
    },
    goals: ['structured_allocation'],
    tags: ['allocation'],
    allowTopUp: true,
  },
  {
    code: 'FUND_EDU_DCA',
    name: { zh: '子女教育金基金定投', en: 'Children’s education fund plan' },
    type: 'fund',
    riskLevel: 3,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAge: 18,
    minAmountFen: yuan(100),
    pitch: {
      zh: '每月100元起定投，为孩子教育提前积累，分散入场时点（R3）。',
      en: 'A monthly plan from ¥100 that builds your child’s education fund and spreads out entry points (R3).',
    },
    goals: ['structured_allocation'],
    tags: ['education', 'allocation'],
    allowTopUp: true,
  },
  {
    code: 'FUND_EQUITY',
    name: { zh: '成长精选股票基金', en: 'Growth select equity fund' },
    type: 'fund',
    riskLevel: 4,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: yuan(10),
    pitch: {
      zh: '成长精选投资高成长行业股票（R4中高风险），适合长期持有。',
      en: 'Growth select holds stocks in fast-growing sectors (R4, medium-high risk), for the long run.',
    },
    goals: ['structured_allocation'],
    tags: ['allocation'],
    allowTopUp: true,
  },
  {
    code: 'FUND_QDII',
    name: { zh: '全球配置QDII基金', en: 'Global allocation QDII fund' },
    type: 'fund',
    riskLevel: 5,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    minAmountFen: yuan(1_000),
    pitch: {
      zh: 'QDII基金投资海外市场，分散单一市场风险，含汇率波动（R5高风险）。',
      en: 'A QDII fund invests abroad to spread single-market risk, with currency swings included (R5, high risk).',
    },
    goals: ['structured_allocation'],
    tags: ['allocation', 'study_abroad', 'fx'],
    allowTopUp: true,
  },
  // ── Individual: insurance (银保) ─────────────────────────────────────────────────
  {
    code: 'INS_ANNUITY',
    name: { zh: '安享年金保险', en: 'Anxiang annuity insurance' },
    type: 'insurance',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAge: 18,
    maxAge: 65,
    pitch: {
      zh: '安享年金按合同约定长期给付，为养老提前安排一笔确定的现金流。',
      en: 'Anxiang pays out on a contractual schedule: a predictable income stream set aside for retirement.',
    },
    goals: ['structured_allocation'],
    tags: ['pension', 'protection'],
  },
  {
    code: 'INS_CRITICAL',
    name: { zh: '康宁重疾保险', en: 'Kangning critical illness insurance' },
    type: 'insurance',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAge: 18,
    maxAge: 55,
    pitch: {
      zh: '康宁重疾险覆盖多种重大疾病，确诊即按保额给付，给家庭一份保障。',
      en: 'Kangning covers a wide range of critical illnesses and pays the sum insured on diagnosis.',
    },
    tags: ['protection', 'health'],
  },
  {
    code: 'INS_EDU',
    name: { zh: '少儿教育金保险', en: 'Children’s education endowment' },
    type: 'insurance',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAge: 20,
    maxAge: 55,
    pitch: {
      zh: '按孩子年龄阶段领取教育金，上学、留学的钱提前备好。',
      en: 'Pays education money at each stage of your child’s schooling, so study at home or abroad is funded in advance.',
    },
    tags: ['education', 'study_abroad', 'protection'],
  },
  {
    code: 'INS_SILVER',
    name: { zh: '银发安康意外险', en: 'Silver-age accident cover' },
    type: 'insurance',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    segments: ['elderly'],
    minAge: 55,
    maxAge: 80,
    pitch: {
      zh: '专为55岁以上设计的意外险，保费低、含意外医疗，子女也放心。',
      en: 'Accident cover designed for over-55s: low premium, accident medical costs included, peace of mind for the family.',
    },
    tags: ['protection', 'health'],
  },
  {
    code: 'INS_LEGACY',
    name: { zh: '传家增额终身寿险', en: 'Legacy whole-life insurance' },
    type: 'insurance',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    tiers: ['high', 'private'],
    minAge: 18,
    maxAge: 70,
    pitch: {
      zh: '增额终身寿险可指定受益人，是家庭财富传承的常用工具。',
      en: 'Whole-life cover with named beneficiaries: a common tool for passing wealth to the next generation.',
    },
    goals: ['family_wealth', 'structured_allocation'],
    tags: ['protection'],
  },
  // ── Individual: trusts ───────────────────────────────────────────────────────────
  {
    code: 'TRUST_COLLECTIVE',
    name: { zh: '集合资金信托计划', en: 'Collective trust plan' },
    type: 'trust',
    riskLevel: 4,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    tiers: ['high', 'private'],
    minAmountFen: wan(100),
    pitch: {
      zh: '集合资金信托100万元起，仅面向合格投资者（R4），丰富您的资产配置。',
      en: 'A collective trust from ¥1,000,000 for qualified investors only (R4), broadening your allocation.',
    },
    goals: ['structured_allocation', 'family_wealth'],
    tags: ['allocation'],
  },
  {
    code: 'TRUST_FAMILY',
    name: { zh: '家族信托（财富传承）', en: 'Family trust (wealth succession)' },
    type: 'trust',
    riskLevel: 3,
    investment: true,
    marketing: true,
    kinds: ['individual'],
    tiers: ['private'],
    minAmountFen: wan(1_000),
    pitch: {
      zh: '家族信托可隔离风险，按您的意愿分配给家人，实现财富的有序传承。',
      en: 'A family trust ring-fences assets and passes them to your family on your terms.',
    },
    goals: ['family_wealth'],
    tags: ['allocation', 'education'],
  },
  // ── Individual: cards and loans ──────────────────────────────────────────────────
  {
    code: 'CC_STANDARD',
    name: { zh: '悦享信用卡', en: 'Yuexiang credit card' },
    type: 'credit_card',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAge: 18,
    maxAge: 65,
    pitch: {
      zh: '悦享信用卡最长56天免息期，新户首刷有礼。',
      en: 'The Yuexiang card has up to 56 interest-free days and a welcome gift on first use.',
    },
    goals: ['onboarding'],
    tags: ['consumption'],
  },
  {
    code: 'CC_PLATINUM',
    name: { zh: '尊享白金信用卡', en: 'Zunxiang platinum credit card' },
    type: 'credit_card',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    tiers: ['mid', 'high', 'private'],
    minAge: 18,
    maxAge: 70,
    pitch: {
      zh: '白金卡含机场贵宾厅、道路救援、体检等权益，中高端客户专享。',
      en: 'Platinum benefits include airport lounges, roadside assistance and health checks, for mid- and high-tier clients.',
    },
    goals: ['loyalty'],
    tags: ['consumption', 'health'],
  },
  {
    code: 'LOAN_CONSUMER',
    name: { zh: '薪易贷消费贷款', en: 'Xinyidai consumer loan' },
    type: 'consumer_loan',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAge: 22,
    maxAge: 60,
    pitch: {
      zh: '薪易贷线上申请、随借随还，装修、教育等消费都能用（按约定用途使用）。',
      en: 'Xinyidai: apply online, borrow and repay as you go, for home improvement, education and other declared uses.',
    },
    tags: ['consumption'],
  },
  {
    code: 'LOAN_MORTGAGE',
    name: { zh: '个人住房贷款', en: 'Home mortgage' },
    type: 'mortgage',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    minAge: 18,
    maxAge: 65,
    pitch: {
      zh: '首套、二套住房贷款都能办，有专人帮您评估额度、跟进流程。',
      en: 'Mortgages for first and second homes, with a specialist to size the loan and follow it through.',
    },
    tags: ['housing'],
  },
  {
    code: 'LOAN_MERCHANT',
    name: { zh: '商易贷（商户小额经营贷）', en: 'Shangyidai merchant microloan' },
    type: 'microloan',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    segments: ['merchant', 'executive'],
    minAge: 18,
    maxAge: 65,
    pitch: {
      zh: '商易贷为个体工商户提供小额经营周转资金，结算流水越多、额度越高。',
      en: 'Shangyidai lends small sums for working capital to the self-employed; more settlement flow, higher limit.',
    },
    tags: ['microloan', 'settlement'],
  },
  {
    code: 'LOAN_SPRING',
    name: { zh: '春耕贷（农户小额信用贷款）', en: 'Spring planting microcredit' },
    type: 'microloan',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    segments: ['rural'],
    segmentsRequired: true,
    minAge: 18,
    maxAge: 65,
    pitch: {
      zh: '春耕贷是农户小额信用贷款，种子、化肥、农资都能用，春耕前办好不误农时。',
      en: 'Spring planting microcredit is an unsecured loan for farmers: seed, fertiliser and supplies, ready before planting.',
    },
    tags: ['spring_planting', 'microloan'],
  },
  // ── Services (both kinds where it makes sense) ───────────────────────────────────
  {
    code: 'PAYROLL',
    name: { zh: '代发工资服务', en: 'Payroll service' },
    type: 'payroll',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual', 'corporate'],
    pitch: {
      zh: '企业工资由我行代发，员工享专属卡权益，企业主对公对私业务一站办理。',
      en: 'We run your company’s payroll: staff get card benefits, and owners handle business and personal banking in one place.',
    },
    goals: ['public_private_link'],
    tags: ['payroll'],
  },
  {
    code: 'EB_MOBILE',
    name: { zh: '手机银行', en: 'Mobile banking' },
    type: 'e_banking',
    riskLevel: null,
    investment: false,
    marketing: false,
    kinds: ['individual'],
    pitch: {
      zh: '手机银行能查余额、转账、缴费、买理财，我现在帮您开通并演示一遍。',
      en: 'Mobile banking shows balances and handles transfers, bills and wealth products; I can activate it and show you now.',
    },
    goals: ['activate_e_channel', 'onboarding', 'reactivation'],
    tags: ['convenience'],
  },
  {
    code: 'AGENCY_BILLS',
    name: { zh: '代收代付（水电燃气代扣）', en: 'Agency collection and payment (utility direct debit)' },
    type: 'agency',
    riskLevel: null,
    investment: false,
    marketing: false,
    kinds: ['individual', 'corporate'],
    pitch: {
      zh: '水电燃气、社保可签约自动代扣，不用再跑营业厅。',
      en: 'Utilities and social insurance can be paid by direct debit, so no more trips to pay bills.',
    },
    tags: ['bill_payment', 'convenience'],
  },
  {
    code: 'POS_MERCHANT',
    name: { zh: '商户收单（POS/聚合收款码）', en: 'Merchant acquiring (POS / QR collection)' },
    type: 'pos',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual', 'corporate'],
    segments: ['merchant'],
    pitch: {
      zh: 'POS和聚合收款码收款，资金次日到账，对账清清楚楚。',
      en: 'POS and QR collection with next-day settlement and clear reconciliation.',
    },
    tags: ['settlement'],
  },
  {
    code: 'CASH_CHANGE',
    name: { zh: '零钞兑换与上门收款', en: 'Small change and cash pick-up' },
    type: 'agency',
    riskLevel: null,
    investment: false,
    marketing: false,
    kinds: ['individual', 'corporate'],
    segments: ['merchant'],
    pitch: {
      zh: '零钞可以预约兑换，营业款多的商户还能预约上门收款。',
      en: 'Book small change in advance; busy merchants can book cash pick-up at their shop.',
    },
    tags: ['small_change', 'settlement'],
  },
  // ── Corporate (对公) ────────────────────────────────────────────────────────────
  {
    code: 'CORP_SETTLEMENT',
    name: {
      zh: '企业结算通（单位结算账户与现金管理）',
      en: 'Corporate settlement account and cash management',
    },
    type: 'demand_deposit',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['corporate'],
    pitch: {
      zh: '单位结算账户配企业网银和现金管理，收付款、对账、资金归集一站完成。',
      en: 'A settlement account with corporate e-banking and cash management: payments, reconciliation and pooling in one place.',
    },
    tags: ['settlement', 'cash_management'],
  },
  {
    code: 'CORP_AGREEMENT',
    name: { zh: '单位协定存款', en: 'Corporate agreement deposit' },
    type: 'time_deposit',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['corporate'],
    minAmountFen: wan(50),
    pitch: {
      zh: '协定存款超过基本额度的部分按协定利率计息，结算资金也能增值。',
      en: 'Balances above the agreed base earn the agreement rate, so operating cash earns more.',
    },
    tags: ['idle_cash', 'cash_management'],
    allowTopUp: true,
  },
  {
    code: 'CORP_STRUCTURED',
    name: { zh: '单位结构性存款', en: 'Corporate structured deposit' },
    type: 'wealth_short',
    riskLevel: 2,
    investment: true,
    marketing: true,
    kinds: ['corporate'],
    minAmountFen: wan(100),
    pitch: {
      zh: '单位结构性存款期限1至6个月，挂钩利率或汇率，盘活阶段性闲置资金（R2）。',
      en: 'Corporate structured deposits of 1 to 6 months, linked to rates or FX, put temporarily idle funds to work (R2).',
    },
    tags: ['idle_cash'],
    allowTopUp: true,
  },
  {
    code: 'CORP_EB',
    name: { zh: '企业网银', en: 'Corporate online banking' },
    type: 'e_banking',
    riskLevel: null,
    investment: false,
    marketing: false,
    kinds: ['corporate'],
    pitch: {
      zh: '企业网银可在线支付、代发、对账，我们可以安排专人上门帮您开通。',
      en: 'Corporate online banking handles payments, payroll and reconciliation; we can send someone to set it up.',
    },
    goals: ['activate_e_channel'],
    tags: ['settlement', 'convenience'],
  },
  {
    code: 'CORP_WC_LOAN',
    name: { zh: '流动资金贷款', en: 'Working-capital loan' },
    type: 'corporate_loan',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['corporate'],
    pitch: {
      zh: '流动资金贷款用于日常经营周转，额度内可循环使用、按需支用。',
      en: 'A working-capital loan for day-to-day operations, revolving within the limit and drawn as needed.',
    },
    tags: ['financing'],
  },
  {
    code: 'CORP_FA_LOAN',
    name: { zh: '固定资产贷款', en: 'Fixed-asset loan' },
    type: 'corporate_loan',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['corporate'],
    pitch: {
      zh: '固定资产贷款支持厂房、设备和项目建设，期限与项目周期匹配。',
      en: 'Fixed-asset loans finance plants, equipment and projects, with terms matched to the project cycle.',
    },
    tags: ['financing', 'project'],
  },
  {
    code: 'CORP_ACCEPTANCE',
    name: { zh: '银行承兑汇票', en: 'Bank acceptance bill' },
    type: 'acceptance_bill',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['corporate'],
    pitch: {
      zh: '用银行承兑汇票支付货款，可延期付款，节省财务成本。',
      en: 'Pay suppliers with a bank acceptance bill to defer payment and lower finance costs.',
    },
    tags: ['settlement', 'financing'],
  },
  {
    code: 'CORP_SCF',
    name: {
      zh: '链融通（应收账款融资/供应链金融）',
      en: 'Lianrongtong receivables and supply-chain finance',
    },
    type: 'supply_chain',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['corporate'],
    pitch: {
      zh: '应收账款可以提前变现，依托核心企业信用，融资快、额度灵活。',
      en: 'Turn receivables into cash early, backed by your anchor buyer’s credit: fast and flexible.',
    },
    tags: ['financing', 'supply_chain'],
  },
  {
    code: 'CORP_INCLUSIVE',
    name: { zh: '普惠小微信用贷', en: 'Inclusive small-business credit loan' },
    type: 'microloan',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['corporate'],
    pitch: {
      zh: '小微企业信用贷款，线上申请、无需抵押，支持经营周转。',
      en: 'An unsecured loan for small businesses: apply online, no collateral, for working capital.',
    },
    tags: ['microloan', 'financing'],
  },
];
