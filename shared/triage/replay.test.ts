import { describe, expect, it } from 'vitest';
import { defaultRulesConfig, type RulesConfig } from '../config/schema';
import { replayTriage, type ReplayVisit } from './replay';

const at = Date.UTC(2026, 2, 2, 2, 0); // 10:00 in Shanghai, a fixed instant
const visit = (aumFen: number | null, services: string[], birthMonth: string | null = null): ReplayVisit => ({
  arrivedAt: at,
  services,
  customer:
    aumFen === null ? null : { kind: 'individual', aumFen, segments: [], birthMonth, corporateGrade: null },
});

const day = [
  visit(80_000_000, ['wealth']), // 高端 → 贵宾室
  visit(100_000, ['cash']), // 潜力, simple business → 自助区
  visit(null, ['cash']), // walk-in → 自助区
  visit(6_000_000, ['loan'], '1950-01'), // 中端, elderly → 柜台 with care
];

describe('triage replay of a day under proposed rules', () => {
  it('changes nothing when the rules are the same', () => {
    const r = replayTriage(day, defaultRulesConfig, defaultRulesConfig);
    expect(r).toMatchObject({ visits: 4, changed: 0, routes: [], examples: [] });
  });

  it('disabling the VIP-tier rule sends the high-end visit to a counter at normal priority, nothing else', () => {
    const next: RulesConfig = structuredClone(defaultRulesConfig);
    const rule = next.triage.rules.find((r) => r.id === 'vip-tier');
    if (!rule) throw new Error('vip-tier');
    rule.enabled = false;
    const r = replayTriage(day, defaultRulesConfig, next);
    expect(r.changed).toBe(1);
    expect(r.routes).toEqual([{ before: 'vip', after: 'counter', visits: 1 }]);
    expect(r.examples[0]).toMatchObject({
      tier: 'high',
      services: ['wealth'],
      before: { channel: 'vip', priority: 2 },
      after: { channel: 'counter', priority: 0 },
    });
  });

  it('a raised elderly age and a lowered tier band are seen by the replay too', () => {
    const next: RulesConfig = structuredClone(defaultRulesConfig);
    next.customer.elderlyAge = 90;
    const high = next.customer.tiers.find((t) => t.key === 'high');
    if (!high) throw new Error('high');
    high.minFen = 5_000_000; // the ¥60,000 中端 customer becomes 高端
    const r = replayTriage(day, defaultRulesConfig, next);
    expect(r.changed).toBe(1);
    expect(r.examples[0]).toMatchObject({
      before: { channel: 'counter', care: true },
      after: { channel: 'vip', care: false },
    });
  });
});
