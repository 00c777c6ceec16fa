/**
 * Deterministic randomness for the demo generator: a small PRNG (sfc32), integer hashing,
 * and a keyed bijection on 8-digit numbers that turns a customer's index into phone and
 * card digits that look random but can never repeat.
 */

/** murmur3's 32-bit finaliser: a good avalanche for hashing small integers. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of three 32-bit values (seed, index, salt) to a uint32. */
export function hash3(a: number, b: number, c: number): number {
  let h = mix32(a ^ 0x9e3779b9);
  h = mix32((h + Math.imul(b, 0x85ebca77)) ^ 0x27d4eb2f);
  return mix32((h + Math.imul(c, 0xc2b2ae3d)) | 0);
}

/** Hash of (a, b, c) as a float in [0, 1). */
export function unit3(a: number, b: number, c: number): number {
  return hash3(a, b, c) / 4294967296;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), reseeded per customer from
 * (seed, index) so each customer is a pure function of them. Mutable on purpose: one instance
 * is reused for every customer, so generating allocates nothing for randomness.
 */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  reseed(seed: number, index: number, salt: number): void {
    this.a = hash3(seed, index, salt) | 0;
    this.b = hash3(seed, index, salt + 0x632be5ab) | 0;
    this.c = hash3(seed, index, salt + 0x1b873593) | 0;
    this.d = 1;
    for (let i = 0; i < 6; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** Cumulative weights (last element = total) for `pickIndex`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/** Index i with cum[i-1] <= u * total < cum[i]; binary search, u in [0, 1). */
export function pickIndex(cum: Float64Array, u: number): number {
  const x = u * (cum[cum.length - 1] as number);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Four round keys for `permute8`, derived from the seed and a purpose. */
export function feistelKeys(seed: number, purpose: number): Uint32Array {
  const k = new Uint32Array(4);
  for (let i = 0; i < 4; i++) k[i] = hash3(seed, purpose, i);
  return k;
}

/**
 * A keyed permutation of [0, 10^8): a four-round Feistel network on two base-10^4 halves with
 * addition mod 10^4, which is a bijection whatever the round function. Distinct inputs give
 * distinct outputs, so digits derived from a customer's index are unique by construction.
 */
export function permute8(x: number, keys: Uint32Array): number {
  let l = (x / 10000) | 0;
  let r = x - l * 10000;
  for (let i = 0; i < 4; i++) {
    // Round function in [0, 10^4) by scaling the hash's top 16 bits: integer-only arithmetic.
    let t = l + (((mix32(Math.imul(r + 1, 0x9e3779b1) ^ (keys[i] as number)) >>> 16) * 10000) >>> 16);
    if (t >= 10000) t -= 10000;
    l = r;
    r = t;
  }
  return l * 10000 + r;
}

/** '0000'…'9999' and '000'…'999', so building digit strings needs no padding per customer. */
export const PAD4: readonly string[] = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0'));
export const PAD3: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** Truncated Pareto on [lo, hi), floored to an integer; alpha 0 is log-uniform. Heavier tails give the 80/20 shape. */
export function pareto(rng: Rng, lo: number, hi: number, alpha: number): number {
  const u = rng.next();
  const x =
    alpha === 0
      ? lo * Math.pow(hi / lo, u)
      : lo * Math.pow(1 - u * (1 - Math.pow(lo / hi, alpha)), -1 / alpha);
  return Math.min(hi - 1, Math.max(lo, Math.floor(x)));
}

/** A key from a table of (key, weight) whose weights sum to 1, by one draw of `rng`. */
export function pickWeighted(rng: Rng, table: readonly (readonly [string, number])[]): string {
  let u = rng.next();
  for (const [k, w] of table) {
    if (u < w) return k;
    u -= w;
  }
  return (table.at(-1) as readonly [string, number])[0];
}
