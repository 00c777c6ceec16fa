import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from './config';
import type { QueueConfig } from './config';
import { estimateWaitMinutes, typicalServiceMs } from './wait';

const MIN = 60_000;
const cfg = defaultQueueConfig;

describe('estimateWaitMinutes', () => {
  it('uses the config default when too few recent services are known', () => {
    // individual: 8 min default; 5 ahead, 2 counters → 20 min.
    expect(
      estimateWaitMinutes(
        { queue: 'individual', ahead: 5, openServicePoints: 2, recentDurationsMs: [] },
        cfg,
      ),
    ).toBe(20);
    expect(
      estimateWaitMinutes(
        { queue: 'individual', ahead: 5, openServicePoints: 2, recentDurationsMs: [MIN, MIN] },
        cfg,
      ),
    ).toBe(20);
  });
  it('uses the median of recent durations, robust to an outlier', () => {
    const recent = [4 * MIN, 5 * MIN, 6 * MIN, 90 * MIN];
    expect(typicalServiceMs('individual', recent, cfg)).toBe(5.5 * MIN);
    expect(
      estimateWaitMinutes(
        { queue: 'individual', ahead: 3, openServicePoints: 1, recentDurationsMs: recent },
        cfg,
      ),
    ).toBe(17);
  });
  it('or a trimmed mean', () => {
    const c: QueueConfig = { ...cfg, wait: { ...cfg.wait, method: 'trimmed_mean', trimFraction: 0.25 } };
    const recent = [1, 4, 5, 6, 7, 100].map((m) => m * MIN);
    expect(typicalServiceMs('individual', recent, c)).toBe(5.5 * MIN);
  });
  it('only counts the recent window, and ignores junk durations', () => {
    const c: QueueConfig = { ...cfg, wait: { ...cfg.wait, recentWindow: 3 } };
    const recent = [50 * MIN, 50 * MIN, 50 * MIN, 2 * MIN, 2 * MIN, 2 * MIN];
    expect(typicalServiceMs('individual', recent, c)).toBe(2 * MIN);
    expect(typicalServiceMs('individual', [-1, Number.NaN, 0, Infinity], cfg)).toBe(8 * MIN);
  });
  it('rounds up', () => {
    expect(
      estimateWaitMinutes({ queue: 'self', ahead: 1, openServicePoints: 3, recentDurationsMs: [] }, cfg),
    ).toBe(2); // 4/3 min
    expect(
      estimateWaitMinutes({ queue: 'vip', ahead: 4, openServicePoints: 5, recentDurationsMs: [] }, cfg),
    ).toBe(12);
  });
  it('nobody ahead → 0; no open service point → null (unknown)', () => {
    expect(
      estimateWaitMinutes({ queue: 'vip', ahead: 0, openServicePoints: 1, recentDurationsMs: [] }, cfg),
    ).toBe(0);
    expect(
      estimateWaitMinutes({ queue: 'vip', ahead: 3, openServicePoints: 0, recentDurationsMs: [] }, cfg),
    ).toBeNull();
  });
  it('unknown queue without samples → null; with samples → estimated', () => {
    expect(
      estimateWaitMinutes({ queue: 'x', ahead: 2, openServicePoints: 1, recentDurationsMs: [] }, cfg),
    ).toBeNull();
    expect(
      estimateWaitMinutes(
        { queue: 'x', ahead: 2, openServicePoints: 1, recentDurationsMs: [MIN, MIN, MIN] },
        cfg,
      ),
    ).toBe(2);
  });
});
