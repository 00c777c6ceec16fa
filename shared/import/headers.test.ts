import { describe, expect, it } from 'vitest';
import { FIELDS, fieldFor, knownHeaderCount, mapHeaders, normalizeHeader } from './headers';
import { IMPORT_KINDS } from './types';

describe('header normalisation', () => {
  it('ignores case, spaces, underscores, full-width forms and a trailing note', () => {
    expect(normalizeHeader('Customer_No')).toBe('customerno');
    expect(normalizeHeader(' Customer No. ')).toBe('customerno');
    expect(normalizeHeader('\uFEFF客户号')).toBe('客户号');
    expect(normalizeHeader('余额（元）')).toBe('余额');
    expect(normalizeHeader('余额(万元)')).toBe('余额');
    expect(normalizeHeader('手机号*')).toBe('手机号');
    expect(normalizeHeader('ＩＤ　Ｎｕｍｂｅｒ')).toBe('idnumber');
    expect(normalizeHeader('证件号码【必填】')).toBe('证件号码');
  });
});

describe('header mapping', () => {
  it.each([
    ['customers', '客户号', 'customer_no'],
    ['customers', 'customer_no', 'customer_no'],
    ['customers', 'CIF No', 'customer_no'],
    ['customers', '客户姓名', 'name'],
    ['customers', '户名', 'name'],
    ['customers', 'Name', 'name'],
    ['customers', '证件号码', 'id_number'],
    ['customers', '身份证号', 'id_number'],
    ['customers', 'id_number', 'id_number'],
    ['customers', '手机号码', 'phone'],
    ['customers', 'Mobile', 'phone'],
    ['customers', '联系电话', 'phone'],
    ['customers', '银行卡号', 'cards'],
    ['customers', '统一社会信用代码', 'credit_code'],
    ['customers', '开户日期', 'opened_at'],
    ['customers', '关联客户号', 'linked_customer_no'],
    ['customers', '客户经理', 'owner_rm'],
    ['customers', 'owner_rm', 'owner_rm'],
    ['customers', 'Owner', 'owner_rm'],
    ['customers', '备份客户经理', 'backup_rm'],
    ['customers', 'backup_rm', 'backup_rm'],
    ['holdings', '产品类型', 'product_type'],
    ['holdings', 'product_type', 'product_type'],
    ['holdings', '余额（元）', 'balance'],
    ['holdings', 'Balance', 'balance'],
    ['holdings', '数据日期', 'as_of'],
    ['products', '产品代码', 'code'],
    ['products', '产品名称', 'name_zh'],
    ['products', '英文名称', 'name_en'],
    ['products', '风险等级', 'risk_level'],
    ['risk', '风险承受能力', 'risk_level'],
    ['risk', 'C 风险等级', null],
    ['risk', '评估日期', 'assessed_at'],
  ] as const)('%s: %s → %s', (kind, header, key) => {
    expect(fieldFor(kind, header)).toBe(key);
  });

  it('has no alias that means two fields of one kind', () => {
    for (const kind of IMPORT_KINDS) {
      const seen = new Map<string, string>();
      for (const f of FIELDS[kind]) {
        for (const name of [f.key, f.label.zh, f.label.en, ...f.aliases]) {
          const n = normalizeHeader(name);
          expect(seen.get(n) ?? f.key, `${kind}: ${name}`).toBe(f.key);
          seen.set(n, f.key);
        }
      }
    }
  });

  it('maps a header row, ignoring unknown columns', () => {
    const r = mapHeaders('customers', ['客户号', '客户姓名', '备注', '', 'Mobile'], 1);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.map.columns).toEqual(['customer_no', 'name', null, null, 'phone']);
    expect(r.map.ignored).toEqual(['备注']);
    expect(r.map.headerOf.get('phone')).toBe('Mobile');
  });

  it('reports a missing required column and a column given twice, bilingually', () => {
    const r = mapHeaders('holdings', ['客户号', 'customer_no', '余额'], 3);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.code)).toEqual(['header_duplicate', 'header_missing']);
    expect(r.issues[1]).toMatchObject({
      line: 3,
      field: 'product_type',
      zh: expect.stringContaining('产品类型'),
      en: expect.stringContaining('Product type'),
    });
  });

  it('counts known headers, to skip title rows above the header', () => {
    expect(knownHeaderCount('customers', ['示范支行客户清单'])).toBe(0);
    expect(knownHeaderCount('customers', ['客户号', '客户姓名', '备注'])).toBe(2);
  });
});
