import type { ConsentEvent } from '@shared/customer/consent';
import type { Store } from '../connection';
import { consentFromRow, consentToRow } from '../convert/consent';
import type { ConsentEventTable } from '../schema';

/** Consent events (Step 15): appended, never changed; read per customer or for a batch of customers. */
export class ConsentRepo {
  constructor(private readonly store: Store) {}

  add(e: ConsentEvent): ConsentEventTable {
    const row = consentToRow(e);
    this.store.run(this.store.k.insertInto('consent_events').values(row));
    return row;
  }

  get(id: string): ConsentEvent | undefined {
    const r = this.store.first(this.store.k.selectFrom('consent_events').selectAll().where('id', '=', id));
    return r ? consentFromRow(r) : undefined;
  }

  /** An event that came from elsewhere (a prospect's, another branch's): stored once by id; false if it was there. */
  addIfAbsent(e: ConsentEvent): ConsentEventTable | null {
    const row = consentToRow(e);
    const r = this.store.run(
      this.store.k
        .insertInto('consent_events')
        .values(row)
        .onConflict((oc) => oc.column('id').doNothing()),
    );
    return r.changes > 0 ? row : null;
  }

  /** A customer's events, newest first. */
  forCustomer(customerId: string, limit = 100): ConsentEvent[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('consent_events')
          .selectAll()
          .where('customer_id', '=', customerId)
          .orderBy('at', 'desc')
          .orderBy('id', 'desc')
          .limit(limit),
      )
      .map(consentFromRow);
  }

  /** Every event of these customers (outreach lists read consent for a whole book at once), by customer. */
  forCustomers(ids: readonly string[]): Map<string, ConsentEvent[]> {
    const out = new Map<string, ConsentEvent[]>();
    // Chunked: SQLite caps the number of bound parameters.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = this.store.all(
        this.store.k.selectFrom('consent_events').selectAll().where('customer_id', 'in', chunk),
      );
      for (const r of rows) {
        const e = consentFromRow(r);
        const list = out.get(e.customerId);
        if (list) list.push(e);
        else out.set(e.customerId, [e]);
      }
    }
    return out;
  }

  /** Whether any consent event exists (the outreach skips the lookup on a branch that has none). */
  any(): boolean {
    return this.store.first(this.store.k.selectFrom('consent_events').select('id').limit(1)) !== undefined;
  }
}
