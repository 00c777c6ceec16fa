import { sql } from 'kysely';
import type { Store } from '../connection';
import { outreachBaseFromRow, type OutreachBase } from '../convert/outreach';

/** What the outreach lists read of a customer (the rules' OutreachCustomer, less the contact log). */
export const BASE_COLUMNS = [
  'c.id',
  'c.customer_no',
  'c.kind',
  'c.name',
  'c.phone_masked',
  'c.aum_fen',
  'c.lifecycle',
  'c.relationship_type',
  'c.corporate_grade',
  'c.birth_month',
  'c.marketing_consent',
  'c.created_at',
  'c.last_visit_at',
  'c.last_txn_at',
] as const;

/** A customer's contacts in short: the last, the last per list, and the next one planned. */
export interface ContactSummary {
  last: number;
  byRule: Record<string, number>;
  nextAt: number | null;
  /** When the contact that planned `nextAt` was logged, and its row (the later one wins a tie). */
  nextAtSet: number;
  nextAtRow: number;
}

/** What the summary reads of a contact. */
export interface ContactRow {
  rowid: number;
  customer_id: string;
  rule: string | null;
  at: number;
  next_at: number | null;
}

const CONTACT_COLUMNS = [sql<number>`rowid`.as('rowid'), 'customer_id', 'rule', 'at', 'next_at'] as const;

/**
 * Folds contacts into `out`, in any order and in as many calls as there are pages: the last contact, the last per
 * list, and the next contact planned by the latest contact that planned one.
 */
export function foldContacts(out: Map<string, ContactSummary>, rows: readonly ContactRow[]): void {
  for (const r of rows) {
    let s = out.get(r.customer_id);
    if (!s) {
      s = { last: 0, byRule: {}, nextAt: null, nextAtSet: 0, nextAtRow: 0 };
      out.set(r.customer_id, s);
    }
    s.last = Math.max(s.last, r.at);
    if (r.rule) s.byRule[r.rule] = Math.max(s.byRule[r.rule] ?? 0, r.at);
    if (r.next_at !== null && (r.at > s.nextAtSet || (r.at === s.nextAtSet && r.rowid > s.nextAtRow))) {
      s.nextAt = r.next_at;
      s.nextAtSet = r.at;
      s.nextAtRow = r.rowid;
    }
  }
}

/** The outreach lists' reads (migration 0015 and the import history): customers, balances, maturities, contacts. */
export class OutreachListRepo {
  constructor(protected readonly store: Store) {}

  protected get k() {
    return this.store.k;
  }

  // ── the customers the lists look at ─────────────────────────────────────────────────
  /** Customers by id (all when null), with what the list rules read. */
  bases(ids: readonly string[] | null): OutreachBase[] {
    let q = this.k.selectFrom('customers as c').select(BASE_COLUMNS);
    if (ids) {
      if (ids.length === 0) return [];
      q = q.where('c.id', 'in', ids);
    }
    return this.store.all(q).map(outreachBaseFromRow);
  }

  /** The next `limit` customers after `afterId` in id order (the whole branch read a page at a time). */
  basesPage(afterId: string, limit: number): OutreachBase[] {
    return this.store
      .all(
        this.k
          .selectFrom('customers as c')
          .select(BASE_COLUMNS)
          .where('c.id', '>', afterId)
          .orderBy('c.id')
          .limit(limit),
      )
      .map(outreachBaseFromRow);
  }

  /**
   * Customers whose list inputs changed since `since` outside an import: a profile edit or a new customer
   * (updated_at), a visit (last_visit_at), among the rowids after `afterRowid` up to `afterRowid + span`. A scan
   * (neither column is indexed: an import rewrites updated_at on every row), so the caller walks the table a span
   * at a time, letting other requests in between. `next` is null after the last span.
   */
  basesChangedSince(
    since: number,
    afterRowid = 0,
    span = Number.MAX_SAFE_INTEGER,
  ): { bases: OutreachBase[]; next: number | null } {
    const upTo = afterRowid + span;
    const bases = this.store
      .all(
        this.k
          .selectFrom('customers as c')
          .select(BASE_COLUMNS)
          .where(sql<boolean>`c.rowid > ${afterRowid} AND c.rowid <= ${upTo}`)
          .where((e) => e.or([e('c.updated_at', '>=', since), e('c.last_visit_at', '>=', since)])),
      )
      .map(outreachBaseFromRow);
    const more = this.store.sqlite.prepare('SELECT 1 FROM customers WHERE rowid > ? LIMIT 1').get(upTo);
    return { bases, next: more ? upTo : null };
  }

  /** Changes whenever an import has run: the lists' balance history and maturities come only from imports. */
  importStamp(): string {
    const r = this.store.first(
      this.k
        .selectFrom('import_runs')
        .select((e) => [e.fn.countAll<number>().as('n'), e.fn.max('finished_at').as('f')]),
    );
    return `${r?.n ?? 0}:${r?.f ?? 0}`;
  }

  /** Balance history per customer, oldest first. */
  history(ids: readonly string[] | null): Map<string, { asOf: number; aumFen: number; tier: string }[]> {
    let q = this.k
      .selectFrom('aum_snapshots')
      .select(['customer_id', 'as_of', 'aum_fen', 'tier'])
      .orderBy('customer_id')
      .orderBy('as_of');
    if (ids) {
      if (ids.length === 0) return new Map();
      q = q.where('customer_id', 'in', ids);
    }
    const out = new Map<string, { asOf: number; aumFen: number; tier: string }[]>();
    for (const r of this.store.all(q)) {
      const list = out.get(r.customer_id) ?? [];
      list.push({ asOf: r.as_of, aumFen: r.aum_fen, tier: r.tier });
      out.set(r.customer_id, list);
    }
    return out;
  }

  /** The next `limit` balance snapshots after (customerId, asOf), in that order (the primary key's). */
  historyPage(
    after: { customerId: string; asOf: number },
    limit: number,
  ): { customerId: string; asOf: number; aumFen: number; tier: string }[] {
    return this.store
      .all(
        this.k
          .selectFrom('aum_snapshots')
          .select(['customer_id', 'as_of', 'aum_fen', 'tier'])
          .where(sql<boolean>`(customer_id, as_of) > (${after.customerId}, ${after.asOf})`)
          .orderBy('customer_id')
          .orderBy('as_of')
          .limit(limit),
      )
      .map((r) => ({ customerId: r.customer_id, asOf: r.as_of, aumFen: r.aum_fen, tier: r.tier }));
  }

  /** Holdings ending between the two instants, per customer. */
  maturities(
    from: number,
    to: number,
  ): Map<
    string,
    { productType: string; productCode: string | null; balanceFen: number; maturityAt: number }[]
  > {
    const rows = this.store.all(
      this.k
        .selectFrom('holdings')
        .select(['customer_id', 'product_type', 'product_code', 'balance_fen', 'maturity_at'])
        .where('maturity_at', '>=', from)
        .where('maturity_at', '<=', to),
    );
    const out = new Map<
      string,
      { productType: string; productCode: string | null; balanceFen: number; maturityAt: number }[]
    >();
    for (const r of rows) {
      const list = out.get(r.customer_id) ?? [];
      list.push({
        productType: r.product_type,
        productCode: r.product_code,
        balanceFen: r.balance_fen,
        maturityAt: r.maturity_at ?? 0,
      });
      out.set(r.customer_id, list);
    }
    return out;
  }

  /**
   * The last contact per customer and per customer and list, and the next planned contact: of these customers (by
   * the contacts_customer index), or of all when `ids` is null (the whole branch a page at a time: contactsPage).
   */
  contactSummary(ids: readonly string[] | null = null): Map<string, ContactSummary> {
    const out = new Map<string, ContactSummary>();
    if (ids?.length === 0) return out;
    const q = this.k.selectFrom('contacts').select(CONTACT_COLUMNS);
    foldContacts(out, this.store.all(ids ? q.where('customer_id', 'in', ids) : q));
    return out;
  }

  /**
   * The branch's contacts after `afterRowid`, `limit` of them in rowid order (a keyset page: a year of a busy
   * branch's contacts is over a hundred thousand rows, read in one go it held the server for ~0.2 s).
   */
  contactsPage(afterRowid: number, limit: number): ContactRow[] {
    return this.store.all(
      this.k
        .selectFrom('contacts')
        .select(CONTACT_COLUMNS)
        .where(sql<number>`rowid`, '>', afterRowid)
        .orderBy(sql`rowid`)
        .limit(limit),
    );
  }

  /** Open follow-ups per customer: of these customers, or of all when `ids` is null. */
  openFollowUps(ids: readonly string[] | null = null): Map<string, number> {
    if (ids?.length === 0) return new Map();
    const open = this.k
      .selectFrom('follow_ups')
      .select(['customer_id', (e) => e.fn.countAll<number>().as('n')])
      .where('status', '=', 'open')
      .groupBy('customer_id');
    const rows = this.store.all(ids ? open.where('customer_id', 'in', ids) : open);
    return new Map(rows.map((r) => [r.customer_id, Number(r.n)]));
  }
}
