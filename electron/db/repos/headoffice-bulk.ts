/**
 * The push side of bulk-journalled balance snapshots (migration 0031, ho-bulk-journal.ts): the snapshots a bulk
 * journal row stands for, read a window at a time in the order of the `aum_snapshots_as_of` index (date, tier,
 * customer), and where the push has got to inside it, kept in `ho_sync_state` so a restarted push goes on from there.
 */
import type Database from 'better-sqlite3';
import type { Store } from '../connection';
import type { HoJournalBulkTable } from '../schema';
import { BULK_SNAPSHOTS_SOURCE } from './ho-bulk-journal';

export { BULK_SNAPSHOTS_SOURCE };

export interface BulkSnapshot {
  customerId: string;
  customerNo: string | null;
  asOf: number;
  tier: string;
  aumFen: number;
}

/** A place in the index's order: after this snapshot; `sent` snapshots of the import have gone up so far. */
export interface BulkCursor {
  seq: number;
  asOf: number;
  tier: string;
  customerId: string;
  sent: number;
}

interface Scanned {
  customer_id: string;
  as_of: number;
  tier: string;
  aum_fen: number;
  import_id: string | null;
  customer_no: string | null;
}

const CURSOR_KEY = 'bulk_cursor';

export class HeadOfficeBulkRepo {
  private readonly bySeq: Database.Statement<[number], HoJournalBulkTable>;
  private readonly window: Database.Statement<[number, string, string, number, number], Scanned>;
  private readonly remaining: Database.Statement<[], { rows: number | null; n: number; head: number | null }>;

  /** `state` is the head-office link's own key-value store (HeadOfficeSyncRepo.state / setState). */
  constructor(
    private readonly store: Store,
    private readonly state: {
      get: (key: string) => string | null;
      set: (key: string, value: string, now: number) => void;
    },
  ) {
    const db = store.sqlite;
    this.bySeq = db.prepare('SELECT * FROM ho_journal_bulk WHERE seq = ?');
    // Every snapshot in the import's date range is scanned (a window bounds the work of one step); those of other
    // imports on the same dates are passed over. The row value walks the index (date, tier, customer).
    this.window = db.prepare(
      `SELECT s.customer_id, s.as_of, s.tier, s.aum_fen, s.import_id, c.customer_no
       FROM (SELECT customer_id, as_of, tier, aum_fen, import_id FROM aum_snapshots
             WHERE (as_of, tier, customer_id) > (?, ?, ?) AND as_of <= ?
             ORDER BY as_of, tier, customer_id LIMIT ?) s
       LEFT JOIN customers c ON c.id = s.customer_id`,
    );
    this.remaining = db.prepare(
      'SELECT sum(rows) AS rows, count(*) AS n, min(seq) AS head FROM ho_journal_bulk',
    );
  }

  /** The import a bulk journal row stands for (none: it wrote nothing, or was already sent). */
  of(seq: number): HoJournalBulkTable | undefined {
    return this.bySeq.get(seq);
  }

  /** Where the push got to inside the bulk row `seq`; null: at its start. */
  cursor(seq: number): BulkCursor | null {
    const raw = this.state.get(CURSOR_KEY);
    if (!raw) return null;
    try {
      const c = JSON.parse(raw) as BulkCursor;
      return c.seq === seq ? c : null;
    } catch {
      return null;
    }
  }

  setCursor(c: BulkCursor, now: number): void {
    this.state.set(CURSOR_KEY, JSON.stringify(c), now);
  }

  /**
   * The next window of `limit` snapshots after `after` in the import's date range: the import's own among them,
   * and where the next window starts (null: the range is done).
   */
  page(
    b: HoJournalBulkTable,
    after: BulkCursor | null,
    limit: number,
  ): { rows: BulkSnapshot[]; next: Omit<BulkCursor, 'seq' | 'sent'> | null } {
    const from = after ?? { asOf: b.as_of_min, tier: '', customerId: '' };
    const scanned = this.window.all(from.asOf, from.tier, from.customerId, b.as_of_max, limit);
    const rows: BulkSnapshot[] = [];
    for (const s of scanned) {
      if (s.import_id !== b.import_id) continue;
      rows.push({
        customerId: s.customer_id,
        customerNo: s.customer_no,
        asOf: s.as_of,
        tier: s.tier,
        aumFen: s.aum_fen,
      });
    }
    const last = scanned.at(-1);
    const next =
      last && scanned.length === limit
        ? { asOf: last.as_of, tier: last.tier, customerId: last.customer_id }
        : null;
    return { rows, next };
  }

  /** Snapshots the bulk rows still in the journal stand for, less the rows themselves and what already went up. */
  extraPending(): number {
    const r = this.remaining.get();
    if (!r || !r.n || r.head === null) return 0;
    const sent = this.cursor(r.head)?.sent ?? 0;
    return Math.max(0, (r.rows ?? 0) - r.n - sent);
  }

  /** The head office has everything up to `seq`: the bulk rows up to it are done. */
  acked(seq: number): void {
    this.store.sqlite.prepare('DELETE FROM ho_journal_bulk WHERE seq <= ?').run(seq);
    this.store.sqlite
      .prepare(`DELETE FROM ho_sync_state WHERE key = ? AND coalesce(json_extract(value, '$.seq'), 0) <= ?`)
      .run(CURSOR_KEY, seq);
  }
}
