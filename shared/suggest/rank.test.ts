import { describe, expect, it } from 'vitest';
import { defaultCustomerConfig } from '../customer/config';
import { PRODUCT_TYPES } from '../customer/enums';
import type { Campaign } from './campaigns';
import type { Product } from './catalogue';
import type { SuggestConfig } from './config';
import { defaultSuggestConfig } from './config';
import type { SuggestContext, SuggestCustomer, SuggestResult } from './rank';
import { hasValidRiskAssessment, nextTierGap, rankSuggestions } from './rank';

const DAY = 86_400_000;
const JULY = Date.UTC(2026, 6, 15, 2); // Q3
const MARCH = Date.UTC(2026, 2, 10, 2); // Q1, spring planting
const bands = defaultCustomerConfig.tiers;
const ctx = (now = JULY): SuggestContext => ({ now, timeZone: 'Asia/Shanghai', tierBands: bands });

function customer(over: Partial<SuggestCustomer> = {}): SuggestCustomer {
  return {
    kind: 'individual',
    tier: 'mid',
    aumFen: 20_000_000,
    segments: [],
    lifecycle: 'active',
    age: 40,
    riskLevel: 3,
    riskAssessedAt: JULY - 30 * DAY,
    marketingConsent: true,
    holdings: [],
    corporateGrade: null,
    hasLinkedEntity: false,
    ...over,
  };
}

function rank(
  c: Partial<SuggestCustomer>,
  intents: string[] = [],
  config: SuggestConfig = defaultSuggestConfig,
  now = JULY,
) {
  return rankSuggestions(customer(c), { intents }, config, ctx(now));
}

const codes = (r: SuggestResult) => r.items.map((i) => i.productCode);
const item = (r: SuggestResult, code: string) => r.items.find((i) => i.productCode === code);
const hint = (r: SuggestResult, code: string) => r.hints.find((h) => h.code === code);

/** A bare product: no goals or tags, so only what a test adds scores it. */
function prod(code: string, over: Partial<Product> = {}): Product {
  return {
    code,
    name: { zh: `产品${code}`, en: `Product ${code}` },
    type: 'time_deposit',
    riskLevel: null,
    investment: false,
    marketing: true,
    kinds: ['individual'],
    pitch: { zh: `${code}的卖点。`, en: `${code} pitch.` },
    ...over,
  };
}

/** The default rules with a custom catalogue and campaigns, and a large topN so filters can be checked. */
function cfg(
  products: Product[],
  campaigns: Campaign[] = [],
  over: Partial<SuggestConfig> = {},
): SuggestConfig {
  return { ...defaultSuggestConfig, topN: 1000, maxPerType: 1000, products, campaigns, ...over };
}

/** Every product is wanted by the visit (intent `all`), so only hard filters decide what appears. */
const WANT_ALL = {
  intentAffinity: { ...defaultSuggestConfig.intentAffinity, all: [{ types: [...PRODUCT_TYPES] }] },
};
const allCfg = (over: Partial<SuggestConfig> = {}) =>
  cfg(defaultSuggestConfig.products, [], { ...WANT_ALL, ...over });
const rankAll = (c: Partial<SuggestCustomer>, intents: string[] = [], over: Partial<SuggestConfig> = {}) =>
  rank(c, ['all', ...intents], allCfg(over));

describe('ranking rules', () => {
  it('tier_goal: a 潜力 customer is steered to mobile banking first', () => {
    const r = rank({ tier: 'potential', aumFen: 300_000 });
    expect(r.items[0]?.productCode).toBe('EB_MOBILE');
    expect(r.items[0]?.rules).toContain('tier_goal');
    const config = cfg([prod('EC', { type: 'e_banking', goals: ['activate_e_channel'] })]);
    expect(rank({ tier: 'potential', aumFen: 0 }, [], config).items[0]?.breakdown).toEqual([
      // e-channels weigh 1.2 in the 潜力 goal
      { rule: 'tier_goal', points: defaultSuggestConfig.weights.tierGoal * 1.2 },
    ]);
    expect(rank({ tier: 'mid' }, [], config).items).toEqual([]);
  });

  it('next_tier_gap: says how much more reaches the next tier, in round yuan', () => {
    const r = rank({ tier: 'effective', aumFen: 4_680_000 });
    expect(r.nextTier).toEqual({ tier: 'mid', name: { zh: '中端客户', en: 'Mid-tier' }, gapFen: 320_000 });
    expect(hint(r, 'next_tier_gap')).toMatchObject({
      zh: '距中端客户还差 ¥3,200',
      en: '¥3,200 short of Mid-tier',
    });
    const td = item(r, 'TD_STANDARD');
    expect(td?.rules).toContain('next_tier_gap');
    expect(td?.say.zh).toContain('您再存 ¥3,200 就升级为中端客户');
    // the gap only counts for products that add to AUM
    expect(
      r.items.filter((i) => i.rules.includes('next_tier_gap')).every((i) => i.type !== 'e_banking'),
    ).toBe(true);
  });

  it('next_tier_gap: uses its own line when no campaign speaks first', () => {
    const config = cfg([prod('TD')]);
    const r = rank({ tier: 'effective', aumFen: 4_680_000 }, [], config);
    expect(r.items[0]?.rules).toEqual(['next_tier_gap']);
    expect(r.items[0]?.say).toEqual({
      zh: '您再存 ¥3,200 就升级为中端客户，TD的卖点。',
      en: 'Just ¥3,200 more and you become a Mid-tier customer. TD pitch.',
    });
    // ¥3,199.01 still needs ¥3,200 in round figures
    expect(rank({ tier: 'effective', aumFen: 4_680_099 }, [], config).items[0]?.say.zh).toContain('¥3,200');
  });

  it('next_tier_gap: only within the configured share of the next band, only for kinds the bands apply to', () => {
    const config = cfg([prod('TD')]);
    // gap 35,000 > 30% of 50,000: no nudge, but the hint still tells the teller
    const far = rank({ tier: 'effective', aumFen: 1_500_000 }, [], config);
    expect(far.items).toEqual([]);
    expect(far.nextTier?.gapFen).toBe(3_500_000);
    const wide = { ...config, nextTierGap: { ...config.nextTierGap, maxShareOfNextTier: 1 } };
    expect(rank({ tier: 'effective', aumFen: 1_500_000 }, [], wide).items[0]?.rules).toEqual([
      'next_tier_gap',
    ]);
    const corp = rank(
      { kind: 'corporate', tier: 'effective', aumFen: 4_680_000 },
      [],
      cfg([prod('TD', { kinds: ['corporate'] })]),
    );
    expect(corp.items).toEqual([]);
    expect(corp.nextTier).toBeNull();
    expect(hint(corp, 'next_tier_gap')).toBeUndefined();
  });

  it('next_tier_gap: none at the top tier or when the stored tier is stale', () => {
    expect(rank({ tier: 'private', aumFen: 800_000_000 }).nextTier).toBeNull();
    expect(rank({ tier: 'effective', aumFen: 6_000_000 }).nextTier).toBeNull();
  });

  it('segment_need and segment_target: elderly customers get savings, insurance and short-term wealth', () => {
    const r = rank({ age: 68, segments: ['elderly'] });
    const types = new Set(r.items.map((i) => i.type));
    for (const t of types) expect(['time_deposit', 'insurance', 'wealth_7day', 'wealth_short']).toContain(t);
    expect(item(r, 'TD_SILVER')?.rules).toEqual(expect.arrayContaining(['segment_need', 'segment_target']));
    expect(r.items[0]?.productCode).toBe('TD_SILVER');
  });

  it('segment_need: each segment’s table applies (merchant, executive, women)', () => {
    // merchants: short-term wealth for idle cash first (seed 004), then settlement, change and microloans
    const merchant = rank({ segments: ['merchant'] });
    expect(merchant.items.slice(0, 3).every((i) => ['wealth_7day', 'wealth_short'].includes(i.type))).toBe(
      true,
    );
    expect(codes(merchant)).toEqual(expect.arrayContaining(['CASH_CHANGE', 'LOAN_MERCHANT']));
    const wider = { ...defaultSuggestConfig, topN: 10 };
    expect(item(rank({ segments: ['merchant'] }, [], wider), 'POS_MERCHANT')?.rules).toEqual([
      'segment_need',
      'segment_target',
    ]);
    expect(item(rank({ segments: ['executive'] }), 'PAYROLL')?.rules).toContain('segment_need');
    const women = rank({ segments: ['women'], age: 35 });
    expect(women.items.some((i) => ['INS_EDU', 'FUND_EDU_DCA', 'WM_PLUS'].includes(i.productCode))).toBe(
      true,
    );
  });

  it('segment_need: counts once per matching segment', () => {
    const config = cfg([prod('TD', { tags: ['pension', 'allocation'] })]);
    const one = rank({ segments: ['elderly'] }, [], config).items[0]?.score;
    const two = rank({ segments: ['elderly', 'women'] }, [], config).items[0]?.score;
    expect(one).toBe(defaultSuggestConfig.weights.segmentNeed);
    expect(two).toBe(2 * defaultSuggestConfig.weights.segmentNeed);
    expect(rank({ segments: ['elderly', 'elderly'] }, [], config).items[0]?.score).toBe(one);
  });

  it('lifecycle: dormant and low-frequency customers get reactivation products', () => {
    for (const lifecycle of ['dormant', 'low_frequency', 'churned'] as const) {
      const r = rank({ lifecycle });
      expect(item(r, 'WM_CASH')?.rules).toContain('lifecycle');
    }
    expect(item(rank({ lifecycle: 'active' }), 'WM_CASH')?.rules ?? []).not.toContain('lifecycle');
  });

  it('intent: wealth lifts wealth products, loan lifts loans, account_open lifts e-banking and the debit card', () => {
    const wealth = rank({}, ['wealth']);
    expect(wealth.items.every((i) => i.rules.includes('intent'))).toBe(true);
    expect(wealth.items[0]?.rules[0]).toBe('intent');
    const loan = rank({}, ['loan']);
    expect(['consumer_loan', 'mortgage', 'microloan']).toContain(loan.items[0]?.type);
    const open = rank({ tier: 'potential', aumFen: 0, lifecycle: 'new', holdings: [] }, ['account_open']);
    expect(codes(open).slice(0, 2)).toEqual(['EB_MOBILE', 'DEBIT_CARD']);
  });

  it('intent: unknown intents are ignored, duplicates count once, several intents add up', () => {
    const config = cfg([prod('FX', { type: 'fund', riskLevel: 2, investment: true, tags: ['fx'] })]);
    expect(rank({}, ['nonsense'], config).items).toEqual([]);
    const w = defaultSuggestConfig.weights.intent;
    expect(rank({}, ['fx', 'fx'], config).items[0]?.score).toBe(w);
    expect(rank({}, ['fx', 'wealth'], config).items[0]?.score).toBe(2 * w);
  });

  it('campaign: recurring months in the branch zone (spring microcredit for rural customers)', () => {
    const march = rank(
      { segments: ['rural'], tier: 'effective', aumFen: 2_000_000 },
      [],
      defaultSuggestConfig,
      MARCH,
    );
    expect(march.items[0]?.productCode).toBe('LOAN_SPRING');
    expect(march.items[0]?.campaignIds).toContain('spring_planting');
    expect(march.items[0]?.say.zh.startsWith('春耕备耕正当时，春耕贷')).toBe(true);
    const july = rank({ segments: ['rural'], tier: 'effective', aumFen: 2_000_000 });
    expect(item(july, 'LOAN_SPRING')?.campaignIds ?? []).not.toContain('spring_planting');
    // 2026-03-31T16:30Z is already April 1 in Shanghai: still spring; May 1 is not
    const apr1 = Date.UTC(2026, 2, 31, 16, 30);
    expect(
      item(rank({ segments: ['rural'] }, [], defaultSuggestConfig, apr1), 'LOAN_SPRING')?.campaignIds,
    ).toEqual(['spring_planting']);
    const may1 = Date.UTC(2026, 3, 30, 16, 30);
    expect(
      item(rank({ segments: ['rural'] }, [], defaultSuggestConfig, may1), 'LOAN_SPRING')?.campaignIds,
    ).toEqual([]);
  });

  it('say-aloud: a campaign or tier-gap opening is said once, with the first suggestion it belongs to', () => {
    const r = rank({ tier: 'effective', aumFen: 4_680_000 });
    const lead = '「5万达标」活动进行中';
    const withLead = r.items.filter((i) => i.say.zh.startsWith(lead));
    expect(r.items.filter((i) => i.campaignIds.includes('reach_50k')).length).toBeGreaterThan(1);
    expect(withLead).toHaveLength(1);
    expect(withLead[0]).toBe(r.items.find((i) => i.campaignIds.includes('reach_50k')));
    for (const i of r.items) expect(i.say.zh.length).toBeGreaterThan(0);
  });

  it('campaign: the 5万达标 campaign lifts deposits and short wealth for 有效客户 and speaks first', () => {
    const r = rank({ tier: 'effective', aumFen: 4_680_000 });
    const td = item(r, 'TD_STANDARD');
    expect(td?.campaignIds).toEqual(['reach_50k']);
    expect(td?.say.zh).toBe(
      '「5万达标」活动进行中，您再存 ¥3,200 就升级为中端客户，享专属礼遇。整存整取定期本金有保障，利率高于活期，3个月到5年期限可选。',
    );
    expect(td?.say.en).toContain('add ¥3,200 to become a Mid-tier customer');
    expect(item(rank({ tier: 'mid' }), 'TD_STANDARD')?.campaignIds ?? []).not.toContain('reach_50k');
  });

  it('campaign: dated windows are half-open, boosts add up and scale by the campaign weight', () => {
    const camp = (id: string, boost: number, over: Partial<Campaign> = {}): Campaign => ({
      id,
      name: { zh: id, en: id },
      productCodes: ['A'],
      boost,
      ...over,
    });
    const products = [prod('A')];
    const window = cfg(products, [camp('w', 2, { start: JULY, end: JULY + DAY })]);
    expect(rank({}, [], window, JULY).items[0]?.score).toBe(2);
    expect(rank({}, [], window, JULY + DAY - 1).items).toHaveLength(1);
    expect(rank({}, [], window, JULY + DAY).items).toEqual([]);
    expect(rank({}, [], window, JULY - 1).items).toEqual([]);
    const two = cfg(products, [camp('a', 1), camp('b', 2.5)], {
      weights: { ...defaultSuggestConfig.weights, campaign: 2 },
    });
    const r = rank({}, [], two);
    expect(r.items[0]?.score).toBe(7);
    expect(r.items[0]?.campaignIds).toEqual(['b', 'a']);
    const targeted = cfg(products, [camp('t', 1, { targetTiers: ['high'] })]);
    expect(rank({ tier: 'mid' }, [], targeted).items).toEqual([]);
  });

  it('linked_entity: 公私联动 for a private client who runs an enterprise', () => {
    const r = rank({ tier: 'private', aumFen: 800_000_000, hasLinkedEntity: true, riskLevel: 4 });
    expect(r.items[0]?.productCode).toBe('PAYROLL');
    expect(r.items[0]?.rules).toEqual(['tier_goal', 'linked_entity']);
    expect(item(rank({ tier: 'private', aumFen: 800_000_000 }), 'PAYROLL')?.rules).toEqual(['tier_goal']);
    expect(codes(r)).toContain('TRUST_FAMILY');
  });

  it('corporate_grade: a strategic client asking for a loan gets corporate financing', () => {
    const r = rank(
      { kind: 'corporate', tier: 'high', aumFen: 300_000_000, age: null, corporateGrade: 'strategic' },
      ['loan'],
    );
    expect(r.items.length).toBeGreaterThan(0);
    for (const i of r.items) expect(i.productCode.startsWith('CORP_')).toBe(true);
    expect(item(r, 'CORP_SCF')?.rules).toEqual(['intent', 'corporate_grade']);
  });

  it('a product no rule scores is not suggested, and breakdown adds up to the score', () => {
    const r = rank({ tier: 'effective', aumFen: 4_680_000, segments: ['women'], lifecycle: 'dormant' }, [
      'wealth',
    ]);
    for (const i of r.items) {
      expect(i.rules.length).toBeGreaterThan(0);
      expect(i.breakdown.map((b) => b.rule)).toEqual(i.rules);
      expect(i.breakdown.reduce((s, b) => s + b.points, 0)).toBeCloseTo(i.score, 9);
      for (let k = 1; k < i.breakdown.length; k++) {
        expect(i.breakdown[k - 1]!.points).toBeGreaterThanOrEqual(i.breakdown[k]!.points);
      }
    }
    expect(rank({}, [], cfg([prod('LONELY')])).items).toEqual([]);
  });

  it('weights are data: a zero weight switches a rule off', () => {
    const off = { ...defaultSuggestConfig, weights: { ...defaultSuggestConfig.weights, tierGoal: 0 } };
    const r = rank({ tier: 'potential', aumFen: 0 }, [], off);
    expect(r.items.every((i) => !i.rules.includes('tier_goal'))).toBe(true);
  });
});

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

describe('output', () => {
  it('at most topN items, at most maxPerType of a type', () => {
    const r = rankAll({ riskLevel: 5 }, ['wealth'], { topN: 4, maxPerType: 1 });
    expect(r.items).toHaveLength(4);
    expect(new Set(r.items.map((i) => i.type)).size).toBe(4);
    expect(rank({}, ['wealth']).items.length).toBeLessThanOrEqual(defaultSuggestConfig.topN);
  });

  it('sorts by score, then by product code', () => {
    const config = cfg(
      [prod('B', { tags: ['x'] }), prod('A', { tags: ['x'] }), prod('C', { tags: ['x', 'y'] })],
      [],
      {
        intentAffinity: { x: [{ tags: ['x'] }], y: [{ tags: ['y'] }] },
      },
    );
    expect(codes(rank({}, ['x', 'y'], config))).toEqual(['C', 'A', 'B']);
  });

  it('falls back to a plain line when a pitch placeholder cannot be filled', () => {
    const config = cfg(
      [prod('G', { tags: ['x'], pitch: { zh: '再存{gap}升级{tierNext}', en: 'Add {gap}' } })],
      [],
      {
        intentAffinity: { x: [{ tags: ['x'] }] },
      },
    );
    const top = rank({ tier: 'private', aumFen: 800_000_000 }, ['x'], config).items[0];
    expect(top?.say).toEqual({ zh: '为您推荐产品G。', en: 'You may be interested in Product G.' });
    const mid = rank({ tier: 'mid', aumFen: 20_000_000 }, ['x'], config).items[0];
    expect(mid?.say.zh).toBe('再存¥300,000升级高端客户');
  });

  it('skips a campaign line it cannot fill and uses the next one', () => {
    const camp = (id: string, boost: number, zh: string): Campaign => ({
      id,
      name: { zh: id, en: id },
      productCodes: ['A'],
      boost,
      pitch: { zh, en: zh },
    });
    const config = cfg([prod('A')], [camp('hi', 5, '再存{gap}，'), camp('lo', 1, '限时活动，')]);
    expect(rank({ tier: 'private', aumFen: 800_000_000 }, [], config).items[0]?.say.zh).toBe(
      '限时活动，A的卖点。',
    );
    expect(rank({ tier: 'mid' }, [], config).items[0]?.say.zh).toBe('再存¥300,000，A的卖点。');
  });

  it('is deterministic and does not touch its inputs', () => {
    const c = customer({ tier: 'effective', aumFen: 4_680_000, segments: ['women', 'elderly'], age: 61 });
    const snapshot = structuredClone({ c, config: defaultSuggestConfig });
    const a = rankSuggestions(c, { intents: ['wealth', 'fx'] }, defaultSuggestConfig, ctx());
    const b = rankSuggestions(c, { intents: ['wealth', 'fx'] }, defaultSuggestConfig, ctx());
    expect(b).toEqual(a);
    expect({ c, config: defaultSuggestConfig }).toEqual(snapshot);
  });

  it('picks up a new config object (settings replace the config, they do not edit it)', () => {
    const a = rank(
      {},
      ['x'],
      cfg([prod('A', { tags: ['x'] })], [], { intentAffinity: { x: [{ tags: ['x'] }] } }),
    );
    const b = rank(
      {},
      ['x'],
      cfg([prod('B', { tags: ['x'] })], [], { intentAffinity: { x: [{ tags: ['x'] }] } }),
    );
    expect(codes(a)).toEqual(['A']);
    expect(codes(b)).toEqual(['B']);
  });
});

describe('nextTierGap', () => {
  it('gives the band above and the gap; null at the top, for unknown tiers and when stale', () => {
    expect(nextTierGap('effective', 4_680_000, bands)).toMatchObject({
      band: { key: 'mid' },
      gapFen: 320_000,
    });
    expect(nextTierGap('potential', -5, bands)?.gapFen).toBe(1_000_000);
    expect(nextTierGap('private', 0, bands)).toBeNull();
    expect(nextTierGap('mid', 60_000_000, bands)).toBeNull();
    expect(nextTierGap('high', 0, bands.slice(0, 3))).toBeNull();
  });
});
