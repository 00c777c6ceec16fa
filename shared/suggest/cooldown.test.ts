import { describe, expect, it } from 'vitest';
import { defaultVisitConfig } from '../visit/config';
import type { Cooling, PastOutcome } from './cooldown';
import {
  acceptedDays,
  coolingOf,
  coolingText,
  declinedDays,
  interestedSince,
  interestedText,
  latestByProduct,
} from './cooldown';
import { defaultLearnConfig, learnConfigSchema } from './learn-config';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 4); // 12:00 in Shanghai
const cfg = defaultLearnConfig.cooldown;
const labels = new Map(defaultVisitConfig.declineReasons.map((r) => [r.key, { zh: r.zh, en: r.en }]));
const past = (over: Partial<PastOutcome>): PastOutcome => ({
  productCode: 'WM_7DAY',
  outcome: 'declined',
  reason: null,
  at: NOW - DAY,
  ...over,
});

describe('cool-down periods (data)', () => {
  it('the defaults parse, and a decline "已在他行" cools longer than "暂不需要"', () => {
    expect(learnConfigSchema.parse(defaultLearnConfig)).toEqual(defaultLearnConfig);
    expect(declinedDays('has_elsewhere', cfg)).toBeGreaterThan(declinedDays('not_interested', cfg));
    expect(declinedDays('nobody_knows', cfg)).toBe(cfg.declinedDefaultDays);
    expect(declinedDays(null, cfg)).toBe(cfg.declinedDefaultDays);
    expect(acceptedDays('wealth_7day', cfg)).toBe(7);
    expect(acceptedDays('agency', cfg)).toBe(cfg.acceptedDefaultDays);
  });
});

describe('coolingOf', () => {
  it.each([
    // outcome, reason, type, days ago, cooling?
    ['declined', 'not_interested', 'wealth', 29, true],
    ['declined', 'not_interested', 'wealth', 30, false],
    ['declined', 'has_elsewhere', 'wealth', 179, true],
    ['declined', 'has_elsewhere', 'wealth', 180, false],
    ['declined', null, 'wealth', 10, true],
    ['accepted', null, 'wealth_7day', 6, true],
    ['accepted', null, 'wealth_7day', 7, false],
    ['accepted', null, 'time_deposit', 89, true],
    ['accepted', null, 'credit_card', 3000, true],
    ['interested', null, 'wealth', 1, false],
  ] as const)('%s (%s) of a %s product %i days ago → cooling %s', (outcome, reason, type, ago, cooling) => {
    const o = past({ outcome, reason, at: NOW - ago * DAY });
    expect(coolingOf(o, type, null, cfg, NOW) !== null).toBe(cooling);
  });

  it('declined: until = at + N days', () => {
    const at = NOW - 3 * DAY;
    expect(coolingOf(past({ reason: 'no_time', at }), 'wealth', null, cfg, NOW)).toEqual<Cooling>({
      outcome: 'declined',
      reason: 'no_time',
      at,
      until: at + 14 * DAY,
    });
  });

  it('not suitable: out until a risk assessment newer than the outcome, however long ago', () => {
    const o = past({ outcome: 'not_suitable', at: NOW - 400 * DAY });
    expect(coolingOf(o, 'fund', NOW - 500 * DAY, cfg, NOW)?.until).toBeNull();
    expect(coolingOf(o, 'fund', null, cfg, NOW)).not.toBeNull();
    expect(coolingOf(o, 'fund', o.at, cfg, NOW)).not.toBeNull();
    expect(coolingOf(o, 'fund', o.at + 1, cfg, NOW)).toBeNull();
    const off = { ...cfg, notSuitableUntilReassessed: false };
    expect(coolingOf(o, 'fund', null, off, NOW)).toBeNull();
  });
});

describe('latest outcome per product', () => {
  it('a later answer replaces an earlier one, whatever the order given', () => {
    const a = past({ outcome: 'declined', at: NOW - 10 * DAY });
    const b = past({ outcome: 'accepted', at: NOW - 2 * DAY });
    const c = past({ productCode: 'FUND_BOND', outcome: 'interested', at: NOW - 5 * DAY });
    for (const list of [
      [a, b, c],
      [c, b, a],
      [b, c, a],
    ]) {
      const m = latestByProduct(list);
      expect(m.get('WM_7DAY')).toBe(b);
      expect(m.get('FUND_BOND')).toBe(c);
    }
  });
});

describe('what the teller can say', () => {
  it('declined with its reason and how long ago', () => {
    const c = coolingOf(
      past({ reason: 'not_interested', at: NOW - 45 * DAY }),
      'wealth',
      null,
      {
        ...cfg,
        declinedDaysByReason: { not_interested: 60 },
      },
      NOW,
    ) as Cooling;
    expect(coolingText(c, labels, NOW)).toEqual({
      zh: '上次拒绝：暂不需要（45 天前）',
      en: 'Declined 45 days ago: no need right now',
    });
    const today = coolingOf(past({ reason: 'has_elsewhere', at: NOW - 1000 }), 'wealth', null, cfg, NOW);
    expect(coolingText(today as Cooling, labels, NOW).zh).toBe('上次拒绝：已在他行办理（今天）');
  });

  it('accepted and not suitable', () => {
    const acc = coolingOf(past({ outcome: 'accepted', at: NOW - 12 * DAY }), 'fund', null, cfg, NOW);
    expect(coolingText(acc as Cooling, labels, NOW).zh).toBe('上次已接受（12 天前）');
    const ns = coolingOf(past({ outcome: 'not_suitable', at: NOW - DAY }), 'fund', null, cfg, NOW);
    expect(coolingText(ns as Cooling, labels, NOW).zh).toContain('需重新做风险测评');
  });

  it('interested: marked with the date in the branch zone, for interestedMarkDays', () => {
    const at = Date.UTC(2026, 10, 1, 17); // 2 Nov 01:00 in Shanghai
    expect(interestedSince(past({ outcome: 'interested', at }), cfg, NOW)).toBe(at);
    expect(interestedText(at, 'Asia/Shanghai').zh).toBe('上次有意向（2026-11-02）');
    const old = past({ outcome: 'interested', at: NOW - 91 * DAY });
    expect(interestedSince(old, cfg, NOW)).toBeNull();
    expect(interestedSince(past({ outcome: 'declined' }), cfg, NOW)).toBeNull();
  });
});
