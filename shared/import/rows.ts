/**
 * Row validation for the four import files. Pure: a row comes in as "cell of field", a typed row or
 * the list of what is wrong with it comes out. Checks that need the database (does the customer of
 * a holding exist? does an ID number belong to somebody else?) are done by the importer.
 */
import {
  CORPORATE_GRADES,
  type CorporateGrade,
  type CorporateType,
  type CustomerKind,
  type ProductType,
  type RelationshipType,
  type RiskLevel,
  type Segment,
} from '../customer/enums';
import { validateBankCard, validateMobile, validateResidentId } from '../customer/ids';
import { maskCard, maskMobile, maskResidentId } from '../customer/mask';
import type { Cell } from './types';
import {
  asciiFold,
  cellText,
  EXCEL_NUMBER,
  isoDate,
  numberLostDigits,
  parseCivil,
  parseFlag,
  parseMoneyCell,
  splitList,
  validateCreditCode,
  vocabulary,
  zonedInstant,
} from './values';

/** What is wrong with one field of a row (the importer adds the line and the column header). */
export interface FieldProblem {
  field: string | null;
  code: string;
  zh: string;
  en: string;
  value: string | null;
}

export type RowResult<T> = { ok: true; row: T } | { ok: false; problems: FieldProblem[] };

/** Reads a field of the current row; undefined when the file has no such column. */
export type FieldGetter = (key: string) => Cell | undefined;

export interface RowRules {
  now: number;
  timeZone: string;
  customerNoPattern: RegExp;
}

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

// ── helpers ─────────────────────────────────────────────────────────────────────────────
const PII_MASK: Record<string, (s: string) => string> = {
  id_number: (s) => maskResidentId(s),
  phone: (s) => maskMobile(s),
  cards: (s) => splitList(s).map(maskCard).join(';'),
};

/** The value as the report may show it: personal numbers masked, long text cut. */
export function reportValue(field: string | null, c: Cell | undefined): string | null {
  const s = cellText(c);
  if (!s) return null;
  const mask = field ? PII_MASK[field] : undefined;
  if (mask) return mask(asciiFold(s).replace(/\s+/g, ''));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

class Problems {
  readonly list: FieldProblem[] = [];
  constructor(private readonly get: FieldGetter) {}
  add(field: string | null, p: { code: string; zh: string; en: string }): void {
    this.list.push({
      field,
      code: p.code,
      zh: p.zh,
      en: p.en,
      value: field ? reportValue(field, this.get(field)) : null,
    });
  }
  required(field: string, label: string, labelEn: string): void {
    this.add(field, { code: 'required', zh: `${label}不能为空`, en: `${labelEn} is required` });
  }
  enumBad(field: string, label: string, labelEn: string, allowed: string): void {
    const v = cellText(this.get(field));
    this.add(field, {
      code: 'enum',
      zh: `${label}“${v}”无法识别（可填：${allowed}）`,
      en: `Unknown ${labelEn} "${v}" (allowed: ${allowed})`,
    });
  }
}

function text(get: FieldGetter, key: string): string {
  return cellText(get(key));
}

/** A date not after today (end of the branch's day), as epoch ms of that wall-clock time in the branch. */
function pastInstant(
  get: FieldGetter,
  key: string,
  label: [string, string],
  rules: RowRules,
  out: Problems,
): number | null {
  const raw = get(key);
  if (cellText(raw) === '') return null;
  // Files repeat the same dates: a date text already seen is not parsed again.
  const cache = typeof raw === 'string' ? dateCache(rules.timeZone) : null;
  const hit = cache?.get(raw as string);
  if (hit !== undefined) {
    if (hit < endOfToday(rules)) return hit;
  }
  const r = parseCivil(raw);
  if (!r.ok) {
    out.add(key, { code: r.code, zh: `${label[0]}：${r.zh}`, en: `${label[1]}: ${r.en}` });
    return null;
  }
  const t = zonedInstant(r.value, rules.timeZone);
  if (cache) {
    if (cache.size > 50_000) cache.clear();
    cache.set(raw as string, t);
  }
  if (t >= endOfToday(rules)) {
    out.add(key, {
      code: 'date_future',
      zh: `${label[0]}不能晚于今天`,
      en: `${label[1]} cannot be in the future`,
    });
    return null;
  }
  return t;
}

const dateCaches = new Map<string, Map<string, number>>();
function dateCache(timeZone: string): Map<string, number> {
  let c = dateCaches.get(timeZone);
  if (!c) {
    c = new Map();
    dateCaches.set(timeZone, c);
  }
  return c;
}

const endOfTodayCache = new WeakMap<RowRules, number>();
/** The first instant of tomorrow in the branch: dates on or after it are in the future. */
function endOfToday(rules: RowRules): number {
  let t = endOfTodayCache.get(rules);
  if (t === undefined) {
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', {
      timeZone: rules.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .format(new Date(rules.now))
      .split('-')
      .map(Number);
    t = zonedInstant({ y: y ?? 1970, m: m ?? 1, d: d ?? 1, minutes: 24 * 60 }, rules.timeZone);
    endOfTodayCache.set(rules, t);
  }
  return t;
}

function customerNo(get: FieldGetter, rules: RowRules, out: Problems): string {
  const v = asciiFold(text(get, 'customer_no')).replace(/\s+/g, '').toUpperCase();
  if (!v) out.required('customer_no', '客户号', 'Customer no.');
  else if (!rules.customerNoPattern.test(v)) {
    out.add('customer_no', {
      code: 'customer_no_format',
      zh: `客户号格式不正确：${v}`,
      en: `Not a customer number of this bank: ${v}`,
    });
  }
  return v;
}

function excelDigits(get: FieldGetter, key: string, out: Problems): boolean {
  if (!numberLostDigits(get(key))) return false;
  out.add(key, { code: 'excel_number', ...EXCEL_NUMBER });
  return true;
}

// ── customers ───────────────────────────────────────────────────────────────────────────
export interface CustomerInput {
  customerNo: string;
  name: string;
  kind: CustomerKind;
  corporateType: CorporateType | null;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  /** Empty when the column is absent or blank. */
  cards: string[];
  gender: 'M' | 'F' | null;
  birthDate: string | null;
  segments: Segment[];
  relationshipType: RelationshipType;
  corporateGrade: CorporateGrade | null;
  marketingConsent: boolean;
  openedAt: number | null;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
  linkedCustomerNo: string | null;
}

export function validateCustomerRow(get: FieldGetter, rules: RowRules): RowResult<CustomerInput> {
  const out = new Problems(get);
  const no = customerNo(get, rules, out);
  const name = text(get, 'name').replace(/\s+/g, ' ');
  if (!name) out.required('name', '客户姓名', 'Name');
  else if (name.length > 60 || /[\p{Cc}]/u.test(name)) {
    out.add('name', {
      code: 'name_format',
      zh: '客户姓名过长或含控制字符',
      en: 'The name is too long or has control characters',
    });
  }

  let idNumber: string | null = null;
  let idBirth: string | null = null;
  let idGender: 'M' | 'F' | null = null;
  const idRaw = asciiFold(text(get, 'id_number'));
  if (idRaw && !excelDigits(get, 'id_number', out)) {
    const r = validateResidentId(idRaw, rules.now);
    if (r.ok) {
      idNumber = r.value;
      idBirth = r.birthDate;
      idGender = r.gender;
    } else out.add('id_number', r);
  }
  let creditCode: string | null = null;
  const ccRaw = text(get, 'credit_code');
  if (ccRaw) {
    const r = validateCreditCode(ccRaw);
    if (r.ok) creditCode = r.value;
    else out.add('credit_code', r);
  }

  const kindRaw = text(get, 'kind');
  let kind: CustomerKind = ccRaw && !idRaw ? 'corporate' : 'individual';
  if (kindRaw) {
    const k = parseKind(kindRaw);
    if (k) kind = k;
    else out.enumBad('kind', '客户类型', 'customer kind', '个人/对公');
  }

  let phone: string | null = null;
  const phoneRaw = asciiFold(text(get, 'phone'));
  if (phoneRaw) {
    const r = validateMobile(phoneRaw);
    if (r.ok) phone = r.value;
    else out.add('phone', r);
  }

  const cards: string[] = [];
  const cardsRaw = asciiFold(text(get, 'cards'));
  if (cardsRaw && !excelDigits(get, 'cards', out)) {
    for (const c of splitList(cardsRaw.replace(/-/g, ''))) {
      const r = validateBankCard(c);
      if (!r.ok) {
        out.list.push({ field: 'cards', code: r.code, zh: r.zh, en: r.en, value: maskCard(c) });
      } else if (!cards.includes(r.value)) cards.push(r.value);
    }
  }

  let gender: 'M' | 'F' | null = idGender;
  const genderRaw = text(get, 'gender');
  if (genderRaw) {
    const g = parseGender(genderRaw);
    if (!g) out.enumBad('gender', '性别', 'gender', '男/女');
    else if (idGender && g !== idGender) {
      out.add('gender', {
        code: 'gender_mismatch',
        zh: '性别与身份证号码不符',
        en: 'The gender does not match the ID number',
      });
    } else gender = g;
  }
  let birthDate: string | null = idBirth;
  const birthRaw = get('birth_date');
  if (cellText(birthRaw)) {
    const r = parseCivil(birthRaw);
    if (!r.ok) out.add('birth_date', { code: r.code, zh: `出生日期：${r.zh}`, en: `Birth date: ${r.en}` });
    else {
      const iso = isoDate(r.value);
      if (idBirth && iso !== idBirth) {
        out.add('birth_date', {
          code: 'birth_mismatch',
          zh: '出生日期与身份证号码不符',
          en: 'The birth date does not match the ID number',
        });
      } else if (zonedInstant({ ...r.value, minutes: 0 }, rules.timeZone) > rules.now) {
        out.add('birth_date', {
          code: 'date_future',
          zh: '出生日期不能晚于今天',
          en: 'The birth date cannot be in the future',
        });
      } else birthDate = iso;
    }
  }

  const segments: Segment[] = [];
  for (const s of splitList(text(get, 'segments'))) {
    const seg = parseSegment(s);
    if (!seg) {
      out.add('segments', {
        code: 'enum',
        zh: `客群“${s}”无法识别（可填：企业高管、老年客户、商贸结算户、女性客户、农村种养殖户）`,
        en: `Unknown segment "${s}" (allowed: executive, elderly, merchant, women, rural)`,
      });
    } else if (!segments.includes(seg)) segments.push(seg);
  }

  let relationshipType: RelationshipType = 'passive';
  const relRaw = text(get, 'relationship_type');
  if (relRaw) {
    const r = parseRelationship(relRaw);
    if (r) relationshipType = r;
    else out.enumBad('relationship_type', '关系类型', 'relationship type', '被动式/负责式/主动式/伙伴式');
  }

  let corporateType: CorporateType | null = null;
  let corporateGrade: CorporateGrade | null = null;
  const ctRaw = text(get, 'corporate_type');
  const cgRaw = text(get, 'corporate_grade');
  if (kind === 'corporate') {
    corporateType = 'enterprise';
    if (ctRaw) {
      const t = parseCorporateType(ctRaw);
      if (t) corporateType = t;
      else out.enumBad('corporate_type', '单位类型', 'corporate type', '企业/政府/事业单位/金融同业');
    }
    corporateGrade = 'general';
    if (cgRaw) {
      const g = parseCorporateGrade(cgRaw);
      if (g) corporateGrade = g;
      else
        out.enumBad(
          'corporate_grade',
          '对公客户等级',
          'corporate grade',
          `战略/重点/一般 (${CORPORATE_GRADES.join('/')})`,
        );
    }
    if (idRaw) {
      out.add('id_number', {
        code: 'kind_mismatch',
        zh: '对公客户不填居民身份证号码，请填统一社会信用代码',
        en: 'A corporate customer has a credit code, not a resident ID number',
      });
    }
    if (genderRaw || cellText(birthRaw)) {
      out.add(genderRaw ? 'gender' : 'birth_date', {
        code: 'kind_mismatch',
        zh: '对公客户没有性别和出生日期',
        en: 'A corporate customer has no gender or birth date',
      });
    }
    gender = null;
    birthDate = null;
  } else {
    if (ccRaw) {
      out.add('credit_code', {
        code: 'kind_mismatch',
        zh: '个人客户不填统一社会信用代码',
        en: 'An individual customer has no credit code',
      });
    }
    if (ctRaw || cgRaw) {
      out.add(ctRaw ? 'corporate_type' : 'corporate_grade', {
        code: 'kind_mismatch',
        zh: '个人客户不填单位类型和对公客户等级',
        en: 'An individual customer has no corporate type or grade',
      });
    }
  }

  let marketingConsent = false;
  if (text(get, 'marketing_consent')) {
    const r = parseFlag(get('marketing_consent'));
    if (r.ok) marketingConsent = r.value;
    else out.add('marketing_consent', r);
  }

  const openedAt = pastInstant(get, 'opened_at', ['开户日期', 'Opened on'], rules, out);
  const lastVisitAt = pastInstant(get, 'last_visit_at', ['最近到店日期', 'Last visit'], rules, out);
  const lastTxnAt = pastInstant(get, 'last_txn_at', ['最近交易日期', 'Last transaction'], rules, out);

  let linkedCustomerNo: string | null = null;
  const linkRaw = asciiFold(text(get, 'linked_customer_no')).replace(/\s+/g, '').toUpperCase();
  if (linkRaw) {
    if (!rules.customerNoPattern.test(linkRaw)) {
      out.add('linked_customer_no', {
        code: 'customer_no_format',
        zh: `关联客户号格式不正确：${linkRaw}`,
        en: `Not a customer number: ${linkRaw}`,
      });
    } else if (linkRaw === no) {
      out.add('linked_customer_no', {
        code: 'link_self',
        zh: '客户不能关联自己',
        en: 'A customer cannot be linked to itself',
      });
    } else linkedCustomerNo = linkRaw;
  }

  if (out.list.length > 0) return { ok: false, problems: out.list };
  return {
    ok: true,
    row: {
      customerNo: no,
      name,
      kind,
      corporateType,
      idNumber,
      creditCode,
      phone,
      cards,
      gender,
      birthDate,
      segments,
      relationshipType,
      corporateGrade,
      marketingConsent,
      openedAt,
      lastVisitAt,
      lastTxnAt,
      linkedCustomerNo,
    },
  };
}

// ── holdings ────────────────────────────────────────────────────────────────────────────
export interface HoldingInput {
  customerNo: string;
  productType: ProductType;
  productCode: string | null;
  balanceFen: number;
  asOf: number;
}

export interface HoldingRules extends RowRules {
  /** Product code → its type, from the branch's product table. */
  products: ReadonlyMap<string, ProductType>;
  /** When the file has no as-of column: the date the user gave for the whole file. */
  defaultAsOf: number | null;
}

export function validateHoldingRow(get: FieldGetter, rules: HoldingRules): RowResult<HoldingInput> {
  const out = new Problems(get);
  const no = customerNo(get, rules, out);
  const code = asciiFold(text(get, 'product_code')).toUpperCase() || null;
  let knownType: ProductType | undefined;
  if (code !== null) {
    knownType = rules.products.get(code);
    if (knownType === undefined) {
      out.add('product_code', {
        code: 'product_unknown',
        zh: `产品代码不存在：${code}（请先导入产品目录）`,
        en: `No such product code: ${code} (import the product list first)`,
      });
    }
  }
  let productType: ProductType | null = null;
  const typeRaw = text(get, 'product_type');
  if (typeRaw) {
    productType = parseProductType(typeRaw);
    if (!productType)
      out.enumBad('product_type', '产品类型', 'product type', '活期存款、定期存款、理财、基金、保险…');
    else if (knownType && knownType !== productType) {
      out.add('product_type', {
        code: 'product_type_mismatch',
        zh: `产品类型与产品代码 ${code ?? ''} 的类型不符`,
        en: `The product type does not match product ${code ?? ''}`,
      });
    }
  } else if (knownType) productType = knownType;
  else if (code === null) out.required('product_type', '产品类型', 'Product type');

  let balanceFen = 0;
  const bal = get('balance');
  if (cellText(bal) === '') out.required('balance', '余额', 'Balance');
  else {
    const r = parseMoneyCell(bal);
    if (r.ok) balanceFen = r.value;
    else out.add('balance', r);
  }

  let asOf: number | null = rules.defaultAsOf;
  if (cellText(get('as_of')) !== '') asOf = pastInstant(get, 'as_of', ['余额日期', 'As of'], rules, out);
  else if (asOf === null && !out.list.some((p) => p.field === 'as_of')) {
    out.add('as_of', {
      code: 'required',
      zh: '余额日期不能为空（或在导入时指定整份文件的余额日期）',
      en: 'As-of date is required (or give one for the whole file when importing)',
    });
  }

  if (out.list.length > 0 || productType === null || asOf === null) return { ok: false, problems: out.list };
  return { ok: true, row: { customerNo: no, productType, productCode: code, balanceFen, asOf } };
}

// ── products ────────────────────────────────────────────────────────────────────────────
export interface ProductInput {
  code: string;
  nameZh: string;
  nameEn: string;
  type: ProductType;
  riskLevel: RiskLevel | null;
  active: boolean;
}

export function validateProductRow(get: FieldGetter): RowResult<ProductInput> {
  const out = new Problems(get);
  const code = asciiFold(text(get, 'code')).toUpperCase();
  if (!code) out.required('code', '产品代码', 'Product code');
  else if (!/^[A-Z0-9][A-Z0-9_.-]{0,39}$/.test(code)) {
    out.add('code', {
      code: 'product_code_format',
      zh: '产品代码只能包含字母、数字、下划线、点和短横线（最长40位）',
      en: 'A product code has letters, digits, _ . - only (40 at most)',
    });
  }
  const nameZh = text(get, 'name_zh');
  if (!nameZh) out.required('name_zh', '产品名称', 'Product name');
  else if (nameZh.length > 80)
    out.add('name_zh', {
      code: 'too_long',
      zh: '产品名称过长（最多80字）',
      en: 'Name too long (80 at most)',
    });
  const nameEn = text(get, 'name_en') || nameZh;
  if (nameEn.length > 120)
    out.add('name_en', { code: 'too_long', zh: '英文名称过长', en: 'English name too long (120 at most)' });
  const typeRaw = text(get, 'type');
  let type: ProductType | null = null;
  if (!typeRaw) out.required('type', '产品类型', 'Product type');
  else {
    type = parseProductType(typeRaw);
    if (!type) out.enumBad('type', '产品类型', 'product type', '活期存款、定期存款、理财、基金、保险…');
  }
  let riskLevel: RiskLevel | null = null;
  const riskRaw = text(get, 'risk_level');
  if (riskRaw) {
    const r = parseProductRisk(riskRaw);
    if (r) riskLevel = Number(r) as RiskLevel;
    else out.enumBad('risk_level', '风险等级', 'risk level', 'R1–R5');
  } else if (type && RISK_RATED_TYPES.includes(type)) {
    out.add('risk_level', {
      code: 'risk_required',
      zh: '理财、基金、信托产品须填写风险等级（R1–R5）',
      en: 'Wealth, fund and trust products need a risk level (R1–R5)',
    });
  }
  let active = true;
  if (text(get, 'active')) {
    const r = parseFlag(get('active'));
    if (r.ok) active = r.value;
    else out.add('active', r);
  }
  if (out.list.length > 0 || type === null) return { ok: false, problems: out.list };
  return { ok: true, row: { code, nameZh, nameEn, type, riskLevel, active } };
}

// ── risk assessments ───────────────────────────────────────────────────────────────────
export interface RiskInput {
  customerNo: string;
  riskLevel: RiskLevel;
  assessedAt: number;
}

export function validateRiskRow(get: FieldGetter, rules: RowRules): RowResult<RiskInput> {
  const out = new Problems(get);
  const no = customerNo(get, rules, out);
  let riskLevel: RiskLevel | null = null;
  const raw = text(get, 'risk_level');
  if (!raw) out.required('risk_level', '风险承受能力', 'Risk tolerance');
  else {
    const r = parseRiskTolerance(raw);
    if (r) riskLevel = Number(r) as RiskLevel;
    else
      out.enumBad(
        'risk_level',
        '风险承受能力',
        'risk tolerance',
        'C1–C5 或 保守型/稳健型/平衡型/成长型/进取型',
      );
  }
  let assessedAt: number | null = null;
  if (!text(get, 'assessed_at')) out.required('assessed_at', '评估日期', 'Assessment date');
  else assessedAt = pastInstant(get, 'assessed_at', ['评估日期', 'Assessed on'], rules, out);
  if (out.list.length > 0 || riskLevel === null || assessedAt === null)
    return { ok: false, problems: out.list };
  return { ok: true, row: { customerNo: no, riskLevel, assessedAt } };
}
