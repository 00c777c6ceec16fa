import { TIER_KEYS, type TierKey } from '@shared/customer/tier';
import type { BalancePoint } from '@shared/outreach/types';

/** What the list rules read of the balance history: one customer's points, oldest first. */
export interface HistoryReader {
  get(customerId: string): BalancePoint[] | undefined;
}

/**
 * The whole branch's balance history, kept all day between lists, packed in typed arrays. As objects, the million
 * points of a 100,000-customer branch were most of the server's live heap, and every major garbage collection had
 * to mark them again: pauses of 100–400 ms while a list was made (every request waited). A customer's points are
 * made into objects when the rules ask for them, and are garbage a moment later.
 */
export class PackedHistory implements HistoryReader {
  private asOf = new Float64Array(1024);
  private aum = new Float64Array(1024);
  private tier = new Uint8Array(1024);
  private n = 0;
  /** Per customer, where their points start and end (customers' points are added contiguously). */
  private readonly span = new Map<string, number>();
  private starts: number[] = [];
  private ends: number[] = [];

  get size(): number {
    return this.span.size;
  }

  /** Adds a point; a customer's points arrive together and oldest first (the primary key's order). */
  push(customerId: string, asOf: number, aumFen: number, tier: string): void {
    if (this.n === this.asOf.length) this.grow();
    const i = this.n++;
    this.asOf[i] = asOf;
    this.aum[i] = aumFen;
    const t = TIER_KEYS.indexOf(tier as TierKey);
    this.tier[i] = t < 0 ? 0 : t;
    const slot = this.span.get(customerId);
    if (slot === undefined) {
      this.span.set(customerId, this.starts.length);
      this.starts.push(i);
      this.ends.push(i + 1);
    } else this.ends[slot] = i + 1;
  }

  get(customerId: string): BalancePoint[] | undefined {
    const slot = this.span.get(customerId);
    if (slot === undefined) return undefined;
    const out: BalancePoint[] = [];
    for (let i = this.starts[slot] ?? 0, end = this.ends[slot] ?? 0; i < end; i++)
      out.push({
        asOf: this.asOf[i] ?? 0,
        aumFen: this.aum[i] ?? 0,
        tier: TIER_KEYS[this.tier[i] ?? 0] ?? 'potential',
      });
    return out;
  }

  customerIds(): IterableIterator<string> {
    return this.span.keys();
  }

  private grow(): void {
    const more = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.asOf = more(this.asOf, (k) => new Float64Array(k));
    this.aum = more(this.aum, (k) => new Float64Array(k));
    this.tier = more(this.tier, (k) => new Uint8Array(k));
  }
}
