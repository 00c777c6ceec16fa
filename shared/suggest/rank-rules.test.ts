import { describe, expect, it } from 'vitest';
import type { Campaign } from './campaigns';
import { defaultSuggestConfig } from './config';
import { cfg, codes, DAY, item, JULY, MARCH, prod, rank } from './rank.fixtures';

describe('ranking rules', () => {
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
