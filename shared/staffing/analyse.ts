import { targetFor } from './config';
import { erlang, minServers, type ErlangResult } from './erlang';
import type { DayPattern } from './pattern';
import { serviceOf } from './pattern';
import type { Roster, SimRules } from './simulate';
import { simulate } from './simulate';
import { summariseRuns, type SimSummary } from './summary';

/** Erlang C per interval and queue, and the recommendation (Erlang's minimum, then checked by the simulation). */

export interface ErlangCell {
  arrivals: number;
  ahtSeconds: number;
  servers: number;
  result: ErlangResult;
}

const MINUTE_MS = 60_000;

function ahtSeconds(pattern: DayPattern, rules: SimRules, queue: string): number {
  const def = rules.queue.queues.find((q) => q.key === queue);
  return serviceOf(pattern, queue, (def?.defaultServiceMinutes ?? 10) * MINUTE_MS).meanMs / 1000;
}

/** erlangTable[interval][queue], queues in config order. */
export function erlangTable(pattern: DayPattern, roster: Roster, rules: SimRules): ErlangCell[][] {
  const intervalSeconds = pattern.intervalMinutes * 60;
  return pattern.intervals.map((iv, i) =>
    rules.queue.queues.map((q) => {
      const arrivals = iv.byQueue[q.key] ?? 0;
      const aht = ahtSeconds(pattern, rules, q.key);
      const servers = Math.max(0, Math.floor(roster[i]?.[q.key] ?? 0));
      const target = targetFor({ targets: [...rules.targets] }, q.key);
      return {
        arrivals,
        ahtSeconds: aht,
        servers,
        result: erlang({
          arrivals,
          intervalSeconds,
          ahtSeconds: aht,
          servers,
          targetSeconds: target.waitMinutes * 60,
        }),
      };
    }),
  );
}

/** The fewest counters per interval and queue that meet each queue's target by Erlang C. */
export function erlangRoster(pattern: DayPattern, rules: SimRules): Record<string, number>[] {
  const intervalSeconds = pattern.intervalMinutes * 60;
  return pattern.intervals.map((iv) => {
    const row: Record<string, number> = {};
    for (const q of rules.queue.queues) {
      const t = targetFor({ targets: [...rules.targets] }, q.key);
      row[q.key] = minServers(
        {
          arrivals: iv.byQueue[q.key] ?? 0,
          intervalSeconds,
          ahtSeconds: ahtSeconds(pattern, rules, q.key),
          targetSeconds: t.waitMinutes * 60,
        },
        t.percent,
        50,
      );
    }
    return row;
  });
}

export interface Recommendation {
  roster: Record<string, number>[];
  summary: SimSummary;
  /** Simulation rounds it took (each adds a counter where the simulated SL still missed the target). */
  rounds: number;
  /** Interval/queue cells that still miss after the last round. */
  missing: number;
}

/**
 * Start from Erlang C's minimum; simulate it with the real rules (priorities, walk-aways and the VIP/counter split
 * move the answer); where the pooled simulated SL of an interval still misses its target, add one counter there,
 * and simulate again, up to `maxRounds`. Each round uses the same seed, so the comparison is like for like.
 */
export function recommend(
  pattern: DayPattern,
  rules: SimRules,
  run: { seed: number; replications: number; maxRounds: number },
  onRound?: (round: number) => void,
  onReplication?: () => void,
): Recommendation {
  const queues = rules.queue.queues.map((q) => q.key);
  const roster = erlangRoster(pattern, rules);
  let rounds = 0;
  for (;;) {
    rounds++;
    onRound?.(rounds);
    const reps = simulate(
      pattern,
      roster,
      rules,
      { seed: run.seed, from: 0, count: run.replications },
      onReplication,
    );
    const summary = summariseRuns(reps, queues, pattern.intervals.length);
    let missing = 0;
    const bump: [number, string][] = [];
    summary.cells.forEach((row, i) =>
      row.forEach((c, q) => {
        const key = queues[q] as string;
        const t = targetFor({ targets: [...rules.targets] }, key);
        if (c.slPooled !== null && c.slPooled < t.percent && (roster[i]?.[key] ?? 0) < 50) {
          missing++;
          bump.push([i, key]);
        }
      }),
    );
    if (missing === 0 || rounds >= run.maxRounds) return { roster, summary, rounds, missing };
    for (const [i, key] of bump) {
      const row = roster[i] as Record<string, number>;
      row[key] = (row[key] ?? 0) + 1;
    }
  }
}
