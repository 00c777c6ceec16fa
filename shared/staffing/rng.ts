/**
 * Seeded pseudo-random numbers (mulberry32): small, fast and the same on every platform, so the same seed gives
 * the same simulation in Node, a worker thread and the browser. Each replication gets its own stream, derived
 * from (seed, replication), so splitting replications across workers never changes the answer.
 */
export type Rng = () => number;

function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  return h >>> 0;
}

export function rngFor(seed: number, stream: number): Rng {
  let s = mix(seed >>> 0, stream >>> 0);
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponential draw with the given mean (never 0, never Infinity). */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng() * 0.999999999) * mean;
}
