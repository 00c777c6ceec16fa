import { describe, expect, it } from 'vitest';
import { erlang } from './erlang';
import { F_ARRIVALS, F_MET, F_SERVED, F_UNSERVED, F_WALKED, FIELDS, simulate } from './simulate';
import { summariseRuns } from './summary';
import { counterVisit, flatPattern, testRules } from '../../test/support/staffing-data';
import type { VisitProfile } from './pattern';

const QUEUES = testRules.queue.queues.map((q) => q.key);
const Q = QUEUES.length;
const qi = (key: string) => QUEUES.indexOf(key);
const sumField = (cells: Float64Array, queue: string, field: number) => {
  let s = 0;
  for (let i = 0; i * Q * FIELDS < cells.length; i++)
    s += cells[(i * Q + qi(queue)) * FIELDS + field] as number;
  return s;
};

describe('staffing simulation', () => {
  it('a plain M/M/c queue agrees with Erlang C within the confidence interval of the replications', () => {
    // The classic example: 100 arrivals per 30 min, AHT 3 min (exponential), 14 counters, target 20 s.
    const intervals = 16;
    const pattern = flatPattern({ intervals, perInterval: 100, ahtMs: 180_000 });
    const roster = Array.from({ length: intervals }, () => ({ individual: 14 }));
    const rules = { ...testRules, targets: [{ queue: 'individual', waitMinutes: 20 / 60, percent: 80 }] };
    const reps = simulate(pattern, roster, rules, { seed: 7, from: 0, count: 40 });
    // Skip the first interval (the day starts empty, not in steady state).
    const sl = reps.map((r) => {
      let met = 0;
      let served = 0;
      for (let i = 1; i < intervals; i++) {
        met += r[(i * Q + qi('individual')) * FIELDS + F_MET] as number;
        served += r[(i * Q + qi('individual')) * FIELDS + F_SERVED] as number;
      }
      return met / served;
    });
    const mean = sl.reduce((s, x) => s + x, 0) / sl.length;
    const sd = Math.sqrt(sl.reduce((s, x) => s + (x - mean) ** 2, 0) / (sl.length - 1));
    const half = (2.58 * sd) / Math.sqrt(sl.length);
    const e = erlang({
      arrivals: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      servers: 14,
      targetSeconds: 20,
    });
    if (e.unbounded) throw new Error('stable by construction');
    expect(e.serviceLevel).toBeCloseTo(0.888, 3);
    expect(Math.abs(mean - e.serviceLevel)).toBeLessThan(half + 0.005);
    // The interval is a real one, not a degenerate "anything goes".
    expect(half).toBeLessThan(0.02);
  });

  it('the same seed gives the same answer; another seed another one', () => {
    const pattern = flatPattern({ intervals: 6, perInterval: 40, ahtMs: 240_000 });
    const roster = Array.from({ length: 6 }, () => ({ individual: 6 }));
    const a = simulate(pattern, roster, testRules, { seed: 42, from: 0, count: 5 });
    const b = simulate(pattern, roster, testRules, { seed: 42, from: 0, count: 5 });
    const c = simulate(pattern, roster, testRules, { seed: 43, from: 0, count: 5 });
    expect(a.map((r) => [...r])).toEqual(b.map((r) => [...r]));
    expect(a.map((r) => [...r])).not.toEqual(c.map((r) => [...r]));
    // Slices (as workers run them) are the same replications as one run.
    const tail = simulate(pattern, roster, testRules, { seed: 42, from: 3, count: 2 });
    expect(tail.map((r) => [...r])).toEqual(a.slice(3).map((r) => [...r]));
  });

  it('routes visits with the real triage rules: VIP customers go to the VIP room when it is staffed, else the counter', () => {
    const vipCustomer: VisitProfile = {
      intents: ['wealth'],
      customer: { kind: 'individual', tier: 'private', segments: [], birthDate: null, corporateGrade: null },
      flags: {},
      priority: 0,
    };
    const pattern = flatPattern({ intervals: 4, perInterval: 10, ahtMs: 300_000, profile: vipCustomer });
    const withVip = simulate(
      pattern,
      Array.from({ length: 4 }, () => ({ vip: 2, individual: 2 })),
      testRules,
      {
        seed: 1,
        from: 0,
        count: 3,
      },
    );
    const noVip = simulate(
      pattern,
      Array.from({ length: 4 }, () => ({ vip: 0, individual: 2 })),
      testRules,
      {
        seed: 1,
        from: 0,
        count: 3,
      },
    );
    const vipArrivals = withVip.reduce((s, r) => s + sumField(r, 'vip', F_ARRIVALS), 0);
    expect(vipArrivals).toBeGreaterThan(0);
    expect(noVip.reduce((s, r) => s + sumField(r, 'vip', F_ARRIVALS), 0)).toBe(0);
    expect(noVip.reduce((s, r) => s + sumField(r, 'individual', F_ARRIVALS), 0)).toBeGreaterThan(0);
  });

  it('customers walk away after their patience; with nobody to serve and no recorded walk-aways they stay unserved', () => {
    const leaveAt5 = { atMs: [300_000], survival: [0] };
    const pattern = flatPattern({ intervals: 2, perInterval: 20, ahtMs: 300_000, patience: leaveAt5 });
    const closed = [{ individual: 0 }, { individual: 0 }];
    const walked = simulate(pattern, closed, testRules, { seed: 3, from: 0, count: 2 });
    for (const r of walked) {
      expect(sumField(r, 'individual', F_WALKED)).toBe(sumField(r, 'individual', F_ARRIVALS));
      expect(sumField(r, 'individual', F_SERVED)).toBe(0);
    }
    const patient = simulate(
      flatPattern({ intervals: 2, perInterval: 20, ahtMs: 300_000 }),
      closed,
      testRules,
      {
        seed: 3,
        from: 0,
        count: 1,
      },
    );
    expect(sumField(patient[0] as Float64Array, 'individual', F_UNSERVED)).toBe(
      sumField(patient[0] as Float64Array, 'individual', F_ARRIVALS),
    );
  });

  it('summarises the spread per interval with p10 ≤ p50 ≤ p90', () => {
    const pattern = flatPattern({ intervals: 4, perInterval: 30, ahtMs: 300_000, profile: counterVisit });
    const roster = Array.from({ length: 4 }, () => ({ individual: 5 }));
    const reps = simulate(pattern, roster, testRules, { seed: 9, from: 0, count: 30 });
    const s = summariseRuns(reps, QUEUES, 4);
    for (const row of s.cells) {
      const c = row[qi('individual')];
      expect(c?.sl).not.toBeNull();
      if (c?.sl) {
        expect(c.sl.p10).toBeLessThanOrEqual(c.sl.p50);
        expect(c.sl.p50).toBeLessThanOrEqual(c.sl.p90);
      }
    }
    expect(s.day[qi('individual')]?.arrivals).toBeGreaterThan(90);
  });
});
