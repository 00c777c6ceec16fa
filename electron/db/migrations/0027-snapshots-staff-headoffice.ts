import { sql, type Kysely } from 'kysely';

/**
 * Step 11 (head office) — the head office's tier migration matrix and its per-staff names:
 * - every balance snapshot (aum_snapshots: customer, date, tier, AUM in fen) is journalled into `ho_journal` with the
 *   customer's number, so the head office computes the branch's own start-band × end-band matrix (and, across
 *   branches, counts a customer known to two branches once). A re-imported snapshot whose balance or tier changed
 *   goes up again as an update. No name, ID, phone or card: the number and the figures only.
 * - staff members: id, display name, role and whether active — never the username, password hash, lockout or
 *   session — so the head office's per-staff table names people ("name (branch)") instead of id tails. A rename or
 *   role change goes up as an update; logins (failed_logins, updated_at) do not.
 * Rows written before this migration are journalled once here. Changes carry SQLite's clock as their time (the head
 * office keeps the later version of a row by the journal's HLC).
 */
const NOW_MS = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;
const customerNo = (col: string) => `(SELECT customer_no FROM customers WHERE id = ${col})`;

interface Source {
  table: string;
  id: (r: string) => string;
  /** The backfill's time for a row written before this migration. */
  at: (r: string) => string;
  orderBy: string;
  updates: string[];
  payload: (op: 'insert' | 'update', r: string) => string;
}

const SOURCES: Source[] = [
  {
    table: 'aum_snapshots',
    id: (r) => `${r}.customer_id || ':' || ${r}.as_of`,
    at: (r) => `${r}.as_of`,
    orderBy: 'as_of, customer_id',
    updates: ['aum_fen', 'tier'],
    payload: (op, r) => `json_object('op', '${op}', 'customerId', ${r}.customer_id,
      'customerNo', ${customerNo(`${r}.customer_id`)}, 'asOf', ${r}.as_of, 'tier', ${r}.tier, 'aumFen', ${r}.aum_fen)`,
  },
  {
    table: 'staff',
    id: (r) => `${r}.id`,
    at: (r) => `${r}.updated_at`,
    orderBy: 'created_at, id',
    updates: ['display_name', 'role', 'active'],
    payload: (op, r) => `json_object('op', '${op}', 'id', ${r}.id, 'displayName', ${r}.display_name,
      'role', ${r}.role, 'active', ${r}.active)`,
  },
];

const COLUMNS = 'source, row_id, op, at, device_id, hlc, payload';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of SOURCES) {
    await sql
      .raw(
        `INSERT INTO ho_journal (${COLUMNS})
         SELECT '${s.table}', ${s.id(s.table)}, 'insert', ${s.at(s.table)}, NULL, NULL, ${s.payload('insert', s.table)}
         FROM ${s.table} ORDER BY ${s.orderBy}`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ho_journal_${s.table}_insert AFTER INSERT ON ${s.table} BEGIN
           INSERT INTO ho_journal (${COLUMNS})
           VALUES ('${s.table}', ${s.id('NEW')}, 'insert', ${NOW_MS}, NULL, NULL, ${s.payload('insert', 'NEW')});
         END`,
      )
      .execute(db);
    const changed = s.updates.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
    await sql
      .raw(
        `CREATE TRIGGER ho_journal_${s.table}_update AFTER UPDATE ON ${s.table} WHEN ${changed} BEGIN
           INSERT INTO ho_journal (${COLUMNS})
           VALUES ('${s.table}', ${s.id('NEW')}, 'update', ${NOW_MS}, NULL, NULL, ${s.payload('update', 'NEW')});
         END`,
      )
      .execute(db);
  }
}
