import { describe, expect, it } from 'vitest';
import { defaultRulesConfig, type RulesConfig } from './schema';
import { describeChanges } from './human-diff';

const base = (): RulesConfig => structuredClone(defaultRulesConfig);

describe('the customer-number pattern and the staffing section in words', () => {
  it('a new customer-number pattern says the field by its name, old and new', () => {
    const a = base();
    a.customer.customerNoPattern = '^(C\\d{9}|KH\\d{7})$';
    const lines = describeChanges(base(), a);
    expect(lines.map((l) => l.zh)).toEqual(['客户：客户号格式 ^C\\d{9}$ → ^(C\\d{9}|KH\\d{7})$']);
    expect(lines.map((l) => l.en)).toEqual([
      'Customers: customer number pattern ^C\\d{9}$ → ^(C\\d{9}|KH\\d{7})$',
    ]);
  });

  it('a queue’s staffing target by the queue’s name; the planning hours and seed by their words', () => {
    const a = base();
    const t = a.staffing.targets.find((x) => x.queue === 'individual');
    if (!t) throw new Error('no individual target');
    t.waitMinutes = 8;
    a.staffing.dayEnd = '17:30';
    a.staffing.seed = 42;
    const zh = describeChanges(base(), a).map((l) => l.zh);
    expect(zh.join('\n')).toContain('个人业务');
    expect(zh.join('\n')).toContain('10 → 8');
    expect(zh.join('\n')).toContain('测算结束时间 17:00 → 17:30');
    expect(zh.join('\n')).toContain('随机种子 20261203 → 42');
    expect(zh.join('\n')).not.toMatch(/dayEnd|seed|waitMinutes/);
  });
});
