import { sql, type Kysely } from 'kysely';

/**
 * A large holdings import journals its balance snapshots for the head office as ONE row, not one per snapshot.
 *
 * Migration 0027's triggers wrote a journal row per snapshot: at a million customers a monthly balance file added a
 * million rows (~230 MB, about as much as the customer table) to `ho_journal`, which a branch without a head-office
 * link never prunes, and cost the import ~8 s of its write pause. Now the import registers itself in
 * `ho_journal_bulk` (its id, the journal row that stands for it, how many snapshots, their date range) before it
 * writes its snapshots, and the triggers skip the rows of a registered import. The push reads those snapshots from
 * `aum_snapshots` by date (the `aum_snapshots_as_of` index) and sends the same envelopes as before, a page at a time
 * (sync.ts). Small imports, hand edits and the head office's own rows are journalled per row, as before.
 */
const NOW_MS = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;
const COLUMNS = 'source, row_id, op, at, device_id, hlc, payload';
const payload = (op: 'insert' | 'update') => `json_object('op', '${op}', 'customerId', NEW.customer_id,
      'customerNo', (SELECT customer_no FROM customers WHERE id = NEW.customer_id), 'asOf', NEW.as_of, 'tier', NEW.tier, 'aumFen', NEW.aum_fen)`;
/** The snapshot was written by an import whose snapshots are journalled in bulk. */
const BULK = `EXISTS (SELECT 1 FROM ho_journal_bulk b WHERE b.import_id = NEW.import_id)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ho_journal_bulk (
    import_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    as_of_min INTEGER NOT NULL,
    as_of_max INTEGER NOT NULL
  ) WITHOUT ROWID`.execute(db);
  await sql`DROP TRIGGER ho_journal_aum_snapshots_insert`.execute(db);
  await sql`DROP TRIGGER ho_journal_aum_snapshots_update`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ho_journal_aum_snapshots_insert AFTER INSERT ON aum_snapshots
       WHEN NEW.import_id IS NULL OR NOT ${BULK} BEGIN
         INSERT INTO ho_journal (${COLUMNS})
         VALUES ('aum_snapshots', NEW.customer_id || ':' || NEW.as_of, 'insert', ${NOW_MS}, NULL, NULL, ${payload('insert')});
       END`,
    )
    .execute(db);
  // A change by a registered import (it sets its own id) is in its bulk row; any other change goes up on its own.
  await sql
    .raw(
      `CREATE TRIGGER ho_journal_aum_snapshots_update AFTER UPDATE ON aum_snapshots
       WHEN (OLD.aum_fen IS NOT NEW.aum_fen OR OLD.tier IS NOT NEW.tier)
         AND (NEW.import_id IS NULL OR NEW.import_id IS OLD.import_id OR NOT ${BULK}) BEGIN
         INSERT INTO ho_journal (${COLUMNS})
         VALUES ('aum_snapshots', NEW.customer_id || ':' || NEW.as_of, 'update', ${NOW_MS}, NULL, NULL, ${payload('update')});
       END`,
    )
    .execute(db);
}
