/**
 * Balance snapshots journalled for the head office in bulk (migration 0031): a large holdings import is one
 * `ho_journal` row standing for all the snapshots it writes, instead of a row per snapshot (a million at a large
 * branch: ~230 MB of journal). The push expands it (headoffice-bulk.ts, sync.ts).
 */
import type Database from 'better-sqlite3';
import type { ImportSql } from './import-sql';

/** Journal rows that stand for an import's snapshots have this source. */
export const BULK_SNAPSHOTS_SOURCE = 'aum_snapshots_bulk';

/**
 * Imports writing at least this many snapshots are journalled in bulk. Below it, per row as before: a few
 * thousand journal rows cost little, and the push finds them without scanning a date's snapshots.
 */
export const BULK_JOURNAL_MIN_ROWS = 20_000;

/**
 * Registers import `importId`, about to write snapshots dated `asOfMin`..`asOfMax` with that `import_id`, so the
 * snapshot triggers skip its rows, and writes the journal row that stands for them. Call the result with how many
 * it wrote. Inside the transaction that writes them.
 */
export function registerBulkSnapshots(
  db: Database.Database,
  o: { importId: string; now: number; asOfMin: number; asOfMax: number },
): (rows: number) => void {
  const seq = db
    .prepare(
      `INSERT INTO main.ho_journal (source, row_id, op, at, device_id, hlc, payload)
       VALUES (?, ?, 'bulk', ?, NULL, NULL, json_object('importId', ?))`,
    )
    .run(BULK_SNAPSHOTS_SOURCE, o.importId, o.now, o.importId).lastInsertRowid;
  db.prepare(
    'INSERT INTO main.ho_journal_bulk (import_id, seq, rows, as_of_min, as_of_max) VALUES (?, ?, 0, ?, ?)',
  ).run(o.importId, seq, o.asOfMin, o.asOfMax);
  // Kept even when it wrote nothing (the push acknowledges it at once): the journal loses rows only from its low end.
  return (rows) =>
    void db.prepare('UPDATE main.ho_journal_bulk SET rows = ? WHERE import_id = ?').run(rows, o.importId);
}

/**
 * Runs `write` (the import's snapshots from `stage.agg`, `import_id` = `importId`, inside the apply's transaction):
 * registered in bulk when it stages at least `minRows` of them, per row otherwise.
 */
export function writeSnapshotsJournalled(
  q: ImportSql,
  o: { importId: string; now: number; staged: number; minRows: number },
  write: () => number,
): number {
  if (o.staged < o.minRows) return write();
  const range = q.all<{ lo: number | null; hi: number | null }>(
    'SELECT min(as_of) AS lo, max(as_of) AS hi FROM stage.agg',
  )[0];
  if (!range || range.lo === null || range.hi === null) return write();
  const done = registerBulkSnapshots(q.db, {
    importId: o.importId,
    now: o.now,
    asOfMin: range.lo,
    asOfMax: range.hi,
  });
  const n = write();
  done(n);
  return n;
}
