import { sql } from 'kysely';
import type { CandidateFilter } from '@shared/suggest/product-preview';
import { customerFromRow, holdingFromRow, type Customer, type Holding } from '../convert/customers';
import type { Store } from '../connection';

/** Multiplier and modulus of the row-number hash that picks a sample (a prime modulus spreads any stride). */
const HASH_MUL = 2_654_435_761;
const HASH_MOD = 1_000_003;
const CHUNK = 500;

/**
 * Reads for the product-change preview: how many customers pass the pre-filter (kind, AUM interval: the
 * `customers_aum` index), and the customers themselves, all of them or a pseudo-random share picked by a hash
 * of the row number, with their holdings.
 */
export class ProductPreviewRepo {
  constructor(private readonly store: Store) {}

  private filtered(f: CandidateFilter, allKinds: boolean) {
    let q = this.store.k.selectFrom('customers');
    if (!allKinds) q = q.where('kind', 'in', f.kinds);
    if (f.fromFen !== null) q = q.where('aum_fen', '>=', f.fromFen);
    if (f.toFen !== null) q = q.where('aum_fen', '<', f.toFen);
    return q;
  }

  total(): number {
    const q = this.store.k.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n'));
    return this.store.first(q)?.n ?? 0;
  }

  count(f: CandidateFilter, allKinds: boolean): number {
    const q = this.filtered(f, allKinds).select((eb) => eb.fn.countAll<number>().as('n'));
    return this.store.first(q)?.n ?? 0;
  }

  /** The candidates, or about `share` (0–1] of them, in row order. */
  customers(f: CandidateFilter, allKinds: boolean, share: number): Customer[] {
    let q = this.filtered(f, allKinds).selectAll();
    if (share < 1) {
      const cut = Math.max(1, Math.round(share * HASH_MOD));
      q = q.where(sql<boolean>`((rowid * ${sql.lit(HASH_MUL)}) % ${sql.lit(HASH_MOD)}) < ${cut}`);
    }
    return this.store.all(q).map(customerFromRow);
  }

  /** Holdings of many customers, by customer id. */
  holdings(ids: readonly string[]): Map<string, Holding[]> {
    const out = new Map<string, Holding[]>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = this.store.all(
        this.store.k
          .selectFrom('holdings')
          .selectAll()
          .where('customer_id', 'in', ids.slice(i, i + CHUNK)),
      );
      for (const r of rows) {
        const list = out.get(r.customer_id);
        if (list) list.push(holdingFromRow(r));
        else out.set(r.customer_id, [holdingFromRow(r)]);
      }
    }
    return out;
  }
}
