import { F_ARRIVALS, F_MET, F_SERVED, F_UNSERVED, F_WAIT_MS, F_WALKED, FIELDS } from './simulate';

/** The spread of the replications: per interval and queue, and per queue for the whole day. */

export interface Spread {
  p10: number;
  p50: number;
  p90: number;
}

export interface SimCell {
  /** Mean arrivals per replication. */
  arrivals: number;
  served: number;
  walked: number;
  unserved: number;
  /** Served within target ÷ served over all replications pooled (%), null when nobody was served. */
  slPooled: number | null;
  /** Per-replication SL % (replications that served someone), null when none did. */
  sl: Spread | null;
  /** Per-replication mean wait, minutes. */
  waitMinutes: Spread | null;
}

export interface SimSummary {
  replications: number;
  queues: string[];
  /** cells[interval][queue]. */
  cells: SimCell[][];
  /** Whole-day figures per queue. */
  day: SimCell[];
}

/** Linear-interpolated percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

function spread(values: number[]): Spread | null {
  if (values.length === 0) return null;
  const s = values.sort((a, b) => a - b);
  return { p10: percentile(s, 0.1), p50: percentile(s, 0.5), p90: percentile(s, 0.9) };
}

function summarise(reps: readonly Float64Array[], offsets: (r: Float64Array) => number[]): SimCell {
  const sl: number[] = [];
  const wait: number[] = [];
  let arrivals = 0;
  let served = 0;
  let met = 0;
  let walked = 0;
  let unserved = 0;
  for (const r of reps) {
    let a = 0;
    let s = 0;
    let m = 0;
    let w = 0;
    let wk = 0;
    let u = 0;
    for (const o of offsets(r)) {
      a += r[o + F_ARRIVALS] as number;
      s += r[o + F_SERVED] as number;
      m += r[o + F_MET] as number;
      w += r[o + F_WAIT_MS] as number;
      wk += r[o + F_WALKED] as number;
      u += r[o + F_UNSERVED] as number;
    }
    arrivals += a;
    served += s;
    met += m;
    walked += wk;
    unserved += u;
    if (s > 0) {
      sl.push((100 * m) / s);
      wait.push(w / s / 60_000);
    }
  }
  const n = Math.max(1, reps.length);
  return {
    arrivals: arrivals / n,
    served: served / n,
    walked: walked / n,
    unserved: unserved / n,
    slPooled: served > 0 ? (100 * met) / served : null,
    sl: spread(sl),
    waitMinutes: spread(wait),
  };
}

export function summariseRuns(
  reps: readonly Float64Array[],
  queues: readonly string[],
  intervals: number,
): SimSummary {
  const Q = queues.length;
  const cells: SimCell[][] = [];
  for (let i = 0; i < intervals; i++) {
    cells.push(queues.map((_, q) => summarise(reps, () => [(i * Q + q) * FIELDS])));
  }
  const day = queues.map((_, q) =>
    summarise(reps, () => Array.from({ length: intervals }, (_, i) => (i * Q + q) * FIELDS)),
  );
  return { replications: reps.length, queues: [...queues], cells, day };
}
