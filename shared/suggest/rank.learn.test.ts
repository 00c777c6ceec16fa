import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultVisitConfig, OUTCOMES } from '../visit/config';
import { defaultSuggestConfig } from './config';
import type { OutcomeFact } from './conversion';
import { buildConversion } from './conversion';
import type { PastOutcome } from './cooldown';
import { declinedDays } from './cooldown';
import { defaultLearnConfig, type LearnConfig } from './learn-config';
import type { SuggestContext, SuggestCustomer, SuggestResult } from './rank';
import { rankSuggestions } from './rank';
import { bands, customer, DAY, JULY } from './rank.fixtures';
import { MAX_REASONS } from './reasons';

const NOW = JULY;
const labels = new Map(defaultVisitConfig.declineReasons.map((r) => [r.key, { zh: r.zh, en: r.en }]));

function ctx(
  outcomes: PastOutcome[],
  facts: OutcomeFact[] = [],
  config: LearnConfig = defaultLearnConfig,
  now = NOW,
): SuggestContext {
  return {
    now,
    timeZone: 'Asia/Shanghai',
    tierBands: bands,
    learning: {
      config,
      outcomes,
      conversion: facts.length > 0 ? buildConversion(facts, now, config.conversion) : null,
      reasonLabels: labels,
    },
  };
}

const rank = (c: Partial<SuggestCustomer>, intents: string[], cx: SuggestContext) =>
  rankSuggestions(customer(c), { intents }, defaultSuggestConfig, cx);
const codes = (r: SuggestResult) => r.items.map((i) => i.productCode);

describe('outcomes shape the next suggestion', () => {
  const base = rank({}, ['wealth'], ctx([]));
  const top = base.items[0]?.productCode as string;

  it('without outcomes the learning changes nothing', () => {
    const plain = rankSuggestions(customer(), { intents: ['wealth'] }, defaultSuggestConfig, {
      now: NOW,
      timeZone: 'Asia/Shanghai',
      tierBands: bands,
    });
    expect(codes(base)).toEqual(codes(plain));
    expect(base.coolingDown).toEqual([]);
  });

  it('declined "暂不需要" today: gone, said why, and the card that moved up says whom it replaces', () => {
    const r = rank(
      {},
      ['wealth'],
      ctx([{ productCode: top, outcome: 'declined', reason: 'not_interested', at: NOW - 60_000 }]),
    );
    expect(codes(r)).not.toContain(top);
    expect(r.excluded.cooldown).toBe(1);
    expect(r.coolingDown).toEqual([
      expect.objectContaining({
        productCode: top,
        outcome: 'declined',
        why: expect.objectContaining({ zh: '上次拒绝：暂不需要（今天）' }),
      }),
    ]);
    const moved = r.items.find((i) => i.reasons.some((x) => x.zh.startsWith('顶替')));
    expect(moved).toBeDefined();
    expect(moved?.reasons[0]?.zh).toContain('上次拒绝：暂不需要');
    expect(codes(base)).not.toContain(
      moved?.productCode === codes(base)[0] ? '' : (moved?.productCode ?? ''),
    );
  });

  it('after the cool-down the product is back', () => {
    const d = declinedDays('not_interested', defaultLearnConfig.cooldown);
    const r = rank(
      {},
      ['wealth'],
      ctx([{ productCode: top, outcome: 'declined', reason: 'not_interested', at: NOW - d * DAY }]),
    );
    expect(codes(r)).toContain(top);
  });

  it('interested: stays, marked with the date', () => {
    const at = NOW - 3 * DAY;
    const r = rank({}, ['wealth'], ctx([{ productCode: top, outcome: 'interested', reason: null, at }]));
    const it0 = r.items.find((i) => i.productCode === top);
    expect(it0?.interestedAt).toBe(at);
    expect(it0?.reasons[0]?.zh).toBe('上次有意向（2026-07-12）');
  });

  it('not suitable: out until a newer risk assessment', () => {
    const o: PastOutcome = { productCode: top, outcome: 'not_suitable', reason: null, at: NOW - 20 * DAY };
    expect(codes(rank({ riskAssessedAt: NOW - 30 * DAY }, ['wealth'], ctx([o])))).not.toContain(top);
    expect(codes(rank({ riskAssessedAt: NOW - 10 * DAY }, ['wealth'], ctx([o])))).toContain(top);
  });

  it('a declined product never reappears inside its cool-down (property)', () => {
    const reasons = defaultVisitConfig.declineReasons.map((r) => r.key);
    const catalogue = defaultSuggestConfig.products.map((p) => p.code);
    fc.assert(
      fc.property(
        fc.constantFrom(...catalogue),
        fc.constantFrom(...reasons, null),
        fc.integer({ min: 0, max: 200 }),
        fc.array(
          fc.record({
            productCode: fc.constantFrom(...catalogue),
            outcome: fc.constantFrom(...OUTCOMES),
            reason: fc.constant(null),
            at: fc.integer({ min: NOW - 400 * DAY, max: NOW - 201 * DAY }),
          }),
          { maxLength: 50 },
        ),
        fc.constantFrom('wealth', 'cash', 'loan', 'card'),
        (code, reason, ago, older, intent) => {
          const at = NOW - ago * DAY;
          const inside = ago < declinedDays(reason, defaultLearnConfig.cooldown);
          const r = rank(
            {},
            [intent],
            ctx([...older, { productCode: code, outcome: 'declined', reason, at }]),
          );
          if (inside) expect(codes(r)).not.toContain(code);
        },
      ),
    );
  });

  it('learned conversion moves a product up and says so; a new product is not buried', () => {
    const second = base.items[1]?.productCode as string;
    const facts: OutcomeFact[] = Array.from({ length: 20 }, (_, i) => ({
      id: `f${i}`,
      productCode: second,
      outcome: i < 15 ? 'accepted' : 'declined',
      segments: [],
      tier: 'mid',
      at: NOW - (i + 1) * DAY,
    }));
    const r = rank({}, ['wealth'], ctx([], facts));
    expect(codes(r)[0]).toBe(second);
    const card = r.items[0];
    expect(card?.reasons.map((x) => x.zh)).toContain('同类客户接受率较高');
    expect(card?.breakdown.find((b) => b.rule === 'conversion')?.points).toBeGreaterThan(0);
    // Products nobody has been offered keep their rule score (no conversion points at all).
    for (const i of r.items.filter((x) => x.productCode !== second)) {
      expect(i.breakdown.some((b) => b.rule === 'conversion')).toBe(false);
    }
  });

  it('weight 0 turns the learning off', () => {
    const second = base.items[1]?.productCode as string;
    const facts: OutcomeFact[] = Array.from({ length: 20 }, (_, i) => ({
      id: `f${i}`,
      productCode: second,
      outcome: 'accepted',
      segments: [],
      tier: 'mid',
      at: NOW - DAY,
    }));
    const off = { ...defaultLearnConfig, conversion: { ...defaultLearnConfig.conversion, weight: 0 } };
    expect(codes(rank({}, ['wealth'], ctx([], facts, off)))).toEqual(codes(base));
  });
});

describe('sanity checks from real use', () => {
  it('no pension annuity for a 25-year-old with ¥3,000', () => {
    const r = rank({ age: 25, aumFen: 300_000, tier: 'potential' }, ['wealth'], ctx([]));
    expect(codes(r)).not.toContain('INS_ANNUITY');
    // and not at 25 with money either (age fit), nor at 45 with ¥3,000 (wealth fit)
    const young = rankSuggestions(
      customer({ age: 25 }),
      { intents: [] },
      { ...defaultSuggestConfig, topN: 100, maxPerType: 100 },
      ctx([]),
    );
    expect(codes(young)).not.toContain('INS_ANNUITY');
    const poor = rankSuggestions(
      customer({ age: 45, aumFen: 300_000, tier: 'potential' }),
      { intents: [] },
      { ...defaultSuggestConfig, topN: 100, maxPerType: 100 },
      ctx([]),
    );
    expect(codes(poor)).not.toContain('INS_ANNUITY');
    expect(poor.excluded.wealth).toBeGreaterThan(0);
  });

  it('no "每月100元起定投" line for a ¥12.86M private-banking client', () => {
    const r = rankSuggestions(
      customer({ tier: 'private', aumFen: 1_286_000_000, segments: ['women', 'executive'], riskLevel: 5 }),
      { intents: ['wealth'] },
      { ...defaultSuggestConfig, topN: 100, maxPerType: 100 },
      ctx([]),
    );
    expect(codes(r)).not.toContain('FUND_EDU_DCA');
    expect(r.items.some((i) => i.say.zh.includes('每月100元'))).toBe(false);
  });

  it('every card has one or two distinct reasons a teller can say, never a score', () => {
    const cases: Partial<SuggestCustomer>[] = [
      {},
      { segments: ['elderly'], age: 70 },
      { tier: 'private', aumFen: 1_286_000_000, riskLevel: 5 },
      { kind: 'corporate', corporateGrade: 'key', age: null, tier: 'high' },
      { lifecycle: 'new', tier: 'potential', aumFen: 100_000 },
    ];
    for (const c of cases) {
      for (const intents of [[], ['wealth'], ['loan'], ['cash']]) {
        const r = rank(c, intents, ctx([]));
        for (const i of r.items) {
          expect(i.reasons.length).toBeGreaterThanOrEqual(1);
          expect(i.reasons.length).toBeLessThanOrEqual(MAX_REASONS);
          expect(new Set(i.reasons.map((x) => x.zh)).size).toBe(i.reasons.length);
          for (const x of i.reasons) expect(x.zh).not.toMatch(/\d+\s*分/);
        }
      }
    }
  });

  it('a campaign reason never quotes an internal campaign name, only words written for the customer', () => {
    const internal = defaultSuggestConfig.campaigns.filter((c) => !c.reason).map((c) => c.name.zh);
    expect(internal).toContain('四季度绩效冲刺');
    let campaignReasons = 0;
    for (const now of [Date.UTC(2026, 1, 10, 2), NOW, Date.UTC(2026, 10, 20, 2)]) {
      for (const tier of ['potential', 'effective', 'mid', 'high'] as const) {
        for (const intents of [[], ['wealth'], ['loan']]) {
          const r = rankSuggestions(customer({ tier }), { intents }, defaultSuggestConfig, {
            now,
            timeZone: 'Asia/Shanghai',
            tierBands: bands,
          });
          for (const x of r.items.flatMap((i) => i.reasons)) {
            for (const name of internal) expect(x.zh).not.toContain(name);
            if (x.zh === '本期推荐产品') campaignReasons++;
          }
        }
      }
    }
    // The check above means something only if campaign reasons were actually given.
    expect(campaignReasons).toBeGreaterThan(0);
  });
});
