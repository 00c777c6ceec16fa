import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, residentIdCheckChar } from '../customer/ids';
import {
  validateCustomerRow,
  validateHoldingRow,
  validateProductRow,
  validateRiskRow,
  type FieldGetter,
  type HoldingRules,
  type RowRules,
} from './rows';
import type { Cell } from './types';

const NOW = Date.UTC(2026, 10, 20, 4);
const rules: RowRules = { now: NOW, timeZone: 'Asia/Shanghai', customerNoPattern: /^C\d{9}$/ };
const id = (birth: string, seq: number) => {
  const s = `330106${birth}${String(seq).padStart(3, '0')}`;
  return s + residentIdCheckChar(s);
};
const card = (n: number) => {
  const p = `622202${String(n).padStart(12, '0')}`;
  return p + luhnCheckDigit(p);
};
const row =
  (r: Record<string, Cell>): FieldGetter =>
  (k) =>
    k in r ? r[k] : undefined;
const codes = (res: { ok: boolean; problems?: { field: string | null; code: string }[] }) =>
  res.ok ? [] : (res.problems ?? []).map((p) => `${p.field}:${p.code}`);

describe('customer rows', () => {
  it('validates and normalises a good row; birth date and gender come from the ID', () => {
    const r = validateCustomerRow(
      row({
        customer_no: ' c100000001 ',
        name: '陈建华',
        id_number: id('19730512', 31).toLowerCase(),
        phone: '+86 138-5810-6688',
        cards: `${card(1)}；${card(2)}、${card(1)}`,
        segments: '企业高管;老年客户',
        marketing_consent: '同意',
        opened_at: '2017-11-26',
      }),
      rules,
    );
    expect(r).toEqual({
      ok: true,
      row: expect.objectContaining({
        customerNo: 'C100000001',
        kind: 'individual',
        idNumber: id('19730512', 31),
        phone: '13858106688',
        cards: [card(1), card(2)],
        birthDate: '1973-05-12',
        gender: 'M',
        segments: ['executive', 'elderly'],
        marketingConsent: true,
        relationshipType: 'passive',
        openedAt: Date.UTC(2017, 10, 25, 16),
      }),
    });
  });

  it('checks the ID check digit, the phone, the cards, dates and enums', () => {
    const bad = id('19730512', 31).slice(0, 17) + (id('19730512', 31).endsWith('0') ? '1' : '0');
    const r = validateCustomerRow(
      row({
        customer_no: 'X1',
        name: '',
        id_number: bad,
        phone: '1234',
        cards: card(3).slice(0, -1) + ((Number(card(3).slice(-1)) + 1) % 10),
        segments: '学生',
        relationship_type: '朋友',
        marketing_consent: '也许',
        opened_at: '2030-01-01',
        last_visit_at: 'yesterday',
      }),
      rules,
    );
    expect(codes(r)).toEqual([
      'customer_no:customer_no_format',
      'name:required',
      'id_number:id_check_digit',
      'phone:phone_format',
      'cards:card_luhn',
      'segments:enum',
      'relationship_type:enum',
      'marketing_consent:flag_format',
      'opened_at:date_future',
      'last_visit_at:date_format',
    ]);
    if (!r.ok)
      expect(r.problems.find((p) => p.field === 'id_number')?.value).toBe(
        `${bad.slice(0, 6)}********${bad.slice(-4)}`,
      );
  });

  it('refuses 15-digit IDs and IDs Excel stored as numbers', () => {
    expect(
      codes(
        validateCustomerRow(
          row({ customer_no: 'C100000001', name: '甲', id_number: '330106730512031' }),
          rules,
        ),
      ),
    ).toEqual(['id_number:id_legacy_15']);
    expect(
      codes(
        validateCustomerRow(
          row({ customer_no: 'C100000001', name: '甲', id_number: Number('330106197305120300') }),
          rules,
        ),
      ),
    ).toEqual(['id_number:excel_number']);
  });

  it('keeps the birth date and gender consistent with the ID', () => {
    const r = validateCustomerRow(
      row({
        customer_no: 'C100000001',
        name: '甲',
        id_number: id('19730512', 31),
        gender: '女',
        birth_date: '1973-05-13',
      }),
      rules,
    );
    expect(codes(r)).toEqual(['gender:gender_mismatch', 'birth_date:birth_mismatch']);
  });

  it('knows corporate customers: credit code, type and grade, no ID or gender', () => {
    const ok = validateCustomerRow(
      row({
        customer_no: 'C100000006',
        name: '杭州恒达贸易有限公司',
        credit_code: '91310104MA1FL0K37A',
        corporate_grade: '战略客户',
      }),
      rules,
    );
    expect(ok).toEqual({
      ok: true,
      row: expect.objectContaining({
        kind: 'corporate',
        corporateType: 'enterprise',
        corporateGrade: 'strategic',
        gender: null,
      }),
    });
    const bad = validateCustomerRow(
      row({
        customer_no: 'C100000006',
        name: '某公司',
        kind: '对公',
        id_number: id('19730512', 31),
        gender: '男',
      }),
      rules,
    );
    expect(codes(bad)).toEqual(['id_number:kind_mismatch', 'gender:kind_mismatch']);
    const person = validateCustomerRow(
      row({ customer_no: 'C100000001', name: '甲', kind: '个人', credit_code: '91310104MA1FL0K37A' }),
      rules,
    );
    expect(codes(person)).toEqual(['credit_code:kind_mismatch']);
  });

  it('refuses a customer linked to itself', () => {
    expect(
      codes(
        validateCustomerRow(
          row({ customer_no: 'C100000001', name: '甲', linked_customer_no: 'c100000001' }),
          rules,
        ),
      ),
    ).toEqual(['linked_customer_no:link_self']);
  });
});

describe('holding rows', () => {
  const hr: HoldingRules = {
    ...rules,
    products: new Map([
      ['DEBIT_CARD', 'demand_deposit'],
      ['WM_PRIVATE', 'wealth'],
    ]),
    defaultAsOf: null,
  };
  it('takes the product type from its code, money to fen, the date to the branch midnight', () => {
    expect(
      validateHoldingRow(
        row({ customer_no: 'C100000001', product_code: 'wm_private', balance: '500万', as_of: '2026-11-19' }),
        hr,
      ),
    ).toEqual({
      ok: true,
      row: {
        customerNo: 'C100000001',
        productType: 'wealth',
        productCode: 'WM_PRIVATE',
        balanceFen: 5_000_000_00,
        asOf: Date.UTC(2026, 10, 18, 16),
        maturityAt: null,
      },
    });
  });
  it('takes an optional maturity date, ahead or past, to the branch midnight; a bad one is reported', () => {
    const base = { customer_no: 'C100000001', product_type: '定期', balance: '1', as_of: '2026-11-19' };
    expect(validateHoldingRow(row({ ...base, maturity_date: '2027年1月5日' }), hr)).toMatchObject({
      ok: true,
      row: { maturityAt: Date.UTC(2027, 0, 4, 16) },
    });
    expect(validateHoldingRow(row({ ...base, maturity_date: '2026/11/01' }), hr)).toMatchObject({
      ok: true,
      row: { maturityAt: Date.UTC(2026, 9, 31, 16) },
    });
    const bad = validateHoldingRow(row({ ...base, maturity_date: '2026-02-30' }), hr);
    expect(codes(bad)).toEqual(['maturity_date:date_invalid']);
    expect(bad.ok ? null : bad.problems[0]).toMatchObject({ value: '2026-02-30' });
    expect(bad.ok ? '' : bad.problems[0]?.zh).toMatch(/^到期日：/);
    expect(bad.ok ? '' : bad.problems[0]?.en).toMatch(/^Maturity date: /);
  });
  it('checks the product code exists and matches the type', () => {
    expect(
      codes(
        validateHoldingRow(
          row({ customer_no: 'C100000001', product_code: 'NOPE', balance: '1', as_of: '2026-11-19' }),
          hr,
        ),
      ),
    ).toEqual(['product_code:product_unknown']);
    expect(
      codes(
        validateHoldingRow(
          row({
            customer_no: 'C100000001',
            product_type: '基金',
            product_code: 'DEBIT_CARD',
            balance: '1',
            as_of: '2026-11-19',
          }),
          hr,
        ),
      ),
    ).toEqual(['product_type:product_type_mismatch']);
    expect(
      codes(
        validateHoldingRow(
          row({ customer_no: 'C100000001', product_type: '股票', balance: '1', as_of: '2026-11-19' }),
          hr,
        ),
      ),
    ).toEqual(['product_type:enum']);
  });
  it('needs a balance and a date (the column, or one for the whole file)', () => {
    expect(codes(validateHoldingRow(row({ customer_no: 'C100000001', product_type: '活期' }), hr))).toEqual([
      'balance:required',
      'as_of:required',
    ]);
    expect(
      validateHoldingRow(row({ customer_no: 'C100000001', product_type: '活期', balance: '1' }), {
        ...hr,
        defaultAsOf: 123,
      }),
    ).toMatchObject({
      ok: true,
      row: { asOf: 123 },
    });
  });
});

describe('product rows', () => {
  it('validates code, names, type and risk level', () => {
    expect(
      validateProductRow(row({ code: 'wm_x', name_zh: '某理财', type: '理财', risk_level: 'R3' })),
    ).toEqual({
      ok: true,
      row: { code: 'WM_X', nameZh: '某理财', nameEn: '某理财', type: 'wealth', riskLevel: 3, active: true },
    });
    expect(codes(validateProductRow(row({ code: 'A B', name_zh: '', type: '基金' })))).toEqual([
      'code:product_code_format',
      'name_zh:required',
      'risk_level:risk_required',
    ]);
    expect(
      codes(
        validateProductRow(row({ code: 'X', name_zh: 'x', type: '存款?', risk_level: 'R9', active: '也许' })),
      ),
    ).toEqual(['type:enum', 'risk_level:enum', 'active:flag_format']);
  });
});

describe('risk assessment rows', () => {
  it.each([
    ['C4', 4],
    ['4', 4],
    ['稳健型', 2],
    ['进取型', 5],
    ['保守型', 1],
  ])('%s → level %i', (s, level) => {
    expect(
      validateRiskRow(row({ customer_no: 'C100000001', risk_level: s, assessed_at: '2026-01-01' }), rules),
    ).toMatchObject({
      ok: true,
      row: { riskLevel: level },
    });
  });
  it('needs a level and a past date', () => {
    expect(
      codes(
        validateRiskRow(
          row({ customer_no: 'C100000001', risk_level: 'R4', assessed_at: '2027-01-01' }),
          rules,
        ),
      ),
    ).toEqual(['risk_level:enum', 'assessed_at:date_future']);
  });
});
