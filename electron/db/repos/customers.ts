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

export class CustomerRepo {
  constructor(
    private readonly store: Store,
    private readonly pii: Pii,
  ) {}

  /** At most `limit` matches; names match by prefix so the index is used. */
  lookup(q: LookupQuery, limit = 20): CustomerSummaryRow[] {
    const k = this.store.k;
    switch (q.kind) {
      case 'id':
        return this.store.all(
          k
            .selectFrom('customers')
            .select(SUMMARY_COLUMNS)
            .where('id_hash', '=', this.pii.hash('id', q.value)),
        );
      case 'phone':
        return this.store.all(
          k
            .selectFrom('customers')
            .select(SUMMARY_COLUMNS)
            .where('phone_hash', '=', this.pii.hash('phone', q.value))
            .limit(limit),
        );
      case 'card':
        return this.store.all(
          k
            .selectFrom('cards')
            .innerJoin('customers', 'customers.id', 'cards.customer_id')
            .select(SUMMARY_COLUMNS.map((c) => `customers.${c}` as const))
            .where('cards.card_hash', '=', this.pii.hash('card', q.value)),
        );
      case 'customerNo':
        return this.store.all(
          k.selectFrom('customers').select(SUMMARY_COLUMNS).where('customer_no', '=', q.value),
        );
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
