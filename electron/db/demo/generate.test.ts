import { describe, expect, it } from 'vitest';
import { generateCustomers, MAX_DEMO_CUSTOMERS, SHOWCASE_COUNT, type DemoCustomer } from './generate';
import { NOW, SEED, take } from './generate.fixtures';
import { feistelKeys, permute8 } from './random';

// First, on a fresh heap: the 50,000-customer checks (generate-population.test.ts) leave the GC busy for a while.
describe('speed', () => {
  it('generates 100,000 customers at the rate of 10,000 (linear: no per-customer cost that grows with the count)', () => {
    const run = (count: number) => {
      const t0 = performance.now();
      let holdings = 0;
      for (const c of generateCustomers({ count, seed: SEED, now: NOW })) holdings += c.holdings.length;
      expect(holdings).toBeGreaterThan(count);
      return performance.now() - t0;
    };
    run(10_000); // JIT warm-up
    // Compared with itself in the same run, not with a wall-clock bound: a busy machine slows both sides alike
    // (about 0.3 s for 100,000 on an idle 2-core machine; the 1M seed's speed is measured by the seed itself).
    const small = Math.min(run(10_000), run(10_000), run(10_000));
    const big = run(100_000);
    expect(big / 10).toBeLessThan(small * 3);
  });
});

describe('determinism', () => {
  it('gives identical customers for the same count, seed and now', () => {
    expect(take(1000)).toEqual(take(1000));
  });

  it('gives a different branch for a different seed, with the same showcase', () => {
    const a = take(1000, SEED);
    const b = take(1000, SEED + 1);
    expect(a.slice(0, SHOWCASE_COUNT)).toEqual(b.slice(0, SHOWCASE_COUNT));
    const same = a
      .slice(SHOWCASE_COUNT)
      .filter((c, i) => c.name === b[i + SHOWCASE_COUNT]?.name && c.phone === b[i + SHOWCASE_COUNT]?.phone);
    expect(same.length).toBeLessThan(10);
  });

  it('gives the same customer at an index whatever the count; an owner at the end only loses the link', () => {
    const long = take(600);
    const k = long.findIndex((c, i) => i > 20 && c.kind === 'corporate');
    expect(k).toBeGreaterThan(20);
    const short = take(k); // ends with the corporate's owner
    expect(short.slice(0, k - 1)).toEqual(long.slice(0, k - 1));
    expect(long[k - 1]?.linkedCustomerNo).toBe(long[k]?.customerNo);
    expect(short[k - 1]).toEqual({ ...long[k - 1], linkedCustomerNo: null });
  });

  it('is lazy: the first customers come without generating the rest', () => {
    const it = generateCustomers({ count: MAX_DEMO_CUSTOMERS, seed: SEED, now: NOW });
    const first = it.next();
    expect(first.done).toBe(false);
    expect((first.value as DemoCustomer).customerNo).toBe('C100000001');
  });

  it('rejects counts, seeds and clocks it cannot honour', () => {
    expect(() => take(-1)).toThrow(RangeError);
    expect(() => take(1.5)).toThrow(RangeError);
    expect(() => take(MAX_DEMO_CUSTOMERS + 1)).toThrow(RangeError);
    expect(() => take(1, 0.5)).toThrow(RangeError);
    expect(() => take(1, SEED, Number.NaN)).toThrow(RangeError);
    expect(take(0)).toEqual([]);
  });
});

describe('permute8', () => {
  it('is a bijection on a window of [0, 10^8)', () => {
    const keys = feistelKeys(SEED, 2);
    const seen = new Set<number>();
    let outOfRange = 0;
    for (let x = 0; x < 200_000; x++) {
      const y = permute8(x, keys);
      if (!(Number.isInteger(y) && y >= 0 && y < 100_000_000)) outOfRange += 1;
      seen.add(y);
    }
    expect(outOfRange).toBe(0);
    expect(seen.size).toBe(200_000);
  });
});
