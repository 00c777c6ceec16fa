/*
 * Erlang C (M/M/N): Poisson arrivals, exponential service, N counters, nobody leaves the queue.
 *   A = λ·AHT (offered load, Erlangs)
 *   P_wait = (Aᴺ/N! · N/(N−A)) / (Σₖ₌₀ᴺ⁻¹ Aᵏ/k! + Aᴺ/N! · N/(N−A))
 *   SL(t) = 1 − P_wait · e^(−(N−A)·t/AHT);  ASA = P_wait · AHT/(N−A);  occupancy = A/N
 * N ≤ A: the queue grows without bound (no steady state) — reported as `unbounded`, never as a number.
 *
 * Computed without factorials: Erlang B by the recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), then
 * C = N·B / (N − A·(1 − B)). Every step stays in [0, 1], so N = 50 or N = 12 000 neither overflows nor loses
 * precision (the textbook sum overflows a double at about N = 170).
 */

export function erlangB(servers: number, load: number): number {
  if (load <= 0) return 0;
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Probability an arrival waits; 1 when N ≤ A (everyone waits, eventually for ever). */
export function erlangC(servers: number, load: number): number {
  if (load <= 0) return 0;
  if (servers <= load) return 1;
  const b = erlangB(servers, load);
  return (servers * b) / (servers - load * (1 - b));
}

export interface ErlangInput {
  /** Arrivals in the interval. */
  arrivals: number;
  /** Interval length, seconds. */
  intervalSeconds: number;
  /** Average handling (service) time, seconds. */
  ahtSeconds: number;
  servers: number;
  /** Target answer (wait) time, seconds. */
  targetSeconds: number;
}

export type ErlangResult =
  | {
      unbounded: false;
      /** Offered load A, Erlangs. */
      load: number;
      pWait: number;
      /** Share of arrivals waiting at most the target (0–1). */
      serviceLevel: number;
      /** Average speed of answer (mean wait), seconds. */
      asaSeconds: number;
      occupancy: number;
    }
  | { unbounded: true; load: number; occupancy: number };

export function erlang(input: ErlangInput): ErlangResult {
  const { arrivals, intervalSeconds, ahtSeconds, servers, targetSeconds } = input;
  const load = (arrivals / intervalSeconds) * ahtSeconds;
  if (load <= 0) {
    return { unbounded: false, load: 0, pWait: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 };
  }
  if (servers <= load) return { unbounded: true, load, occupancy: servers > 0 ? 1 : Infinity };
  const pWait = erlangC(servers, load);
  const gap = servers - load;
  return {
    unbounded: false,
    load,
    pWait,
    serviceLevel: 1 - pWait * Math.exp((-gap * targetSeconds) / ahtSeconds),
    asaSeconds: (pWait * ahtSeconds) / gap,
    occupancy: load / servers,
  };
}

/**
 * The fewest servers meeting the service level `percent` (0–100) at the target: at least one when anyone
 * arrives, none when nobody does. Capped at `max` (returned even if it still misses).
 */
export function minServers(input: Omit<ErlangInput, 'servers'>, percent: number, max = 200): number {
  if (input.arrivals <= 0 || input.ahtSeconds <= 0) return 0;
  const load = (input.arrivals / input.intervalSeconds) * input.ahtSeconds;
  for (let n = Math.max(1, Math.floor(load) + 1); n < max; n++) {
    const r = erlang({ ...input, servers: n });
    if (!r.unbounded && r.serviceLevel * 100 >= percent) return n;
  }
  return max;
}
