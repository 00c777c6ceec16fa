import type Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { CustomerConfig } from '@shared/customer/config';
import type { LookupQuery } from '@shared/customer/ids';
import type { Store } from '../connection';
import type { Pii } from '../pii';
import {
  customerBriefFromRow,
  customerFromRow,
  holdingFromRow,
  type Customer,
  type CustomerBrief,
  type Holding,
} from '../convert/customers';

const SUMMARY_COLUMNS = [
  'id',
  'customer_no',
  'kind',
  'name',
  'id_masked',
  'phone_masked',
  'aum_fen',
  'segments',
  'corporate_grade',
  'credit_code',
] as const;

type SummaryTuple = [
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  number,
  string,
  string | null,
  string | null,
];
/**
 * Raw (array) rows, named here: better-sqlite3 builds each row object key by key through the V8 API,
 * which cost a lookup more than the row's B-tree search; an object literal gets a fixed shape.
 */
type Lookup = Database.Statement<[string], SummaryTuple>;

function summaryRow(t: SummaryTuple): CustomerBrief {
  return customerBriefFromRow({
    id: t[0],
    customer_no: t[1],
    kind: t[2],
    name: t[3],
    id_masked: t[4],
    phone_masked: t[5],
    aum_fen: t[6],
    segments: t[7],
    corporate_grade: t[8],
    credit_code: t[9],
  });
}

function summaryRows(ts: SummaryTuple[]): CustomerBrief[] {
  return ts.length === 1 ? [summaryRow(ts[0] as SummaryTuple)] : ts.map(summaryRow);
}

/** A limit safe to write into SQL text. */
function literalLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`bad lookup limit ${limit}`);
  return limit;
}

export class CustomerRepo {
  /** The walk-in lookups, prepared once: they run at every swipe (P1 in BENCH.md). */
  private readonly byIdHash: Lookup;
  /**
   * By limit, the limit written into the SQL: a bound `LIMIT ?` makes SQLite (3.4x+) re-plan the
   * statement on every call, which cost a phone lookup more than the lookup itself.
   */
  private readonly byPhoneHash = new Map<number, Lookup>();
  private readonly byCardHash: Lookup;
  /** A terminal's cards are keyed `tag:customerId` (tags are not unique): a range on the key finds the tag. */
  private readonly byCardTag: Database.Statement<[string, string], SummaryTuple>;
  private readonly byCustomerNo: Lookup;

  constructor(
    private readonly store: Store,
    private readonly pii: Pii,
  ) {
    const cols = SUMMARY_COLUMNS.join(', ');
    const db = store.sqlite;
    const raw = (sql: string): Lookup => db.prepare<[string], SummaryTuple>(sql).raw(true);
    this.byIdHash = raw(`SELECT ${cols} FROM customers WHERE id_hash = ?`);
    this.byCardHash = raw(
      `SELECT ${SUMMARY_COLUMNS.map((c) => `customers.${c}`).join(', ')} FROM cards
       INNER JOIN customers ON customers.id = cards.customer_id WHERE cards.card_hash = ?`,
    );
    this.byCardTag = db
      .prepare<[string, string], SummaryTuple>(
        `SELECT ${SUMMARY_COLUMNS.map((c) => `customers.${c}`).join(', ')} FROM cards
         INNER JOIN customers ON customers.id = cards.customer_id WHERE cards.card_hash > ? AND cards.card_hash < ?`,
      )
      .raw(true);
    this.byCustomerNo = raw(`SELECT ${cols} FROM customers WHERE customer_no = ?`);
  }

  /** At most `limit` matches; names match by prefix so the index is used. */
  lookup(q: LookupQuery, limit = 20): CustomerBrief[] {
    const k = this.store.k;
    switch (q.kind) {
      // At the hub the full keyed hash; on a terminal the tag its copy holds (Pii.tag).
      case 'id':
        return summaryRows(this.byIdHash.all(this.pii.lookupHash('id', q.value)));
      case 'phone':
        return summaryRows(this.phoneLookup(limit).all(this.pii.lookupHash('phone', q.value)));
      case 'card': {
        const h = this.pii.lookupHash('card', q.value);
        return summaryRows(
          this.pii.lookup === 'tag' ? this.byCardTag.all(`${h}:`, `${h};`) : this.byCardHash.all(h),
        );
      }
      case 'customerNo':
        return summaryRows(this.byCustomerNo.all(q.value));
      case 'name':
        return this.store
          .all(
            k
              .selectFrom('customers')
              .select(SUMMARY_COLUMNS)
              .where('name', '>=', q.value)
              .where('name', '<', `${q.value}\uffff`)
              .orderBy('name')
              .limit(sql.lit(literalLimit(limit))),
          )
          .map(customerBriefFromRow);
    }
  }

  private phoneLookup(limit: number): Lookup {
    let st = this.byPhoneHash.get(limit);
    if (!st) {
      st = this.store.sqlite
        .prepare<[string], SummaryTuple>(
          `SELECT ${SUMMARY_COLUMNS.join(', ')} FROM customers WHERE phone_hash = ? LIMIT ${literalLimit(limit)}`,
        )
        .raw(true);
      this.byPhoneHash.set(limit, st);
    }
    return st;
  }

  get(id: string): Customer | undefined {
    const row = this.store.first(this.store.k.selectFrom('customers').selectAll().where('id', '=', id));
    return row && customerFromRow(row);
  }

  holdings(customerId: string): Holding[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('holdings')
          .selectAll()
          .where('customer_id', '=', customerId)
          .orderBy('balance_fen', 'desc'),
      )
      .map(holdingFromRow);
  }

  /** The customer's cards, masked. */
  cards(customerId: string): string[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('cards')
          .select('card_masked')
          .where('customer_id', '=', customerId)
          .orderBy('card_masked'),
      )
      .map((c) => c.card_masked);
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
