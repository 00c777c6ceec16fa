import { queueDef } from './config';
import type { QueueConfig } from './config';

export interface WaitInput {
  queue: string;
  /** Tickets ahead of this one (or the queue length, for a new ticket). */
  ahead: number;
  /** Open counters calling from this queue. */
  openServicePoints: number;
  /** Recent service durations (start → finish) in this queue, oldest first. */
  recentDurationsMs: readonly number[];
}

const MINUTE_MS = 60_000;

/**
 * Typical service time of the queue in ms: the median (or trimmed mean) of the last `recentWindow` durations,
 * or the queue's `defaultServiceMinutes` when fewer than `minSamples` are known; null for an unknown queue
 * without samples.
 */
export function typicalServiceMs(
  queue: string,
  recentDurationsMs: readonly number[],
  config: QueueConfig,
): number | null {
  const { recentWindow, minSamples, method, trimFraction } = config.wait;
  const recent = recentDurationsMs
    .slice(-recentWindow)
    .filter((d) => Number.isFinite(d) && d > 0)
    .sort((a, b) => a - b);
  if (recent.length >= minSamples) {
    if (method === 'median') {
      const mid = recent.length >> 1;
      return recent.length % 2 === 1
        ? (recent[mid] as number)
        : ((recent[mid - 1] as number) + (recent[mid] as number)) / 2;
    }
    const cut = Math.floor(recent.length * trimFraction);
    const kept = recent.slice(cut, recent.length - cut);
    return kept.reduce((s, d) => s + d, 0) / kept.length;
  }
  const def = queueDef(config, queue);
  return def ? def.defaultServiceMinutes * MINUTE_MS : null;
}

/**
 * Minutes until a ticket with `ahead` tickets before it is called, rounded up:
 * ahead × typical service time ÷ open service points. null when unknown (no open service point, or an unknown
 * queue without samples).
 */
export function estimateWaitMinutes(input: WaitInput, config: QueueConfig): number | null {
  if (!(input.openServicePoints > 0)) return null;
  const serviceMs = typicalServiceMs(input.queue, input.recentDurationsMs, config);
  if (serviceMs === null) return null;
  if (input.ahead <= 0) return 0;
  const minutes = (input.ahead * serviceMs) / input.openServicePoints / MINUTE_MS;
  // Guard against 12.000000000001 → 13.
  return Math.ceil(minutes - 1e-9);
}
