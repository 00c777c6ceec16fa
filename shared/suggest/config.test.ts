import { describe, expect, it } from 'vitest';
import { defaultRulesConfig, rulesConfigSchema } from '../config/schema';
import { SUGGEST_INTENTS, defaultSuggestConfig, suggestConfigSchema } from './config';

function allMatchers() {
  const c = defaultSuggestConfig;
  return [
    ...Object.values(c.intentAffinity),
    ...Object.values(c.segmentNeeds),
    ...Object.values(c.tierGoals),
    ...Object.values(c.lifecycleGoals),
    ...Object.values(c.corporateGradeNeeds),
    c.linkedEntityGoals,
  ].flat();
}

describe('suggest config', () => {
  it('the default is valid, alone and inside the root rules config', () => {
    expect(suggestConfigSchema.safeParse(defaultSuggestConfig).success).toBe(true);
    expect(rulesConfigSchema.safeParse(defaultRulesConfig).success).toBe(true);
    expect(defaultRulesConfig.suggest).toBe(defaultSuggestConfig);
  });

  it('has the documented defaults', () => {
    expect(defaultSuggestConfig.topN).toBe(5);
    expect(defaultSuggestConfig.riskAssessmentValidDays).toBe(365);
  });

  it('maps every triage intent, and every code it names exists', () => {
    const codes = new Set(defaultSuggestConfig.products.map((p) => p.code));
    for (const i of SUGGEST_INTENTS) expect(defaultSuggestConfig.intentAffinity[i], i).toBeDefined();
    const matchers = allMatchers();
    for (const m of matchers) for (const c of m.codes ?? []) expect(codes, c).toContain(c);
  });

  it('every tag a matcher looks for is carried by at least one product', () => {
    const tags = new Set(
      defaultSuggestConfig.products.flatMap((p) => [...(p.goals ?? []), ...(p.tags ?? [])]),
    );
    const matchers = allMatchers();
    for (const m of matchers) for (const t of m.tags ?? []) expect(tags, t).toContain(t);
  });

  it('refuses a campaign that names an unknown product, and unknown placeholders in lines', () => {
    const badCampaign = {
      ...defaultSuggestConfig,
      campaigns: [{ id: 'x1', name: { zh: '活动', en: 'C' }, productCodes: ['NOPE'], boost: 1 }],
    };
    expect(suggestConfigSchema.safeParse(badCampaign).success).toBe(false);
    const badLine = {
      ...defaultSuggestConfig,
      lines: { ...defaultSuggestConfig.lines, nextTierGap: { zh: '{bonus}', en: 'x' } },
    };
    expect(suggestConfigSchema.safeParse(badLine).success).toBe(false);
  });

  it('refuses missing tier goals and out-of-range numbers', () => {
    const { potential: _p, ...rest } = defaultSuggestConfig.tierGoals;
    expect(suggestConfigSchema.safeParse({ ...defaultSuggestConfig, tierGoals: rest }).success).toBe(false);
    expect(suggestConfigSchema.safeParse({ ...defaultSuggestConfig, topN: 0 }).success).toBe(false);
    expect(
      suggestConfigSchema.safeParse({
        ...defaultSuggestConfig,
        nextTierGap: { ...defaultSuggestConfig.nextTierGap, maxShareOfNextTier: 2 },
      }).success,
    ).toBe(false);
  });
});
