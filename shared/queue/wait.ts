import { queueDef } from './config';
import type { QueueConfig } from './config';

/*
 * Honest wait estimates (预计等候) for the lobby TV, the ticket and the lobby screen.
 *
 *  - Only counters that can call the customer count: open, staffed (someone signed in at it), in the `serving`
 *    staff state and calling from the queue. A counter that also calls from other queues with people waiting
 *    counts as its share. With none, there is no estimate at all ("暂无窗口办理"), never a number for ever.
 *  - The typical service time is a robust mean of the recent services (the median or a trimmed mean) pulled
 *    towards a prior, the configured minutes of the visits waiting (their intents), which counts as
 *    `priorWeight` services; and it is never below `floorFraction` of that prior. A few quick services early in
 *    the day no longer make "5 人等候 预计约 1 分钟".
 *  - Wait for a ticket with k ahead, c counters of which f are free: 0 when k < f (a free counter calls at once);
 *    else (k − f + residualShare) × service ÷ c — the busy counters are part way through their current service.
 * Checked against replayed branch days (wait.replay.test.ts): its mean absolute error against the waits that
 * actually happened is lower than the old estimate's.
 */

const MINUTE_MS = 60_000;

/** A counter as the estimate sees it. */
export interface ServingPoint {
  open: boolean;
  /** The teller's state: only `serving` calls customers (not `break`, `back_office`, `closed`). */
  staffState: string;
  /** Someone is signed in at this counter. */
  staffed: boolean;
  queues: readonly string[];
  /** Nobody called or being served there now. */
  free: boolean;
}

/** Can this counter call customers now? */
export function callsNow(c: Omit<ServingPoint, 'free' | 'queues'>): boolean {
  return c.open && c.staffed && c.staffState === 'serving';
}

/**
 * The service capacity for `queue` now: the counters that call from it, each counted as 1 ÷ the number of its
 * queues that have people waiting (this one included), and how many of them are free.
 */
export function servingCapacity(
  points: readonly ServingPoint[],
  queue: string,
  waitingByQueue: Readonly<Record<string, number>>,
): { servers: number; counters: number; free: number } {
  let servers = 0;
  let counters = 0;
  let free = 0;
  for (const c of points) {
    if (!callsNow(c) || !c.queues.includes(queue)) continue;
    const busyQueues = c.queues.filter((q) => q === queue || (waitingByQueue[q] ?? 0) > 0).length;
    servers += 1 / Math.max(1, busyQueues);
    counters += 1;
    if (c.free) free += 1;
  }
  return { servers, counters, free };
}

export interface WaitInput {
  queue: string;
  /** Tickets ahead of this one (or the queue length, for a new ticket). */
  ahead: number;
  /** Service capacity calling from this queue now (`servingCapacity().servers`); 0 → no estimate. */
  servers: number;
  /** Of those counters, how many are free now. */
  free?: number;
  /** Recent service durations (start → finish) in this queue, oldest first. */
  recentDurationsMs: readonly number[];
  /** The configured minutes of the visits ahead, in ms (see `visitPriorMs`); null → the queue's default. */
  priorMs?: number | null;
}

/** The prior service time of one visit: the sum of its intents' configured minutes, or null when none is set. */
export function visitPriorMs(
  services: readonly string[],
  intents: readonly { key: string; minutes?: number | undefined }[],
): number | null {
  let sum = 0;
  let known = false;
  for (const s of services) {
    const m = intents.find((i) => i.key === s)?.minutes;
    if (m !== undefined) {
      sum += m;
      known = true;
    }
  }
  return known ? sum * MINUTE_MS : null;
}

/** The mean of the known priors, or null when none is known. */
export function meanPriorMs(priors: readonly (number | null)[]): number | null {
  const known = priors.filter((p): p is number => p !== null && Number.isFinite(p) && p > 0);
  return known.length ? known.reduce((s, p) => s + p, 0) / known.length : null;
}

function robustMean(sorted: readonly number[], config: QueueConfig): number {
  if (config.wait.method === 'median') {
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  }
  const cut = Math.floor(sorted.length * config.wait.trimFraction);
  const kept = sorted.slice(cut, sorted.length - cut);
  return kept.reduce((s, d) => s + d, 0) / kept.length;
}

/**
 * Typical service time of the queue in ms: the robust mean of the last `recentWindow` durations, weighted
 * against the prior (`priorMs`, else the queue's `defaultServiceMinutes`) as `priorWeight` samples, and at least
 * `floorFraction` of the prior. Fewer than `minSamples` durations → the prior alone. null for an unknown queue
 * without a prior or samples.
 */
export function typicalServiceMs(
  queue: string,
  recentDurationsMs: readonly number[],
  config: QueueConfig,
  priorMs: number | null = null,
): number | null {
  const { recentWindow, minSamples, priorWeight, floorFraction } = config.wait;
  const def = queueDef(config, queue);
  const prior = priorMs ?? (def ? def.defaultServiceMinutes * MINUTE_MS : null);
  const recent = recentDurationsMs
    .slice(-recentWindow)
    .filter((d) => Number.isFinite(d) && d > 0)
    .sort((a, b) => a - b);
  if (prior === null) return recent.length >= minSamples ? robustMean(recent, config) : null;
  if (recent.length < minSamples) return prior;
  const n = recent.length;
  const blended = (priorWeight * prior + n * robustMean(recent, config)) / (priorWeight + n);
  return Math.max(blended, floorFraction * prior);
}

/**
 * Minutes until a ticket with `ahead` tickets before it is called, rounded up; null when no counter calls from
 * the queue now (the screens say "暂无窗口办理") or the queue is unknown without samples.
 */
export function estimateWaitMinutes(input: WaitInput, config: QueueConfig): number | null {
  if (!(input.servers > 0)) return null;
  const serviceMs = typicalServiceMs(input.queue, input.recentDurationsMs, config, input.priorMs ?? null);
  if (serviceMs === null) return null;
  const free = Math.max(0, input.free ?? 0);
  if (input.ahead < free) return 0;
  const minutes = ((input.ahead - free + config.wait.residualShare) * serviceMs) / input.servers / MINUTE_MS;
  // Guard against 12.000000000001 → 13.
  return Math.ceil(minutes - 1e-9);
}
