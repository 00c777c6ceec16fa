import type Database from 'better-sqlite3';
import type { CustomerConfig } from '@shared/customer/config';
import type { LookupQuery } from '@shared/customer/ids';
import type { Store } from '../connection';
import type { Pii } from '../pii';
import type { CardTable, CustomerTable, HoldingTable } from '../schema';

const SUMMARY_COLUMNS = [
  'id',
  'customer_no',
  'kind',
  'name',
  'id_masked',
  'phone_masked',
  'aum_fen',
  'tier',
  'segments',
] as const;
export type CustomerSummaryRow = Pick<CustomerTable, (typeof SUMMARY_COLUMNS)[number]>;

type Lookup = Database.Statement<[string], CustomerSummaryRow>;

export class CustomerRepo {
  /** The walk-in lookups, prepared once: they run at every swipe (P1 in BENCH.md). */
  private readonly byIdHash: Lookup;
  private readonly byPhoneHash: Database.Statement<[string, number], CustomerSummaryRow>;
  private readonly byCardHash: Lookup;
  private readonly byCustomerNo: Lookup;

  constructor(
    private readonly store: Store,
    private readonly pii: Pii,
  ) {
    const cols = SUMMARY_COLUMNS.join(', ');
    const db = store.sqlite;
    this.byIdHash = db.prepare(`SELECT ${cols} FROM customers WHERE id_hash = ?`);
    this.byPhoneHash = db.prepare(`SELECT ${cols} FROM customers WHERE phone_hash = ? LIMIT ?`);
    this.byCardHash = db.prepare(
      `SELECT ${SUMMARY_COLUMNS.map((c) => `customers.${c}`).join(', ')} FROM cards
       INNER JOIN customers ON customers.id = cards.customer_id WHERE cards.card_hash = ?`,
    );
    this.byCustomerNo = db.prepare(`SELECT ${cols} FROM customers WHERE customer_no = ?`);
  }

  /** At most `limit` matches; names match by prefix so the index is used. */
  lookup(q: LookupQuery, limit = 20): CustomerSummaryRow[] {
    const k = this.store.k;
    switch (q.kind) {
      case 'id':
        return this.byIdHash.all(this.pii.hash('id', q.value));
      case 'phone':
        return this.byPhoneHash.all(this.pii.hash('phone', q.value), limit);
      case 'card':
        return this.byCardHash.all(this.pii.hash('card', q.value));
      case 'customerNo':
        return this.byCustomerNo.all(q.value);
      case 'name':
        return this.store.all(
          k
            .selectFrom('customers')
            .select(SUMMARY_COLUMNS)
            .where('name', '>=', q.value)
            .where('name', '<', `${q.value}\uffff`)
            .orderBy('name')
            .limit(limit),
        );
    }
  }

  get(id: string): CustomerTable | undefined {
    return this.store.first(this.store.k.selectFrom('customers').selectAll().where('id', '=', id));
  }

  holdings(customerId: string): HoldingTable[] {
    return this.store.all(
      this.store.k
        .selectFrom('holdings')
        .selectAll()
        .where('customer_id', '=', customerId)
        .orderBy('balance_fen', 'desc'),
    );
  }

  cards(customerId: string): Pick<CardTable, 'card_masked'>[] {
    return this.store.all(
      this.store.k
        .selectFrom('cards')
        .select('card_masked')
        .where('customer_id', '=', customerId)
        .orderBy('card_masked'),
    );
  }

  count(): number {
    const r = this.store.first(
      this.store.k.selectFrom('customers').select((e) => e.fn.countAll<number>().as('n')),
    );
    return Number(r?.n ?? 0);
  }

  tierCounts(): Record<string, number> {
    const rows = this.store.all(
      this.store.k
        .selectFrom('customers')
        .select(['tier', (e) => e.fn.countAll<number>().as('n')])
        .groupBy('tier'),
    );
    return Object.fromEntries(rows.map((r) => [r.tier, Number(r.n)]));
  }
}

export function compileCustomerNoPattern(cfg: CustomerConfig): RegExp {
  return new RegExp(cfg.customerNoPattern);
}
