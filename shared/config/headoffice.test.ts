import { describe, expect, it } from 'vitest';
import type { HoCampaignRow } from '../api/headoffice';
import type { Campaign } from '../suggest/campaigns';
import { mergeHeadOfficeRules } from './headoffice';
import { defaultRulesConfig } from './schema';

const campaign = (id: string, codes = ['TD_STANDARD']): Campaign => ({
  id,
  name: { zh: '总行活动', en: 'Head-office campaign' },
  productCodes: codes,
  boost: 4,
});
const row = (c: Campaign, active = true): HoCampaignRow => ({ id: c.id, active, campaign: c });

describe('mergeHeadOfficeRules', () => {
  it('changes nothing when the head office sends nothing new', () => {
    expect(mergeHeadOfficeRules(defaultRulesConfig, null, []).config).toBeNull();
    const same = { versions: [1], config: { visit: defaultRulesConfig.visit }, note: null };
    expect(mergeHeadOfficeRules(defaultRulesConfig, same, []).config).toBeNull();
  });

  it('replaces whole sections but never the branch section', () => {
    const visit = { ...defaultRulesConfig.visit, followUpDefaultDays: 30 };
    const settings = {
      versions: [3],
      config: { visit, branch: { ...defaultRulesConfig.branch, code: 'HACKED' } } as Record<string, unknown>,
      note: null,
    };
    const m = mergeHeadOfficeRules(defaultRulesConfig, settings, []);
    expect(m.sections).toEqual(['visit']);
    expect(m.config?.visit.followUpDefaultDays).toBe(30);
    expect(m.config?.branch.code).toBe(defaultRulesConfig.branch.code);
  });

  it('adds, replaces and withdraws campaigns by id and keeps the branch’s own', () => {
    const own = defaultRulesConfig.suggest.campaigns.map((c) => c.id);
    const a = campaign('ho_a');
    const added = mergeHeadOfficeRules(defaultRulesConfig, null, [row(a)]);
    expect(added.campaignsPut).toEqual(['ho_a']);
    const cfg1 = added.config ?? defaultRulesConfig;
    expect(cfg1.suggest.campaigns.map((c) => c.id)).toEqual([...own, 'ho_a']);

    expect(mergeHeadOfficeRules(cfg1, null, [row(a)]).config).toBeNull();
    const changed = mergeHeadOfficeRules(cfg1, null, [row({ ...a, boost: 9 })]);
    expect(changed.config?.suggest.campaigns.find((c) => c.id === 'ho_a')?.boost).toBe(9);

    const gone = mergeHeadOfficeRules(cfg1, null, [row(a, false)]);
    expect(gone.campaignsWithdrawn).toEqual(['ho_a']);
    expect(gone.config?.suggest.campaigns.map((c) => c.id)).toEqual(own);
    // Withdrawing one the branch never had is no change.
    expect(mergeHeadOfficeRules(defaultRulesConfig, null, [row(campaign('ho_x'), false)]).config).toBeNull();
  });

  it('refuses a result the rules schema rejects, with the reasons', () => {
    const m = mergeHeadOfficeRules(defaultRulesConfig, null, [row(campaign('ho_bad', ['NO_SUCH']))]);
    expect(m.config).toBeNull();
    expect(m.issues[0]?.path).toContain('suggest.campaigns');
  });
});
