import { describe, expect, it } from 'vitest';
import { defaultRulesConfig, type RulesConfig } from './schema';
import { describeChanges, valueText } from './human-diff';
import { ruleSentence } from '../triage/rule-text';

const base = (): RulesConfig => structuredClone(defaultRulesConfig);

describe('describeChanges (the version view in words)', () => {
  it('says nothing for identical versions', () => {
    expect(describeChanges(base(), base())).toEqual([]);
  });

  it('names a tier and gives its lower bound in 元 with grouping', () => {
    const after = base();
    const mid = after.customer.tiers.find((t) => t.key === 'mid');
    if (!mid) throw new Error('no mid tier');
    mid.minFen = 4_000_000;
    const lines = describeChanges(base(), after);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.zh).toBe('中端客户下限 ¥50,000 → ¥40,000');
    expect(lines[0]?.en).toBe('Mid-tier lower bound ¥50,000 → ¥40,000');
    expect(lines[0]?.zh).not.toMatch(/minFen|mid\b|5000000/);
  });

  it('reads a changed triage rule as a sentence with tier, intent and channel names', () => {
    const after = base();
    const rule = after.triage.rules.find((r) => r.id === 'vip-tier');
    if (!rule) throw new Error('no vip-tier rule');
    rule.conditions = { tiers: ['high', 'private'], intents: ['wealth'] };
    const [line] = describeChanges(base(), after);
    expect(line?.zh).toContain(
      '改为：当 客户层级 ∈ {高端客户, 私行客户} 且 业务 ∈ {理财咨询} → 优先 贵宾室，优先级 贵宾优先',
    );
    expect(line?.en).toContain(
      'When tier ∈ {High-end, Private banking} and business ∈ {Wealth consultation} → prefer VIP room',
    );
  });

  it('reports a disabled rule, an added rule and a new order', () => {
    const after = base();
    const [first, second, ...rest] = after.triage.rules;
    if (!first || !second) throw new Error('rules');
    after.triage.rules = [second, { ...first, enabled: false }, ...rest];
    after.triage.rules.push({
      id: 'fx-counter',
      enabled: true,
      conditions: { intents: ['fx'] },
      effect: { prefer: 'counter' },
      reason: { zh: '外汇在柜台', en: 'FX at a counter' },
    });
    const zh = describeChanges(base(), after).map((l) => l.zh);
    expect(zh).toContain(`停用分流规则「${first.reason.zh}」`);
    expect(zh).toContain('新增分流规则：当 业务 ∈ {外汇} → 优先 柜台，理由：外汇在柜台');
    expect(zh).toContain('调整了分流规则的先后顺序');
  });

  it('names intents, queues and products by their names, amounts in 元', () => {
    const after = base();
    const wealth = after.triage.intents.find((i) => i.key === 'wealth');
    if (!wealth) throw new Error('no wealth');
    wealth.minutes = 25;
    const q = after.queue.queues[0];
    if (!q) throw new Error('no queue');
    q.prefix = 'Z';
    const p = after.suggest.products.find((x) => x.minAmountFen !== undefined);
    if (!p) throw new Error('no product with a minimum');
    const before = base();
    const oldMin = before.suggest.products.find((x) => x.code === p.code)?.minAmountFen ?? 0;
    p.minAmountFen = oldMin + 1_000_000;
    const zh = describeChanges(before, after).map((l) => l.zh);
    expect(zh).toContain('业务「理财咨询」：分钟 20 → 25');
    expect(zh.some((l) => l.startsWith(`队列「${q.zh}」：号码前缀 `) && l.endsWith('→ Z'))).toBe(true);
    expect(zh).toContain(
      `产品「${p.name.zh}」：起购金额 ${valueText('minAmountFen', oldMin, 'zh')} → ${valueText('minAmountFen', oldMin + 1_000_000, 'zh')}`,
    );
    expect(valueText('minAmountFen', 5_000_000, 'zh')).toBe('¥50,000');
    expect(valueText('minAmountFen', 5_000_050, 'en')).toBe('¥50,000.50');
  });

  it('falls back to section and field names for other settings', () => {
    const after = base();
    after.dashboard.alerts.waitMinutes = 15;
    after.customer.elderlyAge = 65;
    const lines = describeChanges(base(), after);
    expect(lines.map((l) => l.zh)).toEqual(['客户：老年客户年龄 60 → 65', '看板：预警·等候超时分钟 10 → 15']);
    expect(lines.map((l) => l.en)).toEqual([
      'Customers: elderly age 60 → 65',
      'Dashboard: alerts · wait minutes 10 → 15',
    ]);
  });

  it('an empty-condition rule reads "always"', () => {
    const names = { tiers: defaultRulesConfig.customer.tiers, triage: defaultRulesConfig.triage };
    const r = {
      id: 'x',
      enabled: true,
      conditions: {},
      effect: { care: true },
      reason: { zh: '理由', en: 'why' },
    };
    expect(ruleSentence(r, names, 'zh')).toBe('当 总是 → 大堂陪同，理由：理由');
    expect(ruleSentence(r, names, 'en')).toBe('When always → lobby care; because: why');
  });
});

describe('describeChanges and key order', () => {
  it('a version stored with its keys in another order reads as unchanged', () => {
    const after = base();
    const p = after.suggest.products[0];
    const r = after.triage.rules[0];
    if (!p || !r) throw new Error('data');
    after.suggest.products[0] = Object.fromEntries(Object.entries(p).reverse()) as typeof p;
    after.triage.rules[0] = { ...r, effect: Object.fromEntries(Object.entries(r.effect).reverse()) };
    expect(describeChanges(base(), after)).toEqual([]);
  });
});
