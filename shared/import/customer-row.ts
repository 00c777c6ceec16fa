/** A row of a customer file: every column checked, numbers validated, dates placed in the branch time zone. */
import {
  CORPORATE_GRADES,
  type CorporateGrade,
  type CorporateType,
  type CustomerKind,
  type RelationshipType,
  type Segment,
} from '../customer/enums';
import { validateBankCard, validateMobile, validateResidentId } from '../customer/ids';
import { maskCard } from '../customer/mask';
import {
  asciiFold,
  cellText,
  isoDate,
  parseCivil,
  parseFlag,
  splitList,
  validateCreditCode,
  zonedInstant,
} from './values';
import {
  type RowResult,
  type FieldGetter,
  type RowRules,
  Problems,
  text,
  pastInstant,
  customerNo,
  excelDigits,
} from './row-common';
import {
  parseKind,
  parseCorporateType,
  parseSegment,
  parseRelationship,
  parseCorporateGrade,
  parseGender,
} from './row-vocab';

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
