import { describe, expect, it } from 'vitest';
import { PRODUCT_TYPES } from '../customer/enums';
import type { Product } from './catalogue';
import { productSchema, productsSchema } from './catalogue';
import { defaultProducts } from './catalogue-data';

const base: Product = {
  code: 'X_TEST',
  name: { zh: '测试', en: 'Test' },
  type: 'wealth',
  riskLevel: 2,
  investment: true,
  marketing: true,
  kinds: ['individual'],
  pitch: { zh: '测试', en: 'Test' },
};

describe('defaultProducts', () => {
  it('is valid, with unique codes', () => {
    expect(productsSchema.safeParse(defaultProducts).success).toBe(true);
  });

  it('covers every product type the seeds name', () => {
    const types = new Set(defaultProducts.map((p) => p.type));
    for (const t of PRODUCT_TYPES) expect(types, t).toContain(t);
  });

  it('includes the products DOMAIN.md §3 lists', () => {
    const names = defaultProducts.map((p) => p.name.zh).join('|');
    for (const word of [
      '定期',
      '七天',
      '理财',
      '基金',
      '年金',
      '信托',
      '家族信托',
      '信用卡',
      '消费贷',
      '住房贷款',
      '商户小额',
      '春耕贷',
      '代发工资',
      '手机银行',
      'POS',
      '代收代付',
      '流动资金贷款',
      '固定资产贷款',
      '承兑汇票',
      '供应链金融',
      '结算',
    ]) {
      expect(names, word).toContain(word);
    }
  });

  it('gives every investment product a risk level and every other product none', () => {
    for (const p of defaultProducts) expect(p.riskLevel !== null, p.code).toBe(p.investment);
  });

  it('keeps trusts for high-tier clients with high minimums, and spring microcredit for rural customers only', () => {
    for (const p of defaultProducts.filter((x) => x.type === 'trust')) {
      expect(p.minAmountFen ?? 0).toBeGreaterThanOrEqual(100_000_000);
      expect(p.tiers).toBeDefined();
    }
    const spring = defaultProducts.find((p) => p.code === 'LOAN_SPRING');
    expect(spring).toMatchObject({ segments: ['rural'], segmentsRequired: true });
  });

  it('makes mobile-banking activation service information, usable without marketing consent', () => {
    expect(defaultProducts.find((p) => p.code === 'EB_MOBILE')?.marketing).toBe(false);
  });

  it('never promises a return in a pitch (理财销售不得承诺收益)', () => {
    for (const p of defaultProducts) {
      expect(p.pitch.zh, p.code).not.toMatch(/保证收益|稳赚|保本保息|零风险/);
    }
  });
});

describe('productSchema', () => {
  it('accepts a minimal product', () => {
    expect(productSchema.safeParse(base).success).toBe(true);
  });
  it('refuses an investment product without a risk level, and a risk level on a non-investment', () => {
    expect(productSchema.safeParse({ ...base, riskLevel: null }).success).toBe(false);
    expect(productSchema.safeParse({ ...base, investment: false }).success).toBe(false);
    expect(productSchema.safeParse({ ...base, riskLevel: 6 }).success).toBe(false);
  });
  it('refuses inverted age limits, segmentsRequired without segments and unknown placeholders', () => {
    expect(productSchema.safeParse({ ...base, minAge: 60, maxAge: 30 }).success).toBe(false);
    expect(productSchema.safeParse({ ...base, segmentsRequired: true }).success).toBe(false);
    expect(productSchema.safeParse({ ...base, pitch: { zh: '{rate}', en: 'x' } }).success).toBe(false);
    expect(productSchema.safeParse({ ...base, pitch: { zh: '再存{gap}', en: 'add {gap}' } }).success).toBe(
      true,
    );
  });
  it('refuses malformed codes and tags, empty kinds and duplicate codes', () => {
    expect(productSchema.safeParse({ ...base, code: 'lower' }).success).toBe(false);
    expect(productSchema.safeParse({ ...base, tags: ['Bad Tag'] }).success).toBe(false);
    expect(productSchema.safeParse({ ...base, kinds: [] }).success).toBe(false);
    expect(productsSchema.safeParse([base, base]).success).toBe(false);
  });
});
