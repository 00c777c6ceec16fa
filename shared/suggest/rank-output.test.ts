import { describe, expect, it } from 'vitest';
import type { Campaign } from './campaigns';
import { defaultSuggestConfig } from './config';
import { rankSuggestions } from './rank';
import { cfg, codes, ctx, customer, prod, rank, rankAll } from './rank.fixtures';

describe('output', () => {
  it('at most topN items, at most maxPerType of a type', () => {
    const r = rankAll({ riskLevel: 5 }, ['wealth'], { topN: 4, maxPerType: 1 });
    expect(r.items).toHaveLength(4);
    expect(new Set(r.items.map((i) => i.type)).size).toBe(4);
    expect(rank({}, ['wealth']).items.length).toBeLessThanOrEqual(defaultSuggestConfig.topN);
  });

  it('sorts by score, then by product code', () => {
    const config = cfg(
      [prod('B', { tags: ['x'] }), prod('A', { tags: ['x'] }), prod('C', { tags: ['x', 'y'] })],
      [],
      {
        intentAffinity: { x: [{ tags: ['x'] }], y: [{ tags: ['y'] }] },
      },
    );
    expect(codes(rank({}, ['x', 'y'], config))).toEqual(['C', 'A', 'B']);
  });

  it('falls back to a plain line when a pitch placeholder cannot be filled', () => {
    const config = cfg(
      [prod('G', { tags: ['x'], pitch: { zh: '再存{gap}升级{tierNext}', en: 'Add {gap}' } })],
      [],
      {
        intentAffinity: { x: [{ tags: ['x'] }] },
      },
    );
    const top = rank({ tier: 'private', aumFen: 800_000_000 }, ['x'], config).items[0];
    expect(top?.say).toEqual({ zh: '为您推荐产品G。', en: 'You may be interested in Product G.' });
    const mid = rank({ tier: 'mid', aumFen: 20_000_000 }, ['x'], config).items[0];
    expect(mid?.say.zh).toBe('再存¥300,000升级高端客户');
  });

  it('skips a campaign line it cannot fill and uses the next one', () => {
    const camp = (id: string, boost: number, zh: string): Campaign => ({
      id,
      name: { zh: id, en: id },
      productCodes: ['A'],
      boost,
      pitch: { zh, en: zh },
    });
    const config = cfg([prod('A')], [camp('hi', 5, '再存{gap}，'), camp('lo', 1, '限时活动，')]);
    expect(rank({ tier: 'private', aumFen: 800_000_000 }, [], config).items[0]?.say.zh).toBe(
      '限时活动，A的卖点。',
    );
    expect(rank({ tier: 'mid' }, [], config).items[0]?.say.zh).toBe('再存¥300,000，A的卖点。');
  });

  it('is deterministic and does not touch its inputs', () => {
    const c = customer({ tier: 'effective', aumFen: 4_680_000, segments: ['women', 'elderly'], age: 61 });
    const snapshot = structuredClone({ c, config: defaultSuggestConfig });
    const a = rankSuggestions(c, { intents: ['wealth', 'fx'] }, defaultSuggestConfig, ctx());
    const b = rankSuggestions(c, { intents: ['wealth', 'fx'] }, defaultSuggestConfig, ctx());
    expect(b).toEqual(a);
    expect({ c, config: defaultSuggestConfig }).toEqual(snapshot);
  });

  it('picks up a new config object (settings replace the config, they do not edit it)', () => {
    const a = rank(
      {},
      ['x'],
      cfg([prod('A', { tags: ['x'] })], [], { intentAffinity: { x: [{ tags: ['x'] }] } }),
    );
    const b = rank(
      {},
      ['x'],
      cfg([prod('B', { tags: ['x'] })], [], { intentAffinity: { x: [{ tags: ['x'] }] } }),
    );
    expect(codes(a)).toEqual(['A']);
    expect(codes(b)).toEqual(['B']);
  });
});
