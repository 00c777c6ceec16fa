import type Database from 'better-sqlite3';
import type { SnapshotTable } from '@shared/sync/api';
import type { Store } from '../connection';
import type { Pii } from '../pii';
import { snapshotFilter, type SnapshotScope } from './sync-scope';

export type { SnapshotScope } from './sync-scope';

/** How each replicated table is keyed and paged. */
const TABLES: Record<SnapshotTable, { key: string; numericKey?: boolean; onConflict: 'update' | 'ignore' }> =
  {
    branch: { key: 'id', onConflict: 'update' },
    settings: { key: 'version', numericKey: true, onConflict: 'ignore' },
    counters: { key: 'id', onConflict: 'update' },
    staff: { key: 'id', onConflict: 'update' },
    products: { key: 'id', onConflict: 'update' },
    customers: { key: 'id', onConflict: 'update' },
    cards: { key: 'card_hash', onConflict: 'update' },
    holdings: { key: 'id', onConflict: 'update' },
    tickets: { key: 'id', onConflict: 'ignore' },
    ticket_events: { key: 'id', onConflict: 'ignore' },
    suggestion_outcomes: { key: 'id', onConflict: 'ignore' },
    follow_ups: { key: 'id', onConflict: 'update' },
    complaints: { key: 'id', onConflict: 'update' },
    customer_owners: { key: 'customer_id', onConflict: 'update' },
    customer_marks: { key: 'customer_id', onConflict: 'update' },
    contacts: { key: 'id', onConflict: 'ignore' },
    consent_events: { key: 'id', onConflict: 'ignore' },
    // A refresh never overwrites a booking: a check-in made here may not have reached the hub yet.
    appointments: { key: 'id', onConflict: 'ignore' },
  };

/** Cipher texts stay at the hub: a terminal finds customers by keyed hash, reveals go to the hub. */
const WITHHELD: Partial<Record<SnapshotTable, string[]>> = {
  customers: ['id_enc', 'phone_enc'],
  cards: ['card_enc'],
};

/** Covers all but the last 4 characters: what a terminal shows of a phone or card (they are in its tag). */
const lastFour = (masked: unknown): string | null =>
  typeof masked === 'string' ? '*'.repeat(Math.max(0, masked.length - 4)) + masked.slice(-4) : null;

/** The lookup scheme of a terminal's copy (Pii.tag); a copy from before holds full hashes and is re-fetched. */
export const TERMINAL_LOOKUP_SCHEME = 'tag1';

/**
 * Reads the hub's tables page by page for a terminal's snapshot, and writes them into the terminal's copy.
 * Column lists come from the database itself, so a hub one migration ahead still replicates the columns both know.
 */
export class SyncDataRepo {
  private readonly columns = new Map<string, string[]>();
  private readonly upserts = new Map<string, Database.Statement>();

  /** `pii`: the hub's, to turn the full keyed hashes into terminal tags (Pii.forTerminals). */
  constructor(
    private readonly store: Store,
    private readonly pii: Pii | null = null,
  ) {}

  private tagger: Pii | null = null;

  /**
   * A customer or card row as a terminal may hold it: the tag instead of the full keyed hash (computed from the
   * cipher text, which itself stays here), masks no wider than the tag, no cipher text. See Pii's TERMINAL_TAG_BITS.
   */
  private forTerminal(table: SnapshotTable, r: Record<string, unknown>): void {
    if (table !== 'customers' && table !== 'cards') return;
    if (!this.pii) throw new Error('the hub needs its PII keys to serve customers to terminals');
    const pii = this.pii;
    this.tagger ??= pii.forTerminals();
    const tagger = this.tagger;
    const tagOf = (kind: 'id' | 'phone' | 'card', enc: unknown): string | null =>
      typeof enc === 'string' ? tagger.tag(kind, pii.decrypt(enc)) : null;
    if (table === 'customers') {
      r.id_hash = tagOf('id', r.id_enc);
      r.phone_hash = tagOf('phone', r.phone_enc);
      r.id_masked = typeof r.id_masked === 'string' ? '*'.repeat(r.id_masked.length) : null;
      r.phone_masked = lastFour(r.phone_masked);
    } else {
      r.card_hash = `${tagOf('card', r.card_enc) ?? 'c:none'}:${String(r.customer_id)}`;
      r.card_masked = lastFour(r.card_masked) ?? '';
    }
  }

  /** A terminal whose copy predates the tags: drop the full hashes and wide masks before the full snapshot. */
  forgetLookupHashes(): void {
    this.store.sqlite.exec(
      'DELETE FROM cards; UPDATE customers SET id_hash = NULL, phone_hash = NULL, id_masked = NULL, phone_masked = NULL',
    );
  }

  /**
   * A terminal's copy finds IDs by tag (4 bits + birth date), which several customers share by design; the hub's
   * unique index on the full keyed hash cannot hold there, so a terminal keeps it as a plain index.
   */
  allowSharedTags(): void {
    const unique = (
      this.store.sqlite.pragma('index_list(customers)') as { name: string; unique: number }[]
    ).some((i) => i.name === 'customers_id_hash' && i.unique === 1);
    if (!unique) return;
    this.store.sqlite.exec(
      'DROP INDEX customers_id_hash; CREATE INDEX customers_id_hash ON customers (id_hash)',
    );
  }

  columnsOf(table: string): string[] {
    let cols = this.columns.get(table);
    if (!cols) {
      cols = (this.store.sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      this.columns.set(table, cols);
    }
    return cols;
  }

  count(table: SnapshotTable, scope: SnapshotScope): number {
    const f = snapshotFilter(table, scope);
    const r = this.store.sqlite
      .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${f.where}`)
      .get(...f.params) as {
      n: number;
    };
    return r.n;
  }

  page(
    table: SnapshotTable,
    scope: SnapshotScope,
    after: string | undefined,
    limit: number,
  ): { rows: Record<string, unknown>[]; next: string | null } {
    const def = TABLES[table];
    const f = snapshotFilter(table, scope);
    const params = [...f.params];
    let where = f.where;
    if (after !== undefined) {
      where += ` AND ${def.key} > ?`;
      params.push(def.numericKey ? Number(after) : after);
    }
    const rows = this.store.sqlite
      .prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY ${def.key} LIMIT ?`)
      .all(...params, limit) as Record<string, unknown>[];
    // The cursor is the hub's key, taken before a card's key becomes its tag.
    const last = rows.at(-1);
    const next = rows.length === limit && last ? String(last[def.key]) : null;
    const withheld = WITHHELD[table];
    for (const r of rows) {
      this.forTerminal(table, r);
      if (withheld) for (const c of withheld) r[c] = null;
    }
    return { rows, next };
  }

  /** Writes rows of a page (in the caller's transaction); unknown columns are dropped. */
  upsert(table: SnapshotTable, rows: readonly Record<string, unknown>[]): number {
    if (rows.length === 0) return 0;
    const known = new Set(this.columnsOf(table));
    const first = rows[0] as Record<string, unknown>;
    const cols = Object.keys(first).filter((c) => known.has(c));
    const def = TABLES[table];
    const sig = `${table}|${cols.join(',')}`;
    let st = this.upserts.get(sig);
    if (!st) {
      const quoted = cols.map((c) => `"${c}"`);
      const set = cols
        .filter((c) => c !== def.key)
        .map((c) => `"${c}" = excluded."${c}"`)
        .join(', ');
      const conflict = def.onConflict === 'ignore' || set === '' ? 'DO NOTHING' : `DO UPDATE SET ${set}`;
      st = this.store.sqlite.prepare(
        `INSERT INTO ${table} (${quoted.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
         ON CONFLICT(${def.key}) ${conflict}`,
      );
      this.upserts.set(sig, st);
    }
    let n = 0;
    for (const r of rows) n += st.run(...cols.map((c) => r[c] ?? null)).changes;
    return n;
  }

  /** One row by id, as stored (the payload of an append-only event). */
  row(
    table: 'suggestion_outcomes' | 'follow_ups' | 'complaints',
    id: string,
  ): Record<string, unknown> | undefined {
    return this.store.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
  }

  /** An append-only row from another device: inserted once, never changed by a repeat (nor a second rating). */
  insertOnce(
    table:
      | 'suggestion_outcomes'
      | 'follow_ups'
      | 'complaints'
      | 'feedback_ratings'
      | 'contacts'
      | 'consent_events',
    row: Record<string, unknown>,
  ): boolean {
    const known = this.columnsOf(table);
    const cols = known.filter((c) => c in row);
    const st = this.store.sqlite.prepare(
      `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})
       ON CONFLICT DO NOTHING`,
    );
    return st.run(...cols.map((c) => row[c] ?? null)).changes === 1;
  }

  /** A customer's owner row from another device: kept unless this copy holds a later assignment. */
  setOwnerIfLater(r: Record<string, unknown>): boolean {
    return (
      this.store.sqlite
        .prepare(
          `INSERT INTO customer_owners (customer_id, owner_id, backup_id, source, assigned_by, assigned_at)
           VALUES (?,?,?,?,?,?) ON CONFLICT(customer_id) DO UPDATE SET owner_id = excluded.owner_id,
             backup_id = excluded.backup_id, source = excluded.source, assigned_by = excluded.assigned_by,
             assigned_at = excluded.assigned_at WHERE excluded.assigned_at >= customer_owners.assigned_at`,
        )
        .run(
          String(r.customer_id),
          String(r.owner_id),
          (r.backup_id as string | null) ?? null,
          String(r.source),
          (r.assigned_by as string | null) ?? null,
          Number(r.assigned_at),
        ).changes === 1
    );
  }

  /** A customer's contact marks from another device: kept unless this copy holds a later change. */
  setMarksIfLater(r: Record<string, unknown>): boolean {
    return (
      this.store.sqlite
        .prepare(
          `INSERT INTO customer_marks (customer_id, do_not_contact, high_risk, note, updated_by, updated_at)
           VALUES (?,?,?,?,?,?) ON CONFLICT(customer_id) DO UPDATE SET do_not_contact = excluded.do_not_contact,
             high_risk = excluded.high_risk, note = excluded.note, updated_by = excluded.updated_by,
             updated_at = excluded.updated_at WHERE excluded.updated_at >= customer_marks.updated_at`,
        )
        .run(
          String(r.customer_id),
          Number(r.do_not_contact),
          Number(r.high_risk),
          (r.note as string | null) ?? null,
          (r.updated_by as string | null) ?? null,
          Number(r.updated_at),
        ).changes === 1
    );
  }

  /** A follow-up only moves forward: open → done | cancelled, once. */
  closeFollowUp(id: string, status: string, doneAt: number | null, note: string | null): boolean {
    return (
      this.store.run(
        this.store.k
          .updateTable('follow_ups')
          .set({ status, done_at: doneAt, ...(note ? { note } : {}) })
          .where('id', '=', id)
          .where('status', '=', 'open'),
      ).changes === 1
    );
  }

  /** A complaint only moves forward: open → in_progress → resolved. */
  advanceComplaint(
    id: string,
    status: string,
    fields: { resolution: string | null; resolved_at: number | null; resolved_by: string | null },
  ): boolean {
    const allowedFrom = status === 'resolved' ? ['open', 'in_progress'] : ['open'];
    return (
      this.store.run(
        this.store.k
          .updateTable('complaints')
          .set({ status, ...fields })
          .where('id', '=', id)
          .where('status', 'in', allowedFrom),
      ).changes === 1
    );
  }

  staffExists(id: string): boolean {
    return !!this.store.first(this.store.k.selectFrom('staff').select('id').where('id', '=', id));
  }

  customerExists(id: string): boolean {
    return !!this.store.first(this.store.k.selectFrom('customers').select('id').where('id', '=', id));
  }

  /** The visit time only moves forward, whichever device's event arrives first. */
  touchVisit(customerId: string, at: number): void {
    this.store.run(
      this.store.k
        .updateTable('customers')
        .set({ last_visit_at: at })
        .where('id', '=', customerId)
        .where((e) => e.or([e('last_visit_at', 'is', null), e('last_visit_at', '<', at)])),
    );
  }

  fieldClock(customerId: string, field: string): { hlc: string; device_id: string } | undefined {
    return this.store.first(
      this.store.k
        .selectFrom('customer_field_clock')
        .select(['hlc', 'device_id'])
        .where('customer_id', '=', customerId)
        .where('field', '=', field),
    );
  }

  setFieldClock(customerId: string, field: string, hlc: string, deviceId: string): void {
    this.store.run(
      this.store.k
        .insertInto('customer_field_clock')
        .values({ customer_id: customerId, field, hlc, device_id: deviceId })
        .onConflict((oc) => oc.columns(['customer_id', 'field']).doUpdateSet({ hlc, device_id: deviceId })),
    );
  }

  customerField(customerId: string, field: string): unknown {
    if (!this.columnsOf('customers').includes(field)) throw new Error(`no customer field ${field}`);
    const r = this.store.sqlite
      .prepare(`SELECT "${field}" AS v FROM customers WHERE id = ?`)
      .get(customerId) as { v: unknown } | undefined;
    return r?.v;
  }

  setCustomerField(customerId: string, field: string, value: unknown, at: number): void {
    if (!this.columnsOf('customers').includes(field)) throw new Error(`no customer field ${field}`);
    this.store.sqlite
      .prepare(`UPDATE customers SET "${field}" = ?, updated_at = max(updated_at, ?) WHERE id = ?`)
      .run(value as never, at, customerId);
  }

  /** Audit rows written here after a position (rowid: insertion order, whatever the ids), oldest first. */
  auditAfter(rowid: number, limit: number): { rowid: number; row: Record<string, unknown> }[] {
    return (
      this.store.sqlite
        .prepare('SELECT rowid AS _rowid, * FROM audit_log WHERE rowid > ? ORDER BY rowid LIMIT ?')
        .all(rowid, limit) as ({ _rowid: number } & Record<string, unknown>)[]
    ).map(({ _rowid, ...row }) => ({ rowid: _rowid, row }));
  }

  /**
   * The audit position to push again from after the hub went back to a copy: the last row older than `from`. (Rows
   * carry the time they were made, not pushed: one made before `from` and pushed after the copy is not sent again.)
   */
  auditRowidBefore(from: number): number {
    const r = this.store.sqlite.prepare('SELECT max(rowid) FROM audit_log WHERE at < ?').pluck().get(from);
    return Number(r ?? 0);
  }

  /** An audit row from a terminal, under its own id: a repeat is a no-op (the log stays append-only). */
  insertAuditOnce(r: Record<string, unknown>): void {
    this.store.sqlite
      .prepare(
        `INSERT INTO audit_log (id, at, staff_id, action, target_type, target_id, reason, detail)
         VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING`,
      )
      .run(
        String(r.id),
        Number(r.at),
        (r.staff_id as string | null) ?? null,
        String(r.action),
        (r.target_type as string | null) ?? null,
        (r.target_id as string | null) ?? null,
        (r.reason as string | null) ?? null,
        String(r.detail ?? '{}'),
      );
  }
}
