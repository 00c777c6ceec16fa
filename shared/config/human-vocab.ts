import { ANSWER_LABELS } from '../feedback/config';
import { RULE_VOCAB } from '../triage/rule-text';

/**
 * Names of the fixed keys a settings change may mention (product types, lifecycle stages…), for the human diff and
 * the refusal paths. Pure data table.
 */
type Words = Record<string, { zh: string; en: string }>;

export const VOCAB: Record<string, Words> = {
  kind: RULE_VOCAB.kinds,
  segment: RULE_VOCAB.segments,
  grade: RULE_VOCAB.grades,
  flag: RULE_VOCAB.flags,
  answer: ANSWER_LABELS,
  lifecycle: {
    new: { zh: '新客户', en: 'new' },
    active: { zh: '活跃', en: 'active' },
    low_frequency: { zh: '低频', en: 'low frequency' },
    dormant: { zh: '沉睡', en: 'dormant' },
    churned: { zh: '流失', en: 'churned' },
  },
  relationship: {
    passive: { zh: '被动式', en: 'passive' },
    responsible: { zh: '负责式', en: 'responsible' },
    proactive: { zh: '主动式', en: 'proactive' },
    partnership: { zh: '伙伴式', en: 'partnership' },
  },
  productType: {
    demand_deposit: { zh: '活期存款', en: 'demand deposit' },
    time_deposit: { zh: '定期存款', en: 'time deposit' },
    wealth_7day: { zh: '七天理财', en: '7-day wealth' },
    wealth_short: { zh: '短期理财', en: 'short-term wealth' },
    wealth: { zh: '理财产品', en: 'wealth product' },
    fund: { zh: '基金', en: 'fund' },
    insurance: { zh: '保险', en: 'insurance' },
    trust: { zh: '信托', en: 'trust' },
    credit_card: { zh: '信用卡', en: 'credit card' },
    consumer_loan: { zh: '消费贷款', en: 'consumer loan' },
    mortgage: { zh: '住房贷款', en: 'mortgage' },
    microloan: { zh: '小额贷款', en: 'microloan' },
    corporate_loan: { zh: '对公贷款', en: 'corporate loan' },
    acceptance_bill: { zh: '承兑汇票', en: 'acceptance bill' },
    supply_chain: { zh: '供应链金融', en: 'supply-chain finance' },
    payroll: { zh: '代发工资', en: 'payroll' },
    e_banking: { zh: '电子银行', en: 'e-banking' },
    pos: { zh: 'POS 收单', en: 'POS acquiring' },
    agency: { zh: '代理代缴', en: 'agency payments' },
  },
  purpose: {
    service: { zh: '服务关怀', en: 'service' },
    marketing: { zh: '营销', en: 'marketing' },
  },
  consentPurpose: {
    marketing: { zh: '营销联系', en: 'marketing contact' },
    suggestions: { zh: '基于持有产品的推荐', en: 'suggestions from holdings' },
    corporate_sharing: { zh: '公私联动信息共享', en: 'sharing with the corporate side' },
  },
  per: {
    visit: { zh: '每次到访', en: 'per visit' },
    staff_day: { zh: '同一柜员当天', en: 'per teller and day' },
  },
  action: {
    complaint: { zh: '转投诉', en: 'open a complaint' },
    follow_up: { zh: '负责人回访', en: 'manager follow-up' },
  },
  method: { median: { zh: '中位数', en: 'median' }, trimmed_mean: { zh: '截尾均值', en: 'trimmed mean' } },
  outreachRule: {
    churnRisk: { zh: '流失预警', en: 'churn risk' },
    dormant: { zh: '沉睡唤醒', en: 'dormant' },
    maturity: { zh: '产品到期', en: 'maturing' },
    periodic: { zh: '定期联系', en: 'periodic contact' },
    crossed: { zh: '资产达标', en: 'milestone crossed' },
    onboarding: { zh: '新客户首访', en: 'new customer' },
    birthday: { zh: '生日关怀', en: 'birthday' },
  },
};

/** What one item of a keyed list is called ("新增 拒绝原因「…」"); a dotted key beats the bare one. */
export const ITEM_WORDS: Words = {
  intents: { zh: '业务', en: 'business' },
  queues: { zh: '队列', en: 'queue' },
  products: { zh: '产品', en: 'product' },
  campaigns: { zh: '营销活动', en: 'campaign' },
  'triage.channels': { zh: '渠道', en: 'channel' },
  priorities: { zh: '优先级', en: 'priority class' },
  declineReasons: { zh: '拒绝原因', en: 'decline reason' },
  complaintCategories: { zh: '投诉类别', en: 'complaint category' },
  dimensions: { zh: '评价维度', en: 'rating dimension' },
  escalation: { zh: '评价升级规则', en: 'escalation rule' },
  'outreach.channels': { zh: '联系方式', en: 'contact channel' },
  results: { zh: '联系结果', en: 'contact result' },
  churnReasons: { zh: '流失原因', en: 'churn reason' },
  scopes: { zh: '授权范围', en: 'consent scope' },
  slTargets: { zh: '服务目标', en: 'service target' },
  tiers: { zh: '层级', en: 'tier' },
  rules: { zh: '规则', en: 'rule' },
};
