import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from './config';
import type { QueueConfig } from './config';
import {
  callsNow,
  estimateWaitMinutes,
  meanPriorMs,
  servingCapacity,
  typicalServiceMs,
  visitPriorMs,
  type ServingPoint,
} from './wait';
import { defaultTriageConfig } from '../triage/defaults';

const MIN = 60_000;
const cfg = defaultQueueConfig;
/** The bare robust mean: no prior weight, no floor. */
const bare: QueueConfig = { ...cfg, wait: { ...cfg.wait, priorWeight: 0, floorFraction: 0 } };

describe('typicalServiceMs', () => {
  it('the prior alone while fewer than minSamples services are known', () => {
    expect(typicalServiceMs('individual', [], cfg)).toBe(8 * MIN);
    expect(typicalServiceMs('individual', [MIN, MIN], cfg)).toBe(8 * MIN);
    // The visits' own configured minutes beat the queue default.
    expect(typicalServiceMs('individual', [], cfg, 20 * MIN)).toBe(20 * MIN);
  });
  it('a median or a trimmed mean, robust to an outlier', () => {
    const recent = [4 * MIN, 5 * MIN, 6 * MIN, 90 * MIN];
    expect(
      typicalServiceMs('individual', recent, { ...bare, wait: { ...bare.wait, method: 'median' } }),
    ).toBe(5.5 * MIN);
    const c: QueueConfig = { ...bare, wait: { ...bare.wait, trimFraction: 0.25 } };
    expect(
      typicalServiceMs(
        'individual',
        [1, 4, 5, 6, 7, 100].map((m) => m * MIN),
        c,
      ),
    ).toBe(5.5 * MIN);
  });
  it('pulled towards the prior, which counts as priorWeight services', () => {
    // 5 samples of 2 min, prior 8 min weighing 5: (5×8 + 5×2) ÷ 10 = 5 min.
    expect(typicalServiceMs('individual', Array(5).fill(2 * MIN), cfg)).toBe(5 * MIN);
    // The more services are known, the less the prior counts.
    expect(typicalServiceMs('individual', Array(20).fill(6 * MIN), cfg)).toBeCloseTo(6.4 * MIN);
  });
  it('never below floorFraction of the prior: a few quick services do not make a 1-minute wait', () => {
    const quick = Array(20).fill(0.5 * MIN);
    // Blend (5×8 + 20×0.5) ÷ 25 = 2 min, floored at half the 8-minute prior.
    expect(typicalServiceMs('individual', quick, cfg)).toBe(4 * MIN);
    expect(typicalServiceMs('individual', quick, bare)).toBe(0.5 * MIN);
  });
  it('only counts the recent window, and ignores junk durations', () => {
    const c: QueueConfig = { ...bare, wait: { ...bare.wait, recentWindow: 3 } };
    const recent = [50 * MIN, 50 * MIN, 50 * MIN, 2 * MIN, 2 * MIN, 2 * MIN];
    expect(typicalServiceMs('individual', recent, c)).toBe(2 * MIN);
    expect(typicalServiceMs('individual', [-1, Number.NaN, 0, Infinity], cfg)).toBe(8 * MIN);
  });
  it('unknown queue: samples alone, or null', () => {
    expect(typicalServiceMs('x', [], cfg)).toBeNull();
    expect(typicalServiceMs('x', [MIN, MIN, MIN], cfg)).toBe(MIN);
  });
});

describe('estimateWaitMinutes', () => {
  it('(ahead − free + residual) × service ÷ counters, rounded up', () => {
    // 5 ahead, 2 busy counters, 8 min: (5 + 0.5) × 8 ÷ 2 = 22.
    expect(
      estimateWaitMinutes({ queue: 'individual', ahead: 5, servers: 2, free: 0, recentDurationsMs: [] }, cfg),
    ).toBe(22);
    // One of them free: (5 − 1 + 0.5) × 8 ÷ 2 = 18.
    expect(
      estimateWaitMinutes({ queue: 'individual', ahead: 5, servers: 2, free: 1, recentDurationsMs: [] }, cfg),
    ).toBe(18);
    // self: (1 + 0.5) × 4 ÷ 3 = 2.
    expect(estimateWaitMinutes({ queue: 'self', ahead: 1, servers: 3, recentDurationsMs: [] }, cfg)).toBe(2);
  });
  it('a free counter for everyone ahead → 0; nobody ahead but every counter busy → part of a service', () => {
    expect(
      estimateWaitMinutes({ queue: 'vip', ahead: 1, servers: 2, free: 2, recentDurationsMs: [] }, cfg),
    ).toBe(0);
    expect(
      estimateWaitMinutes({ queue: 'vip', ahead: 0, servers: 1, free: 0, recentDurationsMs: [] }, cfg),
    ).toBe(8);
  });
  it('no counter calling from the queue → null (暂无窗口办理), however many wait', () => {
    expect(
      estimateWaitMinutes({ queue: 'vip', ahead: 3, servers: 0, recentDurationsMs: [] }, cfg),
    ).toBeNull();
    expect(
      estimateWaitMinutes({ queue: 'vip', ahead: 0, servers: 0, recentDurationsMs: [] }, cfg),
    ).toBeNull();
  });
  it('unknown queue without samples → null; with samples → estimated', () => {
    expect(estimateWaitMinutes({ queue: 'x', ahead: 2, servers: 1, recentDurationsMs: [] }, cfg)).toBeNull();
    expect(
      estimateWaitMinutes({ queue: 'x', ahead: 2, servers: 1, recentDurationsMs: [MIN, MIN, MIN] }, cfg),
    ).toBe(3);
  });
});

describe('who serves the queue', () => {
  const point = (over: Partial<ServingPoint>): ServingPoint => ({
    open: true,
    staffState: 'serving',
    staffed: true,
    queues: ['individual'],
    free: false,
    ...over,
  });
  it('only open, staffed counters in the serving state call customers', () => {
    expect(callsNow(point({}))).toBe(true);
    expect(callsNow(point({ staffed: false }))).toBe(false);
    expect(callsNow(point({ open: false }))).toBe(false);
    expect(callsNow(point({ staffState: 'break' }))).toBe(false);
  });
  it('two unstaffed windows add nothing; a shared counter counts as its share', () => {
    const points = [
      point({ free: true }),
      point({ staffed: false }),
      point({ staffed: false }),
      point({ queues: ['corporate', 'individual'] }),
    ];
    expect(servingCapacity(points, 'individual', { individual: 4 })).toEqual({
      servers: 2,
      counters: 2,
      free: 1,
    });
    expect(servingCapacity(points, 'individual', { individual: 4, corporate: 2 })).toEqual({
      servers: 1.5,
      counters: 2,
      free: 1,
    });
    expect(servingCapacity([point({ staffed: false })], 'individual', {})).toEqual({
      servers: 0,
      counters: 0,
      free: 0,
    });
  });
});

describe('priors from the intents', () => {
  it('a visit is the sum of its intents’ minutes; the queue’s is their mean', () => {
    const intents = defaultTriageConfig.intents;
    expect(visitPriorMs(['cash', 'statement'], intents)).toBe(8 * MIN);
    expect(visitPriorMs(['nope'], intents)).toBeNull();
    expect(meanPriorMs([8 * MIN, null, 4 * MIN])).toBe(6 * MIN);
    expect(meanPriorMs([null])).toBeNull();
  });
});
