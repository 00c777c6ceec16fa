import { describe, expect, it } from 'vitest';
import { defaultQueueConfig, queueDef } from './config';
import type { QueueConfig } from './config';
import { estimateWaitMinutes } from './wait';
import { simulateDay, type ReplayTicket } from '../../test/support/wait-replay';
import { T0 } from '../../test/support/queue';

/*
 * The wait estimate replayed on recorded branch days (test/support/wait-replay.ts): for every ticket, what the TV
 * and the ticket would have said when it was issued, against the wait that actually followed. The old estimate
 * (every open counter, a bare median, no floor) is kept here verbatim as the baseline.
 */

const MIN = 60_000;
const SEEDS = [11, 23, 37, 41, 53, 67, 79, 83];

/** The estimate before step 10: every configured open counter, median of the last 20, ceil(ahead × s ÷ open). */
function oldEstimate(t: ReplayTicket, config: QueueConfig): number | null {
  if (!(t.openCounters > 0)) return null;
  const recent = t.recentDurationsMs
    .slice(-20)
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  let s: number;
  if (recent.length >= 3) {
    const mid = recent.length >> 1;
    s =
      recent.length % 2
        ? (recent[mid] as number)
        : ((recent[mid - 1] as number) + (recent[mid] as number)) / 2;
  } else s = (queueDef(config, t.queue)?.defaultServiceMinutes ?? 0) * MIN;
  if (t.ahead <= 0) return 0;
  return Math.ceil((t.ahead * s) / t.openCounters / MIN - 1e-9);
}

function newEstimate(t: ReplayTicket, config: QueueConfig): number | null {
  return estimateWaitMinutes(
    {
      queue: t.queue,
      ahead: t.ahead,
      servers: t.servers,
      free: t.free,
      recentDurationsMs: t.recentDurationsMs,
      priorMs: t.priorMs,
    },
    config,
  );
}

const mae = (pairs: [number, number][]) => pairs.reduce((s, [p, a]) => s + Math.abs(p - a), 0) / pairs.length;

describe('wait estimate on recorded days', () => {
  it('beats the old estimate (mean absolute error, minutes) and says "no counter" when nobody serves', () => {
    const config = defaultQueueConfig;
    const oldPairs: [number, number][] = [];
    const newPairs: [number, number][] = [];
    const unstaffed: [number, number][] = [];
    for (const seed of SEEDS) {
      for (const t of simulateDay(seed, config, T0)) {
        const actual = t.actualWaitMs / MIN;
        expect(Number.isFinite(actual)).toBe(true);
        const o = oldEstimate(t, config);
        const n = newEstimate(t, config);
        if (n === null) {
          // Nobody could call this ticket when it was issued: no number is given, and the old one was wrong.
          expect(t.servers).toBe(0);
          unstaffed.push([o ?? 0, actual]);
          continue;
        }
        newPairs.push([n, actual]);
        oldPairs.push([o ?? 0, actual]);
      }
    }
    const oldMae = mae(oldPairs);
    const newMae = mae(newPairs);
    process.stdout.write(
      `wait MAE over ${SEEDS.length} replayed days, ${newPairs.length} tickets: old ${oldMae.toFixed(2)} min, ` +
        `new ${newMae.toFixed(2)} min; ${unstaffed.length} tickets issued with no counter serving ` +
        `(old said a number, off by ${mae(unstaffed).toFixed(2)} min; new says 暂无窗口办理)\n`,
    );
    expect(newPairs.length).toBeGreaterThan(500);
    expect(unstaffed.length).toBeGreaterThan(0);
    expect(newMae).toBeLessThan(oldMae);
  });

  it('the same seed gives the same day', () => {
    expect(simulateDay(5, defaultQueueConfig, T0)).toEqual(simulateDay(5, defaultQueueConfig, T0));
  });
});
