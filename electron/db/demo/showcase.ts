/**
 * The seven hand-picked customers at the head of every demo data set, whatever the seed.
 * UI and end-to-end tests rely on them: their numbers below never change. Dates are relative
 * to `now`; birth dates are fixed, so ages are as of 2026.
 *
 * | customerNo | who | tier (AUM) | shows |
 * |---|---|---|---|
 * | C100000001 | 陈建华, M, b. 1973 | 私行 ¥12,860,000 | executive, 公私联动 with C100000006, VIP room |
 * | C100000002 | 刘子豪, M, b. 2001 | 潜力 ¥3,000 | new customer, no risk assessment, no mobile banking yet |
 * | C100000003 | 王秀英, F, b. 1954 (72) | 中端 ¥286,000 | elderly + women: lobby priority, savings and short wealth |
 * | C100000004 | 张伟, M, b. 1988 | 有效 ¥46,800 | "还差 ¥3,200 到中端" (the 5万达标 nudge) |
 * | C100000005 | 李建国, M, b. 1968, 淳安县 | 有效 ¥18,500 | rural planter, low-frequency, no spring-planting loan yet |
 * | C100000006 | 杭州恒达贸易有限公司 | strategic enterprise | corporate, linked to C100000001 |
 * | C100000007 | 周丽娟, F, b. 1979 | 高端 ¥1,280,000 | merchant + women, POS |
 *
 * Their IDs use region codes the generator never issues (SHOWCASE_REGION_CODES), their phones
 * the prefix 138 (absent from PHONE_PREFIXES), and their cards a 9 where generated cards carry
 * the slot digit (0–8), so they can never collide with a generated customer.
 */
import type { CustomerKind, ProductType } from '../../../shared/customer/enums';
import type { TierKey } from '../../../shared/customer/tier';
import { BRANCH_UTC_OFFSET, DAY, HOUR, YEAR, type DemoCustomer, type DemoHolding } from './types';

export const SHOWCASE_COUNT = 7;

export interface ShowcaseEntry {
  customerNo: string;
  kind: CustomerKind;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  phone: string;
  /** One of the customer's cards (null: a corporate customer has none). */
  card: string | null;
  /** Tier by AUM under the default bands. */
  tier: TierKey;
  aumFen: number;
}

export const SHOWCASE = {
  private: {
    customerNo: 'C100000001',
    kind: 'individual',
    name: '陈建华',
    idNumber: '330106197305120313',
    creditCode: null,
    phone: '13858106688',
    card: '6222025719368712048',
    tier: 'private',
    aumFen: 1_286_000_000,
  },
  potential: {
    customerNo: 'C100000002',
    kind: 'individual',
    name: '刘子豪',
    idNumber: '330106200109230579',
    creditCode: null,
    phone: '13867251904',
    card: '6212265719509133781',
    tier: 'potential',
    aumFen: 300_000,
  },
  elderly: {
    customerNo: 'C100000003',
    kind: 'individual',
    name: '王秀英',
    idNumber: '330106195403080424',
    creditCode: null,
    phone: '13805718863',
    card: '6217005719172645305',
    tier: 'mid',
    aumFen: 28_600_000,
  },
  effective: {
    customerNo: 'C100000004',
    kind: 'individual',
    name: '张伟',
    idNumber: '330106198811300151',
    creditCode: null,
    phone: '13857932046',
    card: '6222025719884102674',
    tier: 'effective',
    aumFen: 4_680_000,
  },
  rural: {
    customerNo: 'C100000005',
    kind: 'individual',
    name: '李建国',
    idNumber: '330127196804152130',
    creditCode: null,
    phone: '13868745210',
    card: '6228481279640258918',
    tier: 'effective',
    aumFen: 1_850_000,
  },
  corporate: {
    customerNo: 'C100000006',
    kind: 'corporate',
    name: '杭州恒达贸易有限公司',
    idNumber: null,
    creditCode: '91330106572846132H',
    phone: '13805716600',
    card: null,
    tier: 'private',
    aumFen: 4_865_341_726,
  },
  merchant: {
    customerNo: 'C100000007',
    kind: 'individual',
    name: '周丽娟',
    idNumber: '330106197908210684',
    creditCode: null,
    phone: '13819073351',
    card: '6217005719029586439',
    tier: 'high',
    aumFen: 128_000_000,
  },
} as const satisfies Record<string, ShowcaseEntry>;

/** The showcase customer at index `i` (0–6) as of `now`; links only to customers within `count`. */
export function showcaseCustomer(i: number, now: number, count: number): DemoCustomer {
  const asOf = Math.floor((now + BRANCH_UTC_OFFSET) / DAY) * DAY - BRANCH_UTC_OFFSET;
  const h = (productType: ProductType, productCode: string, balanceFen: number): DemoHolding => ({
    productType,
    productCode,
    balanceFen,
    asOf,
  });
  const linked = count >= 6;
  const s = SHOWCASE;
  switch (i) {
    case 0:
      return {
        customerNo: s.private.customerNo,
        kind: 'individual',
        corporateType: null,
        name: s.private.name,
        idNumber: s.private.idNumber,
        creditCode: null,
        phone: s.private.phone,
        cards: [s.private.card],
        birthDate: '1973-05-12',
        gender: 'M',
        segments: ['executive'],
        relationshipType: 'partnership',
        corporateGrade: null,
        riskLevel: 4,
        riskAssessedAt: now - 90 * DAY,
        marketingConsent: true,
        linkedCustomerNo: linked ? s.corporate.customerNo : null,
        createdAt: now - 9 * YEAR,
        lastVisitAt: now - 6 * DAY,
        lastTxnAt: now - 1 * DAY,
        holdings: [
          h('demand_deposit', 'DEBIT_CARD', 58_632_145),
          h('wealth', 'WM_PRIVATE', 500_000_000),
          h('time_deposit', 'TD_LARGE_CD', 300_000_000),
          h('fund', 'FUND_BALANCED', 427_367_855),
          h('payroll', 'PAYROLL', 0),
        ],
      };
    case 1:
      return {
        customerNo: s.potential.customerNo,
        kind: 'individual',
        corporateType: null,
        name: s.potential.name,
        idNumber: s.potential.idNumber,
        creditCode: null,
        phone: s.potential.phone,
        cards: [s.potential.card],
        birthDate: '2001-09-23',
        gender: 'M',
        segments: [],
        relationshipType: 'passive',
        corporateGrade: null,
        riskLevel: null,
        riskAssessedAt: null,
        marketingConsent: true,
        linkedCustomerNo: null,
        createdAt: now - 12 * DAY,
        lastVisitAt: now - 12 * DAY + 25 * 60_000,
        lastTxnAt: now - 3 * DAY,
        holdings: [h('demand_deposit', 'DEBIT_CARD', 300_000)],
      };
    case 2:
      return {
        customerNo: s.elderly.customerNo,
        kind: 'individual',
        corporateType: null,
        name: s.elderly.name,
        idNumber: s.elderly.idNumber,
        creditCode: null,
        phone: s.elderly.phone,
        cards: [s.elderly.card],
        birthDate: '1954-03-08',
        gender: 'F',
        segments: ['elderly', 'women'],
        relationshipType: 'responsible',
        corporateGrade: null,
        riskLevel: 2,
        riskAssessedAt: now - 150 * DAY,
        marketingConsent: true,
        linkedCustomerNo: null,
        createdAt: now - 18 * YEAR,
        lastVisitAt: now - 20 * DAY,
        lastTxnAt: now - 20 * DAY,
        holdings: [
          h('demand_deposit', 'DEBIT_CARD', 1_587_320),
          h('time_deposit', 'TD_SILVER', 20_000_000),
          h('wealth_short', 'WM_QUARTER', 7_012_680),
        ],
      };
    case 3:
      return {
        customerNo: s.effective.customerNo,
        kind: 'individual',
        corporateType: null,
        name: s.effective.name,
        idNumber: s.effective.idNumber,
        creditCode: null,
        phone: s.effective.phone,
        cards: [s.effective.card, '6259659307481521'],
        birthDate: '1988-11-30',
        gender: 'M',
        segments: [],
        relationshipType: 'responsible',
        corporateGrade: null,
        riskLevel: 3,
        riskAssessedAt: now - 60 * DAY,
        marketingConsent: true,
        linkedCustomerNo: null,
        createdAt: now - 6 * YEAR,
        lastVisitAt: now - 40 * DAY,
        lastTxnAt: now - 2 * DAY,
        holdings: [
          h('demand_deposit', 'DEBIT_CARD', 680_000),
          h('time_deposit', 'TD_STANDARD', 4_000_000),
          h('e_banking', 'EB_MOBILE', 0),
          h('credit_card', 'CC_STANDARD', 352_000),
        ],
      };
    case 4:
      return {
        customerNo: s.rural.customerNo,
        kind: 'individual',
        corporateType: null,
        name: s.rural.name,
        idNumber: s.rural.idNumber,
        creditCode: null,
        phone: s.rural.phone,
        cards: [s.rural.card],
        birthDate: '1968-04-15',
        gender: 'M',
        segments: ['rural'],
        relationshipType: 'passive',
        corporateGrade: null,
        riskLevel: 1,
        riskAssessedAt: now - 200 * DAY,
        marketingConsent: true,
        linkedCustomerNo: null,
        createdAt: now - 15 * YEAR,
        lastVisitAt: now - 120 * DAY,
        lastTxnAt: now - 100 * DAY,
        holdings: [h('demand_deposit', 'DEBIT_CARD', 850_000), h('time_deposit', 'TD_STANDARD', 1_000_000)],
      };
    case 5:
      return {
        customerNo: s.corporate.customerNo,
        kind: 'corporate',
        corporateType: 'enterprise',
        name: s.corporate.name,
        idNumber: null,
        creditCode: s.corporate.creditCode,
        phone: s.corporate.phone,
        cards: [],
        birthDate: null,
        gender: null,
        segments: [],
        relationshipType: 'partnership',
        corporateGrade: 'strategic',
        riskLevel: 3,
        riskAssessedAt: now - 100 * DAY,
        marketingConsent: true,
        linkedCustomerNo: s.private.customerNo,
        createdAt: now - 12 * YEAR,
        lastVisitAt: now - 3 * DAY,
        lastTxnAt: now - 5 * HOUR,
        holdings: [
          h('demand_deposit', 'CORP_SETTLEMENT', 2_865_341_726),
          h('time_deposit', 'CORP_AGREEMENT', 2_000_000_000),
          h('corporate_loan', 'CORP_WC_LOAN', 5_000_000_000),
          h('payroll', 'PAYROLL', 0),
          h('e_banking', 'CORP_EB', 0),
        ],
      };
    case 6:
      return {
        customerNo: s.merchant.customerNo,
        kind: 'individual',
        corporateType: null,
        name: s.merchant.name,
        idNumber: s.merchant.idNumber,
        creditCode: null,
        phone: s.merchant.phone,
        cards: [s.merchant.card],
        birthDate: '1979-08-21',
        gender: 'F',
        segments: ['merchant', 'women'],
        relationshipType: 'proactive',
        corporateGrade: null,
        riskLevel: 3,
        riskAssessedAt: now - 30 * DAY,
        marketingConsent: true,
        linkedCustomerNo: null,
        createdAt: now - 8 * YEAR,
        lastVisitAt: now - 9 * DAY,
        lastTxnAt: now - 1 * HOUR,
        holdings: [
          h('demand_deposit', 'DEBIT_CARD', 17_956_233),
          h('wealth_7day', 'WM_7DAY', 30_000_000),
          h('wealth_short', 'WM_QUARTER', 50_000_000),
          h('fund', 'FUND_BOND', 30_043_767),
          h('pos', 'POS_MERCHANT', 0),
        ],
      };
    default:
      throw new RangeError(`showcase index ${i} is not 0–${SHOWCASE_COUNT - 1}`);
  }
}
