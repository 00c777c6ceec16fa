/**
 * The branch side of an import. A file is read into a staging database (import-stage.ts), checked
 * there, and only if every row is good applied to the branch database in ONE transaction: a file
 * is all-or-nothing, the long part (parsing, validation, hashing, encryption) holds no lock, and
 * the branch database is written only by the short apply.
 *
 * Staging tables live in the attached schema `stage`; every statement names it, so nothing here
 * can touch a branch table by accident.
 */
import type { TierBand } from '@shared/customer/tier';
import type { ImportKind, TierCounts } from '@shared/import/types';
import type { Store } from '../connection';
import { setChecks, type CheckSql, type SetIssue } from './import-checks';
import { BULK_JOURNAL_MIN_ROWS, writeSnapshotsJournalled } from './ho-bulk-journal';
import { withIndexesRebuilt } from './import-bulk';
import { ImportSql } from './import-sql';

/** The tier of the balance in column `aum` by the rules' bands, as an SQL CASE with its bound parameters. */
function tierCase(bands: readonly TierBand[], aum = 'aum_fen'): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = [];
  let sql = 'CASE';
  for (let i = bands.length - 1; i >= 1; i--) {
    const b = bands[i] as TierBand;
    sql += ` WHEN ${aum} >= ? THEN ?`;
    params.push(b.minFen, b.key);
  }
  sql += ' ELSE ? END';
  params.push((bands[0] as TierBand).key);
  return { sql, params };
}

export interface ApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  stale: number;
  tierMoves: Record<string, number>;
  /** Customers whose owner or backup the file set (customer files with the owner columns). */
  owners: number;
}

/**
 * The branch side of an import: attaches a staging file to the branch connection, runs the set
 * checks, and applies it in one transaction.
 */
export class ImportApply {
  private attached = false;

  private readonly q: ImportSql;

  constructor(
    private readonly store: Store,
    private readonly stageFile: string,
    private readonly kind: ImportKind,
  ) {
    this.q = new ImportSql(store.sqlite);
  }

  attach(): void {
    if (this.attached) return;
    this.store.sqlite.prepare('ATTACH DATABASE ? AS stage').run(this.stageFile);
    this.attached = true;
  }

  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    this.store.sqlite.exec('DETACH DATABASE stage');
  }

  /**
   * Checks over the whole file: duplicates inside it and clashes with the branch's data. On this connection (stage
   * attached), or through `on` (a CheckWorker with a connection of its own).
   */
  checks(on: CheckSql = this.q): Promise<SetIssue[]> {
    return setChecks(on, this.kind);
  }

  /** A load much larger than what the table holds: rebuild its indexes once instead of inserting into them. */
  bulkLoadWorthIt(rows: number): boolean {
    const table = this.kind === 'customers' ? 'customers' : this.kind === 'holdings' ? 'holdings' : null;
    if (!table) return false;
    return rows > 2 * this.q.count(`SELECT count(*) FROM ${table}`);
  }

  /** Runs `fn` with a 64 MB page cache (a big apply), then restores the cache and gives the memory back. */
  withLargeCache<T>(big: boolean, fn: () => T): T {
    if (!big) return fn();
    const db = this.store.sqlite;
    const before = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('cache_size = -65536');
    try {
      return fn();
    } finally {
      db.pragma(`cache_size = ${before}`);
      db.pragma('shrink_memory');
    }
  }

  tierCounts(): TierCounts {
    const rows = this.store.sqlite
      .prepare('SELECT tier, count(*) AS n FROM customers GROUP BY tier')
      .all() as {
      tier: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.tier, r.n]));
  }

  /** Applies the staged rows; must run inside the caller's transaction. */
  apply(opts: {
    now: number;
    importId: string;
    bands: readonly TierBand[];
    bulk: boolean;
    staffId: string | null;
    /** Snapshots from which a holdings import is journalled in bulk (ho-bulk-journal.ts; tests set it lower). */
    bulkJournalMin?: number | undefined;
  }): ApplyCounts {
    switch (this.kind) {
      case 'customers':
        return this.applyCustomers(opts);
      case 'holdings':
        return this.applyHoldings(opts);
      case 'products':
        return this.applyProducts(opts.now);
      case 'risk':
        return this.applyRisk(opts.now);
    }
  }

  private applyCustomers(opts: {
    now: number;
    bands: readonly TierBand[];
    bulk: boolean;
    staffId: string | null;
  }): ApplyCounts {
    const cols = `kind, corporate_type, name, id_hash, id_masked, id_enc, credit_code, phone_hash, phone_masked, phone_enc,
      birth_month, gender, segments, lifecycle, relationship_type, corporate_grade, marketing_consent, created_at, last_visit_at, last_txn_at`;
    const lowest = (opts.bands[0] as TierBand).key;
    let inserted = 0;
    // A new customer linked to a customer on an EARLIER line of the file gets its link in the
    // insert (rows go in line order, so the target is already there); see the links below.
    withIndexesRebuilt(this.q, 'customers', opts.bulk, () => {
      inserted = this.q.run(
        `INSERT INTO main.customers (id, customer_no, ${cols}, linked_customer_id, aum_fen, tier, updated_at)
         SELECT id, customer_no, ${cols},
           (SELECT t.id FROM stage.customers t WHERE t.customer_no = s.linked_no AND t.line < s.line), 0, ?, ?
         FROM stage.customers s WHERE is_new = 1 ORDER BY s.rowid`,
        lowest,
        opts.now,
      );
    });
    const updated = this.q.run(
      `UPDATE main.customers SET (${cols}, updated_at) = (SELECT ${cols
        .split(',')
        .map((c) => `s.${c.trim()}`)
        .join(', ')}, ?)
       FROM stage.customers s WHERE customers.id = s.id AND s.is_new = 0 AND s.changed = 1`,
      opts.now,
    );
    this.q.run(
      'DELETE FROM main.cards WHERE customer_id IN (SELECT id FROM stage.customers WHERE cards_changed = 1 AND is_new = 0)',
    );
    withIndexesRebuilt(this.q, 'cards', opts.bulk, () => {
      this.q.run(
        `INSERT INTO main.cards (card_hash, customer_id, card_masked, card_enc)
         SELECT card_hash, customer_id, card_masked, NULL FROM stage.cards`,
      );
    });
    // The other links last, when every customer of the file exists; one primary-key update per
    // row (a set UPDATE here walks the whole table). Never a link to a LATER line in the insert: it
    // would be a pending deferred foreign key, and SQLite then looks for its children (an
    // unindexed column) at every insert that follows: hours at a million rows.
    const links = this.store.sqlite
      .prepare(
        `SELECT s.id, (SELECT x.id FROM main.customers x WHERE x.customer_no = s.linked_no) AS target
         FROM stage.customers s WHERE s.link_changed = 1 AND NOT (s.is_new = 1
           AND EXISTS (SELECT 1 FROM stage.customers t WHERE t.customer_no = s.linked_no AND t.line < s.line))`,
      )
      .all() as { id: string; target: string | null }[];
    const setLink = this.store.sqlite.prepare(
      'UPDATE main.customers SET linked_customer_id = ? WHERE id = ?',
    );
    for (const l of links) setLink.run(l.target, l.id);
    const owners = this.applyOwners(opts.now, opts.staffId);
    const rows = this.q.count('SELECT count(*) FROM stage.customers');
    return { inserted, updated, unchanged: rows - inserted - updated, stale: 0, tierMoves: {}, owners };
  }

  /**
   * The owner columns (validated when staged): a named owner is set (source 'import'), a named
   * backup too; an empty cell keeps what the customer has, except a backup who becomes the owner
   * (one person cannot be both). Rows that change nothing keep their record (and its source).
   */
  private applyOwners(now: number, staffId: string | null): number {
    const set = this.q.run(
      `INSERT INTO main.customer_owners (customer_id, owner_id, backup_id, source, assigned_by, assigned_at)
       SELECT customer_id, owner_id, backup_id, 'import', ?, ? FROM stage.owners WHERE owner_id IS NOT NULL
       ON CONFLICT (customer_id) DO UPDATE SET owner_id = excluded.owner_id,
         backup_id = CASE WHEN excluded.backup_id IS NOT NULL THEN excluded.backup_id
           WHEN customer_owners.backup_id = excluded.owner_id THEN NULL ELSE customer_owners.backup_id END,
         source = 'import', assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at
       WHERE customer_owners.owner_id <> excluded.owner_id OR customer_owners.backup_id = excluded.owner_id
         OR (excluded.backup_id IS NOT NULL AND customer_owners.backup_id IS NOT excluded.backup_id)`,
      staffId,
      now,
    );
    const backups = this.q.run(
      `UPDATE main.customer_owners SET backup_id = s.backup_id, source = 'import', assigned_by = ?, assigned_at = ?
       FROM stage.owners s WHERE customer_owners.customer_id = s.customer_id AND s.owner_id IS NULL
         AND customer_owners.backup_id IS NOT s.backup_id AND customer_owners.owner_id <> s.backup_id`,
      staffId,
      now,
    );
    return set + backups;
  }

  private applyHoldings(opts: {
    now: number;
    importId: string;
    bands: readonly TierBand[];
    bulk: boolean;
    bulkJournalMin?: number | undefined;
  }): ApplyCounts {
    const db = this.store.sqlite;
    // Same date as what the branch has: a correction if the rows differ, otherwise nothing to do.
    if (this.q.count(`SELECT count(*) FROM stage.agg WHERE mode = 'same'`) > 0) {
      this.q.exec('CREATE INDEX IF NOT EXISTS stage.holdings_customer ON holdings(customer_id)');
      const fp = (t: string) =>
        `(SELECT group_concat(x.product_type || '|' || ifnull(x.product_code, '') || '|' || x.balance_fen
             || '|' || ifnull(x.maturity_at, ''), ';'
           ORDER BY x.product_type, x.product_code, x.balance_fen, x.maturity_at) FROM ${t} x WHERE x.customer_id = agg.customer_id)`;
      this.q.exec(
        `UPDATE stage.agg SET same_as = CASE WHEN ${fp('stage.holdings')} IS ${fp('main.holdings')} THEN 'unchanged' ELSE 'replace' END
         WHERE mode = 'same'`,
      );
    }
    // History first: the snapshot being replaced is kept (seeded or hand-entered balances included).
    this.q.run(`INSERT OR IGNORE INTO main.aum_snapshots (customer_id, as_of, aum_fen, tier, import_id)
      SELECT customer_id, cur_as_of, old_aum, old_tier, NULL FROM stage.agg WHERE mode = 'replace' AND cur_as_of IS NOT NULL`);
    this.q.run(
      `DELETE FROM main.holdings WHERE customer_id IN (SELECT customer_id FROM stage.agg WHERE mode = 'replace' AND cur_as_of IS NOT NULL)`,
    );
    const allReplace = this.q.count(`SELECT count(*) FROM stage.agg WHERE mode <> 'replace'`) === 0;
    let inserted = 0;
    withIndexesRebuilt(this.q, 'holdings', opts.bulk, () => {
      inserted = this.q
        .run(`INSERT INTO main.holdings (id, customer_id, product_type, product_code, balance_fen, as_of, maturity_at)
        SELECT h.id, h.customer_id, h.product_type, h.product_code, h.balance_fen, h.as_of, h.maturity_at FROM stage.holdings h
        WHERE ${allReplace ? 'true' : `(SELECT a.mode FROM stage.agg a WHERE a.customer_id = h.customer_id) = 'replace'`}`);
    });
    // The new tier from the file's balance, worked out where it is used (a stored column cost a pass over every
    // customer: ~1 s at a million).
    const tier = tierCase(opts.bands, 'a.aum_fen');
    const moves = db
      .prepare(
        `SELECT old_tier || '>' || new_tier AS move, count(*) AS n
         FROM (SELECT a.old_tier, ${tier.sql} AS new_tier FROM stage.agg a WHERE a.mode = 'replace')
         WHERE old_tier <> new_tier GROUP BY 1`,
      )
      .all(...tier.params) as { move: string; n: number }[];
    const replaced = this.q.count(`SELECT count(*) FROM stage.agg WHERE mode = 'replace'`);
    // A bulk load updates most customers: the indexes on their AUM and tier are rebuilt once, as the holdings' are
    // (at 100k customers 3.7 s of random index updates became 1.4 s + 0.5 s of rebuild).
    const bulkUpdate = opts.bulk && replaced * 2 > this.q.count('SELECT count(*) FROM main.customers');
    withIndexesRebuilt(
      this.q,
      'customers',
      bulkUpdate,
      () =>
        this.q.run(
          // The tier's CASE twice rather than a sub-select: SQLite would materialise that (~0.6 s at a million).
          `UPDATE main.customers SET aum_fen = a.aum_fen, tier = ${tier.sql}, updated_at = ?
           FROM stage.agg a WHERE customers.id = a.customer_id AND a.mode = 'replace'
             AND (customers.aum_fen <> a.aum_fen OR customers.tier <> ${tier.sql})`,
          ...tier.params,
          opts.now,
          ...tier.params,
        ),
      ['aum_fen', 'tier', 'updated_at'],
    );
    const journal = {
      importId: opts.importId,
      now: opts.now,
      staged: this.q.count('SELECT count(*) FROM stage.agg'),
      minRows: opts.bulkJournalMin ?? BULK_JOURNAL_MIN_ROWS,
    };
    withIndexesRebuilt(this.q, 'aum_snapshots', bulkUpdate, () =>
      writeSnapshotsJournalled(this.q, journal, () =>
        this.q.run(
          `INSERT INTO main.aum_snapshots (customer_id, as_of, aum_fen, tier, import_id)
           SELECT a.customer_id, a.as_of, a.aum_fen, ${tier.sql}, ? FROM stage.agg a WHERE true
           ON CONFLICT (customer_id, as_of) DO UPDATE SET aum_fen = excluded.aum_fen, tier = excluded.tier, import_id = excluded.import_id
           WHERE aum_snapshots.aum_fen <> excluded.aum_fen OR aum_snapshots.tier <> excluded.tier`,
          ...tier.params,
          opts.importId,
        ),
      ),
    );
    return {
      inserted,
      updated: replaced,
      unchanged: this.q.count(`SELECT count(*) FROM stage.agg WHERE mode = 'unchanged'`),
      stale: this.q.count(`SELECT count(*) FROM stage.agg WHERE mode = 'stale'`),
      tierMoves: Object.fromEntries(moves.map((m) => [m.move, m.n])),
      owners: 0,
    };
  }

  private applyProducts(now: number): ApplyCounts {
    const rows = this.q.count('SELECT count(*) FROM stage.products');
    const inserted = this.q.run(
      `INSERT INTO main.products (id, code, name_zh, name_en, type, risk_level, spec, active, updated_at)
       SELECT s.id, s.code, s.name_zh, s.name_en, s.type, s.risk_level, '{}', s.active, ? FROM stage.products s
       WHERE NOT EXISTS (SELECT 1 FROM main.products p WHERE p.code = s.code)`,
      now,
    );
    const updated = this.q.run(
      `UPDATE main.products SET name_zh = s.name_zh, name_en = s.name_en, type = s.type, risk_level = s.risk_level,
         active = s.active, updated_at = ?
       FROM stage.products s WHERE products.code = s.code AND (products.name_zh <> s.name_zh OR products.name_en <> s.name_en
         OR products.type <> s.type OR products.risk_level IS NOT s.risk_level OR products.active <> s.active)`,
      now,
    );
    return { inserted, updated, unchanged: rows - inserted - updated, stale: 0, tierMoves: {}, owners: 0 };
  }

  private applyRisk(now: number): ApplyCounts {
    const db = this.store.sqlite;
    // The latest assessment per customer wins (SQLite takes the bare columns from the max() row).
    db.exec(`CREATE TEMP TABLE risk_latest AS
      SELECT customer_id, risk_level, max(assessed_at) AS assessed_at FROM stage.risk GROUP BY customer_id`);
    try {
      const customers = this.q.count('SELECT count(*) FROM temp.risk_latest');
      const stale = this.q.count(
        `SELECT count(*) FROM temp.risk_latest x JOIN main.customers c ON c.id = x.customer_id WHERE x.assessed_at < c.risk_assessed_at`,
      );
      const updated = this.q.run(
        `UPDATE main.customers SET risk_level = x.risk_level, risk_assessed_at = x.assessed_at, updated_at = ?
         FROM temp.risk_latest x WHERE customers.id = x.customer_id AND (customers.risk_assessed_at IS NULL
           OR x.assessed_at > customers.risk_assessed_at
           OR (x.assessed_at = customers.risk_assessed_at AND customers.risk_level IS NOT x.risk_level))`,
        now,
      );
      return {
        inserted: 0,
        updated,
        unchanged: customers - updated - stale,
        stale,
        tierMoves: {},
        owners: 0,
      };
    } finally {
      db.exec('DROP TABLE temp.risk_latest');
    }
  }

  /** The record of an applied import, written in the same transaction as the data. */
  recordRun(r: {
    id: string;
    kind: ImportKind;
    fileName: string;
    sha256: string;
    format: string;
    encoding: string | null;
    rows: number;
    counts: ApplyCounts;
    summary: Record<string, unknown>;
    staffId: string | null;
    startedAt: number;
    finishedAt: number;
  }): void {
    this.store.run(
      this.store.k.insertInto('import_runs').values({
        id: r.id,
        kind: r.kind,
        file_name: r.fileName,
        file_sha256: r.sha256,
        format: r.format,
        encoding: r.encoding,
        rows: r.rows,
        inserted: r.counts.inserted,
        updated: r.counts.updated,
        unchanged: r.counts.unchanged,
        stale: r.counts.stale,
        summary: JSON.stringify(r.summary),
        staff_id: r.staffId,
        started_at: r.startedAt,
        finished_at: r.finishedAt,
      }),
    );
  }
}
