/** The spellings accepted for the coded columns of import files (Chinese, English, core-banking codes). */
import type {
  CorporateGrade,
  CorporateType,
  CustomerKind,
  ProductType,
  RelationshipType,
  Segment,
} from '../customer/enums';
import { vocabulary } from './values';

// ── vocabularies ────────────────────────────────────────────────────────────────────────
export const parseKind = vocabulary<CustomerKind>({
  individual: ['个人', '对私', '私', '个人客户', '零售', 'personal', 'person', 'retail', 'i', 'p'],
  corporate: ['对公', '公', '企业客户', '对公客户', '单位', '单位客户', '公司', 'company', 'business', 'c'],
});
export const parseCorporateType = vocabulary<CorporateType>({
  enterprise: ['企业', '公司', '企业单位'],
  government: ['政府', '政府机关', '机关', '机关单位', 'gov'],
  institution: ['事业单位', '事业', '社会团体'],
  financial: ['金融同业', '同业', '金融机构', 'bank', 'fi'],
});
export const parseSegment = vocabulary<Segment>({
  executive: ['企业高管', '高管', '个体经营', '个体经营者', '企业高管及个体经营者', '个体工商户', '私营业主'],
  elderly: ['老年', '老年客户', '老人', 'senior', 'silver'],
  merchant: ['商贸', '商贸结算户', '商户', '结算户', '个体商户'],
  women: ['女性', '女性客户', 'woman', 'female'],
  rural: ['农村', '农户', '种养殖户', '农村种养殖户', '农村种养殖', 'farmer'],
});
export const parseRelationship = vocabulary<RelationshipType>({
  passive: ['被动式', '被动'],
  responsible: ['负责式', '负责'],
  proactive: ['主动式', '主动'],
  partnership: ['伙伴式', '伙伴', '合作伙伴'],
});
export const parseCorporateGrade = vocabulary<CorporateGrade>({
  strategic: ['战略', '战略客户', '战略级'],
  key: ['重点', '重点客户', '重要'],
  general: ['一般', '一般客户', '普通'],
});
export const parseGender = vocabulary<'M' | 'F'>({
  M: ['男', 'male', 'man', '1'],
  F: ['女', 'female', 'woman', '2'],
});
export const parseProductType = vocabulary<ProductType>({
  demand_deposit: ['活期', '活期存款', '活期储蓄', '借记卡', '结算账户'],
  time_deposit: [
    '定期',
    '定期存款',
    '定期储蓄',
    '整存整取',
    '大额存单',
    '通知存款',
    '协定存款',
    '结构性存款',
  ],
  wealth_7day: ['七天理财', '7天理财', '现金管理类理财', '现金理财', '周期理财'],
  wealth_short: ['短期理财', '短期人民币理财', '定开理财'],
  wealth: ['理财', '理财产品', '净值型理财', '固收理财'],
  fund: ['基金', '公募基金', '代销基金'],
  insurance: ['保险', '代理保险', '代销保险'],
  trust: ['信托', '信托计划', '家族信托'],
  credit_card: ['信用卡', '贷记卡'],
  consumer_loan: ['消费贷', '消费贷款', '个人消费贷款'],
  mortgage: ['房贷', '住房贷款', '个人住房贷款', '按揭', '按揭贷款'],
  microloan: ['小额贷款', '小微贷款', '经营贷', '农户贷款', '普惠贷款'],
  corporate_loan: ['对公贷款', '流动资金贷款', '固定资产贷款', '项目贷款', '单位贷款'],
  acceptance_bill: ['承兑汇票', '银行承兑汇票', '票据'],
  supply_chain: ['供应链金融', '应收账款融资', '供应链'],
  payroll: ['代发工资', '代发'],
  e_banking: ['电子银行', '手机银行', '网上银行', '网银', '企业网银'],
  pos: ['收单', '商户收单', 'pos机', '聚合收款'],
  agency: ['代理', '代收代付', '代收付', '代缴费'],
});
/** Customer risk tolerance: C1–C5, 1–5 or the usual names. */
export const parseRiskTolerance = vocabulary<'1' | '2' | '3' | '4' | '5'>({
  '1': ['c1', '保守型', '谨慎型', '安全型', '保守'],
  '2': ['c2', '稳健型', '稳健'],
  '3': ['c3', '平衡型', '平衡'],
  '4': ['c4', '成长型', '积极型', '成长'],
  '5': ['c5', '进取型', '激进型', '积极进取型', '进取'],
});
/** Product risk level: R1–R5, 1–5 or 低/中低/中/中高/高风险. */
export const parseProductRisk = vocabulary<'1' | '2' | '3' | '4' | '5'>({
  '1': ['r1', '低风险', '低', 'pr1'],
  '2': ['r2', '中低风险', '较低风险', '中低', 'pr2'],
  '3': ['r3', '中风险', '中等风险', '中', 'pr3'],
  '4': ['r4', '中高风险', '较高风险', '中高', 'pr4'],
  '5': ['r5', '高风险', '高', 'pr5'],
});

/** Product types whose products must carry a risk level (适当性). */
export const RISK_RATED_TYPES: readonly ProductType[] = [
  'wealth_7day',
  'wealth_short',
  'wealth',
  'fund',
  'trust',
];
