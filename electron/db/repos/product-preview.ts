import { sql } from 'kysely';
import type { CandidateFilter } from '@shared/suggest/product-preview';
import { customerFromRow, holdingFromRow, type Customer, type Holding } from '../convert/customers';
import type { Store } from '../connection';

const CHUNK = 500;

/**
 * Reads for the product-change preview: the row numbers of the customers who pass the pre-filter (kind, AUM
 * interval: the `customers_aum` index), then the customers the preview ranks (all of them or a sample picked by
 * the app), with their holdings.
 */
export class ProductPreviewRepo {
  constructor(private readonly store: Store) {}

  total(): number {
    const q = this.store.k.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n'));
    return this.store.first(q)?.n ?? 0;
  }

  /** Row numbers of the candidates (integers only: a million of them read in a fraction of a second). */
  candidates(f: CandidateFilter, allKinds: boolean): number[] {
    let q = this.store.k.selectFrom('customers').select(sql<number>`rowid`.as('r'));
    if (!allKinds) q = q.where('kind', 'in', f.kinds);
    if (f.fromFen !== null) q = q.where('aum_fen', '>=', f.fromFen);
    if (f.toFen !== null) q = q.where('aum_fen', '<', f.toFen);
    const c = q.compile();
    return this.store.sqlite
      .prepare(c.sql)
      .pluck()
      .all(...(c.parameters as unknown[])) as number[];
  }

  /** The customers with these row numbers. */
  customers(rowids: readonly number[]): Customer[] {
    const out: Customer[] = [];
    for (let i = 0; i < rowids.length; i += CHUNK) {
      const part = rowids.slice(i, i + CHUNK);
      const rows = this.store.all(
        this.store.k
          .selectFrom('customers')
          .selectAll()
          .where(sql<number>`rowid`, 'in', part),
      );
      for (const r of rows) out.push(customerFromRow(r));
    }
    return out;
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
