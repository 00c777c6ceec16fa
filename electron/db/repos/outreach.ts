import { sql } from 'kysely';
import type { CorporateGrade, Segment } from '@shared/customer/enums';
import type { TierKey } from '@shared/customer/tier';
import type { ContactTable, CustomerMarkTable } from '../schema';
import {
  contactFromRow,
  outreachBaseFromRow,
  ownerFromRow,
  type ContactRecord,
  type OutreachBase,
  type OwnerRecord,
} from '../convert/outreach';
import { BASE_COLUMNS, OutreachListRepo } from './outreach-lists';

/** Which valuable customers (by stored tier / corporate grade) a bulk assignment or the unowned list covers. */
export interface ValuableFilter {
  tiers: readonly TierKey[];
  grades: readonly CorporateGrade[];
  tier?: TierKey | undefined;
  segment?: Segment | undefined;
  corporateGrade?: CorporateGrade | undefined;
}

/** Step 14 tables: customer_owners, customer_marks, contacts, outreach_assignments (migration 0015). */
/** What the outreach figures read of a contact of the period, with the customer's AUM now. */
export type PeriodContact = Pick<
  ContactTable,
  'customer_id' | 'staff_id' | 'rule' | 'result' | 'churn_reason' | 'aum_fen' | 'at'
> & { rowid: number; aum_now: number };

export class OutreachRepo extends OutreachListRepo {
  // ── owners ─────────────────────────────────────────────────────────────────────────
  owner(customerId: string): OwnerRecord | undefined {
    return this.owners([customerId]).get(customerId);
  }

  /** Owners of these customers (all when `ids` is null), with the staff names. */
  owners(ids: readonly string[] | null): Map<string, OwnerRecord> {
    if (ids?.length === 0) return new Map();
    const q = ids ? this.ownersQuery().where('o.customer_id', 'in', ids) : this.ownersQuery();
    return new Map(this.store.all(q).map((r) => [r.customer_id, ownerFromRow(r)]));
  }

  /** The next `limit` owners after `afterCustomerId`, in customer order (the whole branch's, a page at a time). */
  ownersPage(afterCustomerId: string, limit: number): OwnerRecord[] {
    return this.store
      .all(
        this.ownersQuery().where('o.customer_id', '>', afterCustomerId).orderBy('o.customer_id').limit(limit),
      )
      .map(ownerFromRow);
  }

  private ownersQuery() {
    return this.k
      .selectFrom('customer_owners as o')
      .innerJoin('staff as s', 's.id', 'o.owner_id')
      .leftJoin('staff as b', 'b.id', 'o.backup_id')
      .select([
        'o.customer_id',
        'o.owner_id',
        's.display_name as owner_name',
        'o.backup_id',
        'b.display_name as backup_name',
        'o.source',
        'o.assigned_at',
      ]);
  }

  setOwner(
    customerId: string,
    o: {
      ownerId: string;
      backupId: string | null;
      source: 'import' | 'manager';
      by: string | null;
      at: number;
    },
  ): void {
    this.store.run(
      this.k
        .insertInto('customer_owners')
        .values({
          customer_id: customerId,
          owner_id: o.ownerId,
          backup_id: o.backupId,
          source: o.source,
          assigned_by: o.by,
          assigned_at: o.at,
        })
        .onConflict((c) =>
          c.column('customer_id').doUpdateSet({
            owner_id: o.ownerId,
            backup_id: o.backupId,
            source: o.source,
            assigned_by: o.by,
            assigned_at: o.at,
          }),
        ),
    );
  }

  /** Customer ids the staff member owns or backs up, with their part. */
  bookOf(staffId: string): { customerId: string; role: 'owner' | 'backup' }[] {
    return this.store
      .all(
        this.k
          .selectFrom('customer_owners')
          .select(['customer_id', 'owner_id'])
          .where((e) => e.or([e('owner_id', '=', staffId), e('backup_id', '=', staffId)])),
      )
      .map((r) => ({ customerId: r.customer_id, role: r.owner_id === staffId ? 'owner' : 'backup' }));
  }

  /** The customers this member of staff owns or backs up, with both parts (a handover rewrites them). */
  bookRows(staffId: string): { customerId: string; ownerId: string; backupId: string | null }[] {
    return this.store
      .all(
        this.k
          .selectFrom('customer_owners')
          .select(['customer_id', 'owner_id', 'backup_id'])
          .where((e) => e.or([e('owner_id', '=', staffId), e('backup_id', '=', staffId)]))
          .orderBy('customer_id'),
      )
      .map((r) => ({ customerId: r.customer_id, ownerId: r.owner_id, backupId: r.backup_id }));
  }

  /** Per member of staff holding any: customers owned, backed up and given for outreach (each from its index). */
  bookCounts(): Map<string, { owned: number; backups: number; assigned: number }> {
    const out = new Map<string, { owned: number; backups: number; assigned: number }>();
    const at = (id: string) => {
      let c = out.get(id);
      if (!c) out.set(id, (c = { owned: 0, backups: 0, assigned: 0 }));
      return c;
    };
    const count = (col: 'owner_id' | 'backup_id') =>
      this.store.all(
        this.k
          .selectFrom('customer_owners')
          .select([`${col} as staff_id`, (e) => e.fn.countAll<number>().as('n')])
          .where(col, 'is not', null)
          .groupBy(col),
      );
    for (const r of count('owner_id')) if (r.staff_id) at(r.staff_id).owned = r.n;
    for (const r of count('backup_id')) if (r.staff_id) at(r.staff_id).backups = r.n;
    const assigned = this.store.all(
      this.k
        .selectFrom('outreach_assignments')
        .select(['assignee_id', (e) => e.fn.countAll<number>().as('n')])
        .groupBy('assignee_id'),
    );
    for (const r of assigned) at(r.assignee_id).assigned = r.n;
    return out;
  }

  /** Valuable customers matching the filter (stored tier / grade / segment); without an owner unless `all`. */
  valuable(f: ValuableFilter, opts: { unownedOnly: boolean; limit?: number }): OutreachBase[] {
    let q = this.k
      .selectFrom('customers as c')
      .leftJoin('customer_owners as o', 'o.customer_id', 'c.id')
      .select(BASE_COLUMNS)
      .where((e) => {
        const parts = [];
        if (f.tiers.length)
          parts.push(e.and([e('c.kind', '=', 'individual'), e('c.tier', 'in', [...f.tiers])]));
        if (f.grades.length)
          parts.push(e.and([e('c.kind', '=', 'corporate'), e('c.corporate_grade', 'in', [...f.grades])]));
        return parts.length ? e.or(parts) : e.val(false);
      });
    if (f.tier) q = q.where('c.tier', '=', f.tier);
    if (f.corporateGrade) q = q.where('c.corporate_grade', '=', f.corporateGrade);
    if (f.segment) q = q.where('c.segments', 'like', `%"${f.segment}"%`);
    if (opts.unownedOnly) q = q.where('o.customer_id', 'is', null);
    q = q.orderBy('c.aum_fen', 'desc');
    if (opts.limit) q = q.limit(opts.limit);
    return this.store.all(q).map(outreachBaseFromRow);
  }

  countUnowned(f: ValuableFilter): number {
    return this.valuable(f, { unownedOnly: true }).length;
  }

  // ── marks ──────────────────────────────────────────────────────────────────────────
  marks(customerId: string): CustomerMarkTable | undefined {
    return this.store.first(
      this.k.selectFrom('customer_marks').selectAll().where('customer_id', '=', customerId),
    );
  }

  /** Customers who asked not to be contacted. */
  doNotContact(): Set<string> {
    return new Set(
      this.store
        .all(this.k.selectFrom('customer_marks').select('customer_id').where('do_not_contact', '=', 1))
        .map((r) => r.customer_id),
    );
  }

  setMarks(row: CustomerMarkTable): void {
    this.store.run(
      this.k
        .insertInto('customer_marks')
        .values(row)
        .onConflict((c) =>
          c.column('customer_id').doUpdateSet({
            do_not_contact: row.do_not_contact,
            high_risk: row.high_risk,
            note: row.note,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
          }),
        ),
    );
  }

  // ── contacts ───────────────────────────────────────────────────────────────────────
  addContact(row: ContactTable): void {
    this.store.run(this.k.insertInto('contacts').values(row));
  }

  contacts(customerId: string, limit = 20): ContactRecord[] {
    return this.store
      .all(
        this.k
          .selectFrom('contacts as t')
          .innerJoin('staff as s', 's.id', 't.staff_id')
          .selectAll('t')
          .select('s.display_name as staff_name')
          .where('t.customer_id', '=', customerId)
          .orderBy('t.at', 'desc')
          .limit(limit),
      )
      .map(contactFromRow);
  }

  /** Who contacted whom on this branch day. */
  contactedOn(day: string): Map<string, { staffId: string; staffName: string; rule: string | null }[]> {
    const rows = this.store.all(
      this.k
        .selectFrom('contacts as t')
        .innerJoin('staff as s', 's.id', 't.staff_id')
        .select(['t.customer_id', 't.staff_id', 's.display_name', 't.rule'])
        .where('t.branch_day', '=', day)
        .orderBy('t.at'),
    );
    const out = new Map<string, { staffId: string; staffName: string; rule: string | null }[]>();
    for (const r of rows) {
      const list = out.get(r.customer_id) ?? [];
      list.push({ staffId: r.staff_id, staffName: r.display_name, rule: r.rule });
      out.set(r.customer_id, list);
    }
    return out;
  }

  /**
   * The contacts of a period in time order, with the customer's AUM now (by the contacts_at index): all of them, or
   * `page.limit` after `page.after` (a keyset page; a busy branch's month is ~13,000 contacts and as many customer
   * reads, ~70 ms in one go).
   */
  contactsBetween(
    from: number,
    to: number,
    staffId?: string,
    page?: { after: { at: number; rowid: number } | null; limit: number },
  ): PeriodContact[] {
    let q = this.k
      .selectFrom('contacts as t')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .select(['t.customer_id', 't.staff_id', 't.rule', 't.result', 't.churn_reason', 't.aum_fen', 't.at'])
      .select([sql<number>`t.rowid`.as('rowid'), 'c.aum_fen as aum_now'])
      .where('t.at', '>=', from)
      .where('t.at', '<', to)
      .orderBy('t.at')
      .orderBy(sql`t.rowid`);
    if (staffId) q = q.where('t.staff_id', '=', staffId);
    if (page?.after) q = q.where(sql<boolean>`(t.at, t.rowid) > (${page.after.at}, ${page.after.rowid})`);
    if (page) q = q.limit(page.limit);
    return this.store.all(q);
  }

  // ── assignments of unowned customers' outreach ───────────────────────────────────────
  assign(customerIds: readonly string[], assigneeId: string, by: string, at: number): void {
    for (const id of customerIds) {
      this.store.run(
        this.k
          .insertInto('outreach_assignments')
          .values({ customer_id: id, assignee_id: assigneeId, assigned_by: by, assigned_at: at })
          .onConflict((c) =>
            c
              .column('customer_id')
              .doUpdateSet({ assignee_id: assigneeId, assigned_by: by, assigned_at: at }),
          ),
      );
    }
  }

  /** A handover: every outreach assignment of `fromId` becomes `toId`'s; answers how many. */
  moveAssignments(fromId: string, toId: string, by: string, at: number): number {
    const r = this.store.run(
      this.k
        .updateTable('outreach_assignments')
        .set({ assignee_id: toId, assigned_by: by, assigned_at: at })
        .where('assignee_id', '=', fromId),
    );
    return Number(r.changes);
  }

  assignments(): Map<string, { id: string; name: string }> {
    const rows = this.store.all(
      this.k
        .selectFrom('outreach_assignments as a')
        .innerJoin('staff as s', 's.id', 'a.assignee_id')
        .select(['a.customer_id', 'a.assignee_id', 's.display_name']),
    );
    return new Map(rows.map((r) => [r.customer_id, { id: r.assignee_id, name: r.display_name }]));
  }

  assignedTo(staffId: string): string[] {
    return this.store
      .all(this.k.selectFrom('outreach_assignments').select('customer_id').where('assignee_id', '=', staffId))
      .map((r) => r.customer_id);
  }

  /** The high-risk mark of a customer (imported risk marks), for the lobby's triage. */
  highRisk(customerId: string): boolean {
    const r = this.store.first(
      this.k
        .selectFrom('customer_marks')
        .select(sql<number>`high_risk`.as('h'))
        .where('customer_id', '=', customerId),
    );
    return r?.h === 1;
  }
}
