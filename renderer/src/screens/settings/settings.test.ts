import { defaultRulesConfig, rulesConfigSchema } from '@shared/config/schema';
import { describe, expect, it } from 'vitest';
import { diffConfig, preview } from './diff';
import { issuesFromDetails, issuesFromZod } from './issues';
import { getAt, isUnder, joinPath, setAt, splitPath } from './paths';

describe('config paths', () => {
  it('splits numeric parts into indexes and joins them back', () => {
    expect(splitPath('customer.tiers.2.minFen')).toEqual(['customer', 'tiers', 2, 'minFen']);
    expect(joinPath(['customer', 'tiers', 2, 'minFen'])).toBe('customer.tiers.2.minFen');
    expect(splitPath('')).toEqual([]);
  });

  it('reads and writes without touching the original', () => {
    const cfg = structuredClone(defaultRulesConfig);
    const next = setAt(cfg, ['customer', 'tiers', 1, 'minFen'], 123);
    expect(getAt(next, ['customer', 'tiers', 1, 'minFen'])).toBe(123);
    expect(cfg.customer.tiers[1]?.minFen).toBe(defaultRulesConfig.customer.tiers[1]?.minFen);
    expect(Array.isArray(getAt(next, ['customer', 'tiers']))).toBe(true);
    expect(next.queue).toBe(cfg.queue); // untouched branches are shared
    expect(getAt(cfg, ['nope', 3, 'x'])).toBeUndefined();
  });

  it('tells a path under a section from a look-alike', () => {
    expect(isUnder('customer.tiers.2.minFen', 'customer.tiers')).toBe(true);
    expect(isUnder('customer.tiers', 'customer.tiers')).toBe(true);
    expect(isUnder('customer.tiersX', 'customer.tiers')).toBe(false);
    expect(isUnder('anything', '')).toBe(true);
  });
});

describe('refusals', () => {
  it('names the field and reason of a negative tier band, in both languages', () => {
    const bad = setAt(structuredClone(defaultRulesConfig), ['customer', 'tiers', 2, 'minFen'], -100);
    const r = rulesConfigSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const issues = r.success ? [] : issuesFromZod(r.error);
    const at = issues.filter((i) => i.path === 'customer.tiers.2.minFen');
    expect(at.length).toBeGreaterThan(0);
    expect(at.some((i) => i.zh.includes('不能小于 0'))).toBe(true);
    // and the order rule: band 2 is now below band 1
    expect(at.some((i) => i.zh.includes('严格递增') && i.en.includes('increase strictly'))).toBe(true);
  });

  it('splits the schema\'s "中文 / English" messages and explains a missing value', () => {
    const cfg = setAt(
      structuredClone(defaultRulesConfig),
      ['customer', 'lifecycle', 'activeWithinDays'],
      999,
    );
    const r = rulesConfigSchema.safeParse(cfg);
    const issues = r.success ? [] : issuesFromZod(r.error);
    expect(issues).toContainEqual({
      path: 'customer.lifecycle',
      zh: '生命周期阈值须递增',
      en: 'lifecycle thresholds must increase',
    });
    const missing = rulesConfigSchema.safeParse(
      setAt(defaultRulesConfig, ['customer', 'elderlyAge'], undefined),
    );
    const m = missing.success ? [] : issuesFromZod(missing.error);
    expect(m).toEqual([expect.objectContaining({ path: 'customer.elderlyAge', zh: '必填项缺失' })]);
  });

  it('accepts well-formed server details and drops malformed ones', () => {
    expect(
      issuesFromDetails([
        { path: 'customer.elderlyAge', zh: '须≥50', en: 'must be ≥ 50' },
        { zh: 'no path' },
        'junk',
        { path: 'queue.queues.0.prefix', en: 'bad prefix' },
      ]),
    ).toEqual([
      { path: 'customer.elderlyAge', zh: '须≥50', en: 'must be ≥ 50' },
      { path: 'queue.queues.0.prefix', zh: 'bad prefix', en: 'bad prefix' },
    ]);
    expect(issuesFromDetails(undefined)).toEqual([]);
  });
});

describe('version diff', () => {
  it('lists changed leaves with before and after', () => {
    const a = structuredClone(defaultRulesConfig);
    const b = setAt(setAt(a, ['customer', 'elderlyAge'], 65), ['queue', 'queues', 1, 'prefix'], 'P');
    expect(diffConfig(a, b)).toEqual([
      { path: 'customer.elderlyAge', before: 60, after: 65 },
      { path: 'queue.queues.1.prefix', before: 'A', after: 'P' },
    ]);
    expect(diffConfig(a, structuredClone(a))).toEqual([]);
  });

  it('shows a removed list item and an added key', () => {
    const a = { list: [1, 2, 3], o: { x: 1 } };
    const b = { list: [1, 2], o: { x: 1, y: 2 } };
    expect(diffConfig(a, b)).toEqual([
      { path: 'list', before: [1, 2, 3], after: [1, 2] },
      { path: 'o.y', before: undefined, after: 2 },
    ]);
  });

  it('previews long values on one line', () => {
    expect(preview(undefined)).toBe('—');
    expect(preview('abc')).toBe('abc');
    expect(preview({ a: 'x'.repeat(200) }, 20)).toHaveLength(20);
  });
});
