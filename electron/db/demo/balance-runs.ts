import { createHash } from 'node:crypto';
import { branchDay } from '@shared/queue/numbering';
import type { Store } from '../connection';

/** One demo balance file (snapshots.ts): its import's id, its balance date and what it held. */
export interface BalanceFile {
  importId: string;
  asOf: number;
  /** Holding rows in the file: the balances of every customer it lists. */
  rows: number;
  /** Of those, the holdings of customers listed for the first time (new to the branch's balance files). */
  firstSeen: number;
}

/** The core system's balance export lands overnight; the branch's nightly job loads it before opening. */
const LOADED_AFTER_MS = (24 + 7.5) * 3_600_000;
const LOAD_SECONDS = 40;

/**
 * The import history of the demo's balance files (`import_runs`, the import screen's 导入记录): a branch that has
 * loaded a year of month-end files has a year of runs, and a fresh demo listing none beside a year of balance
 * history was a contradiction. Loaded by the nightly job (no staff: the screen shows CLI), the morning after each
 * balance date (never later than `now`). The hash stands for a file the demo never had: a digest of its name, so no
 * real upload is ever taken for one of them.
 */
export function recordBalanceRuns(
  store: Store,
  files: readonly BalanceFile[],
  o: { now: number; seed: number; timeZone: string },
): void {
  const insert = store.sqlite.prepare<
    [string, string, string, number, number, number, string, number, number]
  >(
    `INSERT INTO import_runs (id, kind, file_name, file_sha256, format, encoding, rows, inserted, updated, unchanged,
       stale, summary, staff_id, started_at, finished_at)
     VALUES (?, 'holdings', ?, ?, 'csv', 'utf-8', ?, ?, ?, 0, 0, ?, NULL, ?, ?)`,
  );
  for (const f of files) {
    const day = branchDay(f.asOf, o.timeZone).replaceAll('-', '');
    const name = `客户资产余额_${day}.csv`;
    const sha = createHash('sha256').update(`demo:${o.seed}:${name}`).digest('hex');
    const finished = Math.min(f.asOf + LOADED_AFTER_MS, o.now - 60_000);
    const summary = JSON.stringify({ kind: 'holdings', fileName: name, rows: f.rows, demo: true });
    insert.run(
      f.importId,
      name,
      sha,
      f.rows,
      f.firstSeen,
      f.rows - f.firstSeen,
      summary,
      finished - LOAD_SECONDS * 1000,
      finished,
    );
  }
}
