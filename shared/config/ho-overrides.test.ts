import { describe, expect, it } from 'vitest';
import { mergeHeadOfficeRules } from './headoffice';
import { hoSettingPaths, mergeHoSettings, originOf } from './ho-overrides';
import { defaultRulesConfig, type RulesConfig } from './schema';

const cfg = (): RulesConfig => structuredClone(defaultRulesConfig);
const withTiers = (c: RulesConfig, midFen: number): RulesConfig => {
  c.customer.tiers = c.customer.tiers.map((b) => (b.key === 'mid' ? { ...b, minFen: midFen } : b));
  return c;
};

describe('hoSettingPaths', () => {
  it('lists each key of each section sent', () => {
    expect(hoSettingPaths({ customer: { tiers: [], elderlyAge: 60 }, visit: { x: 1 } })).toEqual([
      'customer.tiers',
      'customer.elderlyAge',
      'visit.x',
    ]);
  });
});

describe('mergeHoSettings: the local-override policy', () => {
  const ho = (midFen: number, elderlyAge = 65) => ({
    customer: { ...withTiers(cfg(), midFen).customer, elderlyAge },
  });

  it('the first delivery replaces the branch value and records the baseline', () => {
    const m = mergeHoSettings(withTiers(cfg(), 4_500_000), ho(4_000_000), new Set(), new Map());
    expect(m.applied).toContain('customer.tiers');
    expect(m.kept).toEqual([]);
    expect(m.config.customer.tiers.find((b) => b.key === 'mid')?.minFen).toBe(4_000_000);
    expect(m.baseline.get('customer.elderlyAge')).toBe(65);
  });

  it('a setting the branch did not touch since follows the head office', () => {
    const first = mergeHoSettings(cfg(), ho(4_000_000), new Set(), new Map());
    const again = mergeHoSettings(first.config, ho(3_500_000, 70), new Set(), first.baseline);
    expect(again.applied.sort()).toEqual(['customer.elderlyAge', 'customer.tiers']);
    expect(again.config.customer.elderlyAge).toBe(70);
  });

  it('a local override is kept, the untouched setting beside it still follows, the baseline moves on', () => {
    const first = mergeHoSettings(cfg(), ho(4_000_000), new Set(), new Map());
    const local = withTiers(structuredClone(first.config), 4_800_000); // the branch's own change
    const again = mergeHoSettings(local, ho(3_500_000, 70), new Set(), first.baseline);
    expect(again.kept).toEqual(['customer.tiers']);
    expect(again.applied).toEqual(['customer.elderlyAge']);
    expect(again.config.customer.tiers.find((b) => b.key === 'mid')?.minFen).toBe(4_800_000);
    expect(again.config.customer.elderlyAge).toBe(70);
    expect(originOf(again.config, again.baseline, ['customer.tiers'])).toBe('override');
    expect(originOf(again.config, again.baseline, ['customer.elderlyAge', 'branch'])).toBe('headoffice');
    expect(originOf(again.config, again.baseline, ['triage.rules'])).toBeNull();
  });

  it('a mandatory push replaces a local override', () => {
    const first = mergeHoSettings(cfg(), ho(4_000_000), new Set(), new Map());
    const local = withTiers(structuredClone(first.config), 4_800_000);
    const again = mergeHoSettings(local, ho(3_500_000), new Set(['customer']), first.baseline);
    expect(again.kept).toEqual([]);
    expect(again.config.customer.tiers.find((b) => b.key === 'mid')?.minFen).toBe(3_500_000);
    expect(originOf(again.config, again.baseline, ['customer.tiers'])).toBe('headoffice');
  });

  it('does not change the config it was given', () => {
    const current = cfg();
    const copy = structuredClone(current);
    mergeHoSettings(current, ho(1_000_000), new Set(), new Map());
    expect(current).toEqual(copy);
  });
});

describe('mergeHeadOfficeRules with a policy', () => {
  it('keeps the override, reports it, and still validates the whole config', () => {
    const baseline = new Map<string, unknown>([
      ['customer.tiers', withTiers(cfg(), 4_000_000).customer.tiers],
    ]);
    const current = withTiers(cfg(), 4_800_000);
    const settings = {
      versions: [3],
      note: null,
      config: { customer: withTiers(cfg(), 3_000_000).customer },
    };
    const r = mergeHeadOfficeRules(current, settings, [], { baseline });
    expect(r.kept).toEqual(['customer.tiers']);
    expect(r.config).toBeNull(); // nothing else changed
    expect(r.baseline?.get('customer.tiers')).toEqual(settings.config.customer.tiers);
    const forced = mergeHeadOfficeRules(current, { ...settings, mandatory: ['customer'] }, [], { baseline });
    expect(forced.sections).toEqual(['customer']);
    expect(forced.config?.customer.tiers.find((b) => b.key === 'mid')?.minFen).toBe(3_000_000);
  });
});
