import { describe, expect, it } from 'vitest';
import { erlang, erlangB, erlangC, minServers } from './erlang';

describe('Erlang C', () => {
  it('matches the classic example: 100 calls / 30 min, AHT 3 min, N = 14, 20 s → SL ≈ 0.89', () => {
    const r = erlang({
      arrivals: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      servers: 14,
      targetSeconds: 20,
    });
    expect(r.unbounded).toBe(false);
    if (r.unbounded) return;
    expect(r.load).toBeCloseTo(10, 10);
    // pyworkforce's test_expected_erlangc_results: P_wait 0.174, SL 0.888, occupancy 0.714.
    expect(r.pWait).toBeCloseTo(0.174, 3);
    expect(r.serviceLevel).toBeCloseTo(0.888, 3);
    expect(r.occupancy).toBeCloseTo(0.714, 3);
    expect(r.asaSeconds).toBeCloseTo((r.pWait * 180) / 4, 10);
    // …and 14 is the fewest meeting 80 % in 20 s (pyworkforce raw_positions).
    expect(minServers({ arrivals: 100, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20 }, 80)).toBe(
      14,
    );
  });

  it('matches published P_wait values, including large N without overflow', () => {
    // perehinik/call-center-tools test_calc_wait_probability (rounded to 4 places).
    expect(erlangC(132, 123)).toBeCloseTo(0.3211, 4);
    expect(erlangC(12421, 12345)).toBeCloseTo(0.3812, 4);
    expect(erlangC(1, 1)).toBe(1);
    expect(erlangC(900, 1000)).toBe(1);
  });

  it('matches a published service level (stimulus: 35 calls / 15 min, AHT 752 s, N = 37, 20 s → 0.9042…)', () => {
    const r = erlang({ arrivals: 35, intervalSeconds: 900, ahtSeconds: 752, servers: 37, targetSeconds: 20 });
    expect(r.unbounded).toBe(false);
    if (!r.unbounded) {
      expect(r.serviceLevel).toBeGreaterThanOrEqual(0.9042);
      expect(r.serviceLevel).toBeLessThanOrEqual(0.9043);
    }
    // …and 28 counters for 25 calls at 90 % (stimulus required_server_count).
    expect(minServers({ arrivals: 25, intervalSeconds: 900, ahtSeconds: 752, targetSeconds: 20 }, 90)).toBe(
      28,
    );
  });

  it('agrees with the factorial formula where that one is still exact, and stays finite at N = 50', () => {
    const factorialC = (n: number, a: number) => {
      let sum = 0;
      let term = 1;
      for (let k = 0; k < n; k++) {
        sum += term;
        term = (term * a) / (k + 1);
      }
      const top = term * (n / (n - a));
      return top / (sum + top);
    };
    for (const [n, a] of [
      [3, 2],
      [10, 7.5],
      [20, 18.2],
    ] as const) {
      expect(erlangC(n, a)).toBeCloseTo(factorialC(n, a), 12);
    }
    const c50 = erlangC(50, 45);
    expect(Number.isFinite(c50)).toBe(true);
    expect(c50).toBeGreaterThan(0);
    expect(c50).toBeLessThan(1);
    expect(erlangB(50, 45)).toBeGreaterThan(0);
  });

  it('says the queue grows without bound when N ≤ A, and handles an empty interval', () => {
    const r = erlang({
      arrivals: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      servers: 10,
      targetSeconds: 20,
    });
    expect(r.unbounded).toBe(true);
    const empty = erlang({
      arrivals: 0,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      servers: 2,
      targetSeconds: 20,
    });
    expect(empty).toMatchObject({ unbounded: false, serviceLevel: 1, occupancy: 0 });
    expect(minServers({ arrivals: 0, intervalSeconds: 1800, ahtSeconds: 180, targetSeconds: 20 }, 80)).toBe(
      0,
    );
  });
});
