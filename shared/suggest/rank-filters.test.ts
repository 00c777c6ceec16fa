import { describe, expect, it } from 'vitest';
import type { Product } from './catalogue';
import { defaultSuggestConfig } from './config';
import { hasValidRiskAssessment } from './rank';
import { allCfg, cfg, codes, DAY, hint, JULY, prod, rank, rankAll, WANT_ALL } from './rank.fixtures';

describe('hard filters', () => {
  it('suitability: never above the assessed tolerance', () => {
    for (const level of [1, 2, 3, 4, 5] as const) {
      const r = rankAll({ riskLevel: level }, ['wealth']);
      for (const i of r.items) if (i.riskLevel !== null) expect(i.riskLevel).toBeLessThanOrEqual(level);
      expect(hint(r, 'risk_assessment_needed')).toBeUndefined();
    }
    const c2 = rankAll({ riskLevel: 2 });
    expect(c2.excluded.risk_level).toBeGreaterThan(0);
    expect(codes(c2)).toContain('WM_7DAY');
    expect(codes(c2)).not.toContain('WM_PLUS');
  });

  it('suitability: without an assessment only R1 and non-investment products, with a hint', () => {
    const r = rankAll({ riskLevel: null, riskAssessedAt: null });
    for (const i of r.items) expect(i.riskLevel === null || i.riskLevel === 1).toBe(true);
    expect(codes(r)).toContain('WM_CASH');
    expect(r.excluded.risk_assessment).toBeGreaterThan(0);
    expect(hint(r, 'risk_assessment_needed')?.zh).toContain('需先做风险测评');
    expect(hint(r, 'risk_assessment_needed')?.en).toContain('Risk assessment needed first');
    expect(hint(r, 'risk_assessment_needed')?.en).toContain('no assessment on file');
    // a level without a date is not an assessment either
    expect(rankAll({ riskLevel: 5, riskAssessedAt: null }).items.every((i) => (i.riskLevel ?? 1) <= 1)).toBe(
      true,
    );
  });

  it('suitability: an assessment is valid for riskAssessmentValidDays, inclusive', () => {
    const at365 = rankAll({ riskLevel: 5, riskAssessedAt: JULY - 365 * DAY });
    expect(at365.items.some((i) => (i.riskLevel ?? 0) > 1)).toBe(true);
    const expired = rankAll({ riskLevel: 5, riskAssessedAt: JULY - 365 * DAY - 1 });
    expect(expired.items.every((i) => (i.riskLevel ?? 1) <= 1)).toBe(true);
    expect(hint(expired, 'risk_assessment_needed')?.zh).toContain('已超过365天有效期');
    expect(
      rankAll({ riskLevel: 5, riskAssessedAt: JULY - 200 * DAY }, [], {
        riskAssessmentValidDays: 180,
      }).items.every((i) => (i.riskLevel ?? 1) <= 1),
    ).toBe(true);
    expect(hasValidRiskAssessment({ riskLevel: 3, riskAssessedAt: JULY }, JULY + 365 * DAY, 365)).toBe(true);
    expect(hasValidRiskAssessment({ riskLevel: 3, riskAssessedAt: JULY }, JULY + 365 * DAY + 1, 365)).toBe(
      false,
    );
  });

  it('suitability: no hint when nothing was held back for want of an assessment', () => {
    const r = rank({ riskLevel: null, riskAssessedAt: null }, ['all'], cfg([prod('TD')], [], WANT_ALL));
    expect(codes(r)).toEqual(['TD']);
    expect(hint(r, 'risk_assessment_needed')).toBeUndefined();
  });

  it('consent: without marketing consent only service information, with a hint', () => {
    const r = rankAll({ marketingConsent: false });
    expect(r.items.length).toBeGreaterThan(0);
    for (const i of r.items) expect(i.marketing).toBe(false);
    expect(r.excluded.consent).toBeGreaterThan(0);
    expect(hint(r, 'no_marketing_consent')).toBeDefined();
    expect(rank({ marketingConsent: false }, [], cfg([prod('A')])).hints.map((h) => h.code)).toContain(
      'no_marketing_consent',
    );
  });

  it('quiet visits: a complaint gets service information only', () => {
    const r = rankAll({}, ['complaint', 'wealth']);
    for (const i of r.items) expect(i.marketing).toBe(false);
    expect(r.excluded.quiet_visit).toBeGreaterThan(0);
    expect(hint(r, 'quiet_visit')).toBeDefined();
  });

  it('kind: individuals never see corporate products and vice versa', () => {
    const ind = rankAll({});
    for (const i of ind.items) expect(i.productCode.startsWith('CORP_')).toBe(false);
    const corp = rankAll({ kind: 'corporate', age: null, corporateGrade: 'general' });
    const kinds = new Map(defaultSuggestConfig.products.map((p) => [p.code, p.kinds]));
    for (const i of corp.items) expect(kinds.get(i.productCode)).toContain('corporate');
    expect(corp.excluded.kind).toBeGreaterThan(0);
  });

  it('age: limits apply, and an unknown age fails any product that has one', () => {
    const young = codes(rankAll({ age: 17 }));
    expect(young).not.toContain('CC_STANDARD');
    expect(young).not.toContain('LOAN_CONSUMER');
    const old = codes(rankAll({ age: 70 }));
    expect(old).not.toContain('INS_ANNUITY');
    expect(old).not.toContain('LOAN_MORTGAGE');
    const atMax = codes(rankAll({ age: 65 }));
    expect(atMax).toContain('INS_ANNUITY');
    const unknown = rankAll({ age: null });
    const limited = new Set(
      defaultSuggestConfig.products
        .filter((p) => p.minAge !== undefined || p.maxAge !== undefined)
        .map((p) => p.code),
    );
    for (const i of unknown.items) expect(limited.has(i.productCode)).toBe(false);
  });

  it('tier-exclusive products only for their tiers', () => {
    expect(codes(rankAll({ tier: 'high', aumFen: 300_000_000, riskLevel: 5 }))).not.toContain('WM_PRIVATE');
    expect(codes(rankAll({ tier: 'private', aumFen: 800_000_000, riskLevel: 5 }))).toContain('WM_PRIVATE');
  });

  it('segmentsRequired: spring microcredit only for rural customers, however they ask', () => {
    expect(codes(rankAll({ segments: ['merchant'] }, ['loan']))).not.toContain('LOAN_SPRING');
    expect(codes(rankAll({ segments: ['rural'] }, ['loan']))).toContain('LOAN_SPRING');
    // without segmentsRequired a segment only targets: the merchant loan can reach others who ask for a loan
    expect(codes(rankAll({ segments: [] }, ['loan']))).toContain('LOAN_MERCHANT');
  });

  it('holdings: nothing already held unless it allows top-up; single-holding types count by type', () => {
    const holding = (productType: Product['type'], productCode: string | null) => ({
      productType,
      productCode,
      balanceFen: 1,
    });
    const r = rank(
      {
        holdings: [
          holding('insurance', 'INS_CRITICAL'),
          holding('time_deposit', 'TD_STANDARD'),
          holding('e_banking', null),
          holding('wealth', null),
        ],
      },
      ['all'],
      allCfg(),
    );
    expect(codes(r)).not.toContain('INS_CRITICAL');
    expect(codes(r)).toContain('TD_STANDARD');
    expect(codes(r)).not.toContain('EB_MOBILE');
    expect(codes(r)).toContain('WM_STEADY_1Y');
    expect(r.excluded.held).toBe(2);
  });

  it('minimum amounts: small thresholds are within reach, big ones need assets here, loans are not filtered', () => {
    const products = [
      prod('SMALL', { minAmountFen: 1_000_000, tags: ['x'] }),
      prod('BIG', { minAmountFen: 20_000_000, tags: ['x'] }),
      prod('LOAN', { type: 'consumer_loan', minAmountFen: 50_000_000, tags: ['x'] }),
    ];
    const config = cfg(products, [], { intentAffinity: { want: [{ tags: ['x'] }] } });
    const poor = rank({ tier: 'potential', aumFen: 0 }, ['want'], config);
    expect(codes(poor).sort()).toEqual(['LOAN', 'SMALL']);
    expect(poor.excluded.min_amount).toBe(1);
    expect(codes(rank({ aumFen: 10_000_000 }, ['want'], config))).toContain('BIG'); // 2 × 10万 covers 20万
    expect(codes(rank({ aumFen: 9_999_999 }, ['want'], config))).not.toContain('BIG');
    const strict = { ...config, minAmount: { ...config.minAmount, aumMultiple: 1 } };
    expect(codes(rank({ aumFen: 10_000_000 }, ['want'], strict))).not.toContain('BIG');
  });

  it('inactive products are never suggested', () => {
    const r = rank(
      {},
      ['x'],
      cfg([prod('OLD', { active: false, tags: ['x'] })], [], { intentAffinity: { x: [{ tags: ['x'] }] } }),
    );
    expect(r.items).toEqual([]);
    expect(r.excluded).toEqual({ inactive: 1 });
  });
});
