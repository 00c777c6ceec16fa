import { defaultRulesConfig } from '@shared/config/schema';
import { makeBenchCases, makeBenchConfig, makeBenchLearning } from '../support/suggest-bench-data';
import { rankSuggestions } from '@shared/suggest/rank';
import { triage, type TriageInput } from '@shared/triage';
import { round, summarize, timeCallsUs } from './stats';
import type { Bench } from './types';

const NOW = Date.UTC(2026, 10, 23, 2, 0, 0);
const TIERS = ['potential', 'effective', 'mid', 'high', 'private'] as const;
const INTENTS = defaultRulesConfig.triage.intents.map((i) => i.key);

/** A fixed spread of walk-ins over tiers, segments, intents and flags, on the demo branch's state. */
function triageInputs(n: number): TriageInput[] {
  const branch: TriageInput['branch'] = {
    counters: [
      { id: 'c1', channel: 'counter', open: true, queues: ['individual'] },
      { id: 'c2', channel: 'counter', open: true, queues: ['individual'] },
      { id: 'c3', channel: 'corporate', open: true, queues: ['corporate', 'individual'] },
      { id: 'c8', channel: 'vip', open: true, queues: ['vip'] },
      { id: 'c9', channel: 'self', open: true, queues: ['self'] },
    ],
    vipRoom: { capacity: 4, load: 2 },
    selfServiceUp: true,
    waiting: { vip: 1, individual: 6, corporate: 2, self: 1 },
  };
  const out: TriageInput[] = [];
  for (let i = 0; i < n; i++) {
    const anonymous = i % 11 === 0;
    const corporate = i % 17 === 0;
    out.push({
      customer: anonymous
        ? null
        : {
            kind: corporate ? 'corporate' : 'individual',
            tier: TIERS[i % 5] as (typeof TIERS)[number],
            segments: i % 3 === 0 ? ['elderly'] : i % 7 === 0 ? ['merchant', 'women'] : [],
            birthDate: corporate ? null : `${1940 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`,
            corporateGrade: corporate ? ((['strategic', 'key', 'general'] as const)[i % 3] ?? null) : null,
          },
      intents: [
        INTENTS[i % INTENTS.length] as string,
        ...(i % 4 === 0 ? [INTENTS[(i + 3) % INTENTS.length] as string] : []),
      ],
      flags: { needsHelp: i % 13 === 0, pregnant: i % 29 === 0 },
      branch,
    });
  }
  return out;
}

export const p2Triage: Bench = {
  key: 'P2_triage',
  describe: 'one triage decision (pure, demo config)',
  run: async () => {
    const inputs = triageInputs(1000);
    const cfg = defaultRulesConfig;
    const ctx = { elderlyAge: cfg.customer.elderlyAge, timeZone: cfg.branch.timezone, now: NOW };
    const s = summarize(
      timeCallsUs((i) => triage(inputs[i % inputs.length] as TriageInput, cfg.triage, ctx), 50_000),
    );
    const p50 = round(s.p50, 1);
    const p99 = round(s.p99, 1);
    return {
      fields: { p50_us: p50, p99_us: p99 },
      checks: [
        { figure: 'p99_us (p50 ' + p50 + ')', target: '< 250', measured: String(p99), pass: p99 < 250 },
      ],
    };
  },
};

export const p2Suggest: Bench = {
  key: 'P2_suggest',
  describe:
    'rank 200 products with 50 campaigns for one customer (pure), with 50 past outcomes and a learned conversion table (200 products × 5 segments × 5 tiers)',
  run: async () => {
    const config = makeBenchConfig(200, 50, 1);
    const bands = defaultRulesConfig.customer.tiers;
    const cases = makeBenchCases(500, 7, NOW, config.products, bands);
    const learning = makeBenchLearning(cases.length, 11, NOW, config.products);
    const ctxs = learning.map((l) => ({
      now: NOW,
      timeZone: 'Asia/Shanghai',
      tierBands: bands,
      learning: l,
    }));
    const s = summarize(
      timeCallsUs((i) => {
        const c = cases[i % cases.length];
        const ctx = ctxs[i % ctxs.length];
        if (c && ctx) rankSuggestions(c.customer, c.visit, config, ctx);
      }, 30_000),
    );
    const p50 = round(s.p50, 1);
    const p99 = round(s.p99, 1);
    return {
      fields: {
        products: config.products.length,
        campaigns: config.campaigns.length,
        p50_us: p50,
        p99_us: p99,
      },
      checks: [
        {
          figure: `products/campaigns`,
          target: '200 / 50',
          measured: `${config.products.length} / ${config.campaigns.length}`,
          pass: config.products.length === 200 && config.campaigns.length === 50,
        },
        { figure: 'p99_us (p50 ' + p50 + ')', target: '< 1000', measured: String(p99), pass: p99 < 1000 },
      ],
    };
  },
};
