/**
 * The SQL of imports. A file is read into a staging database (a scratch SQLite file of its own,
 * no journal), checked there, and only if every row is good applied to the branch database in
 * ONE transaction: a file is all-or-nothing, the long part (parsing, validation, hashing,
 * encryption) holds no lock, and the branch database is written only by the short apply.
 *
 * Staging tables live in the attached schema `stage`; every statement names it, so nothing here
 * can touch a branch table by accident.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, openSync } from 'node:fs';
import type { TierBand } from '@shared/customer/tier';
import type { ImportIssue, ImportKind, TierCounts } from '@shared/import/types';
import type { Store } from '../connection';
import type { CustomerTable } from '../schema';

const STAGE_DDL: Record<ImportKind, string> = {
  customers: `
    CREATE TABLE customers (
      line INTEGER NOT NULL, id TEXT NOT NULL, is_new INTEGER NOT NULL, changed INTEGER NOT NULL,
      cards_changed INTEGER NOT NULL, link_changed INTEGER NOT NULL,
      customer_no TEXT NOT NULL, kind TEXT NOT NULL, corporate_type TEXT, name TEXT NOT NULL,
      id_hash TEXT, id_masked TEXT, id_enc TEXT, credit_code TEXT,
      phone_hash TEXT, phone_masked TEXT, phone_enc TEXT, birth_date TEXT, gender TEXT,
      segments TEXT NOT NULL, lifecycle TEXT NOT NULL, relationship_type TEXT NOT NULL, corporate_grade TEXT,
      marketing_consent INTEGER NOT NULL, created_at INTEGER NOT NULL, last_visit_at INTEGER, last_txn_at INTEGER,
      linked_no TEXT);
    CREATE TABLE cards (line INTEGER NOT NULL, customer_id TEXT NOT NULL, card_hash TEXT NOT NULL, card_masked TEXT NOT NULL);`,
  holdings: `
    CREATE TABLE holdings (
      line INTEGER NOT NULL, id TEXT NOT NULL, customer_id TEXT NOT NULL, product_type TEXT NOT NULL,
      product_code TEXT, balance_fen INTEGER NOT NULL, as_of INTEGER NOT NULL, aum INTEGER NOT NULL);
    CREATE TABLE agg (
      customer_id TEXT PRIMARY KEY, line INTEGER NOT NULL, as_of INTEGER NOT NULL, min_as_of INTEGER NOT NULL,
      aum_fen INTEGER NOT NULL, n INTEGER NOT NULL, old_aum INTEGER NOT NULL, old_tier TEXT NOT NULL, cur_as_of INTEGER,
      new_tier TEXT, mode TEXT) WITHOUT ROWID;`,
  products: `
    CREATE TABLE products (
      line INTEGER NOT NULL, id TEXT NOT NULL, code TEXT NOT NULL, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
      type TEXT NOT NULL, risk_level INTEGER, active INTEGER NOT NULL);`,
  risk: `
    CREATE TABLE risk (line INTEGER NOT NULL, customer_id TEXT NOT NULL, risk_level INTEGER NOT NULL, assessed_at INTEGER NOT NULL);`,
};

export type StagedCustomer = [
  line: number,
  id: string,
  isNew: number,
  changed: number,
  cardsChanged: number,
  linkChanged: number,
  customerNo: string,
  kind: string,
  corporateType: string | null,
  name: string,
  idHash: string | null,
  idMasked: string | null,
  idEnc: string | null,
  creditCode: string | null,
  phoneHash: string | null,
  phoneMasked: string | null,
  phoneEnc: string | null,
  birthDate: string | null,
  gender: string | null,
  segments: string,
  lifecycle: string,
  relationshipType: string,
  corporateGrade: string | null,
  marketingConsent: number,
  createdAt: number,
  lastVisitAt: number | null,
  lastTxnAt: number | null,
  linkedNo: string | null,
];

/** The scratch database one import stages its rows and issues in. */
export class ImportStage {
  readonly db: Database.Database;
  private readonly insIssue: Database.Statement;
  private readonly ins: Record<string, Database.Statement> = {};
  private issues = 0;

  constructor(
    readonly file: string,
    readonly kind: ImportKind,
  ) {
    // Created private before SQLite opens it (SQLite would create it 0644): it holds staged personal data.
    closeSync(openSync(file, 'w', 0o600));
    chmodSync(file, 0o600);
    this.db = new Database(file);
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -32000');
    this.db.exec(STAGE_DDL[kind]);
    this.db.exec(
      `CREATE TABLE issues (line INTEGER NOT NULL, field TEXT, column_name TEXT, code TEXT NOT NULL, zh TEXT NOT NULL, en TEXT NOT NULL, value TEXT)`,
    );
    this.insIssue = this.db.prepare('INSERT INTO issues VALUES (?,?,?,?,?,?,?)');
    const placeholders = (n: number) => `(${new Array(n).fill('?').join(',')})`;
    if (kind === 'customers') {
      this.ins.customers = this.db.prepare(`INSERT INTO customers VALUES ${placeholders(28)}`);
      this.ins.cards = this.db.prepare('INSERT INTO cards VALUES (?,?,?,?)');
    } else if (kind === 'holdings') {
      this.ins.holdings = this.db.prepare(`INSERT INTO holdings VALUES ${placeholders(8)}`);
      this.ins.agg = this.db
        .prepare(`INSERT INTO agg (customer_id, line, as_of, min_as_of, aum_fen, n, old_aum, old_tier, cur_as_of)
        VALUES (?,?,?,?,?,?,?,?,?) ON CONFLICT (customer_id) DO UPDATE SET aum_fen = aum_fen + excluded.aum_fen,
          n = n + excluded.n, as_of = max(as_of, excluded.as_of), min_as_of = min(min_as_of, excluded.min_as_of)`);
    } else if (kind === 'products') {
      this.ins.products = this.db.prepare(`INSERT INTO products VALUES ${placeholders(8)}`);
    } else {
      this.ins.risk = this.db.prepare(`INSERT INTO risk VALUES ${placeholders(4)}`);
    }
  }

  get issueCount(): number {
    return this.issues;
  }

  /** Runs `fn` in one staging transaction (a batch of rows). */
  batch(fn: () => void): void {
    this.db.transaction(fn)();
  }

  issue(i: ImportIssue): void {
    this.issues++;
    this.insIssue.run(i.line, i.field, i.column, i.code, i.zh, i.en, i.value);
  }

  customer(row: StagedCustomer): void {
    (this.ins.customers as Database.Statement).run(...row);
  }

  card(line: number, customerId: string, hash: string, masked: string): void {
    (this.ins.cards as Database.Statement).run(line, customerId, hash, masked);
  }

  holding(
    line: number,
    id: string,
    customerId: string,
    type: string,
    code: string | null,
    fen: number,
    asOf: number,
    aum: boolean,
  ): void {
    (this.ins.holdings as Database.Statement).run(line, id, customerId, type, code, fen, asOf, aum ? 1 : 0);
  }

  /** One customer's rows of a balance file, summed (called once per run of rows of that customer). */
  holdingTotal(a: {
    customerId: string;
    line: number;
    asOfMax: number;
    asOfMin: number;
    aumFen: number;
    n: number;
    oldAum: number;
    oldTier: string;
    curAsOf: number | null;
  }): void {
    (this.ins.agg as Database.Statement).run(
      a.customerId,
      a.line,
      a.asOfMax,
      a.asOfMin,
      a.aumFen,
      a.n,
      a.oldAum,
      a.oldTier,
      a.curAsOf,
    );
  }

  product(
    line: number,
    id: string,
    p: {
      code: string;
      nameZh: string;
      nameEn: string;
      type: string;
      riskLevel: number | null;
      active: boolean;
    },
  ): void {
    (this.ins.products as Database.Statement).run(
      line,
      id,
      p.code,
      p.nameZh,
      p.nameEn,
      p.type,
      p.riskLevel,
      p.active ? 1 : 0,
    );
  }

  risk(line: number, customerId: string, level: number, assessedAt: number): void {
    (this.ins.risk as Database.Statement).run(line, customerId, level, assessedAt);
  }

  /** Issues ordered by line, `limit` at a time from `offset` (for the report file and the preview). */
  issuePage(offset: number, limit: number): ImportIssue[] {
    return (
      this.db
        .prepare(
          'SELECT line, field, column_name, code, zh, en, value FROM issues ORDER BY line, rowid LIMIT ? OFFSET ?',
        )
        .all(limit, offset) as {
        line: number;
        field: string | null;
        column_name: string | null;
        code: string;
        zh: string;
        en: string;
        value: string | null;
      }[]
    ).map((r) => ({
      line: r.line,
      field: r.field,
      column: r.column_name,
      code: r.code,
      zh: r.zh,
      en: r.en,
      value: r.value,
    }));
  }

  rejectedRows(): number {
    return (this.db.prepare('SELECT count(DISTINCT line) n FROM issues').get() as { n: number }).n;
  }

  /** Indexes for the checks, built once after the bulk load (faster than maintaining them per row). */
  indexForChecks(): void {
    if (this.kind === 'customers') {
      this.db.exec('CREATE INDEX customers_no ON customers(customer_no)');
      // Covering: the duplicate-card check reads the index alone (1.8 s → 0.2 s at 1.2M cards).
      this.db.exec('CREATE INDEX cards_hash ON cards(card_hash, customer_id, line, card_masked)');
    } else if (this.kind === 'products') {
      this.db.exec('CREATE INDEX products_code ON products(code)');
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Reads the branch database while rows are staged (prepared once; the hot path of an import). */
export class ImportLookups {
  private readonly customerByNo: Database.Statement;
  private readonly customerIdByNo: Database.Statement;
  private readonly cardsOf: Database.Statement;
  private readonly riskOf: Database.Statement;
  private readonly balanceOf: Database.Statement;

  constructor(private readonly store: Store) {
    const db = store.sqlite;
    this.customerByNo = db.prepare(
      `SELECT c.*, l.customer_no AS linked_no FROM customers c LEFT JOIN customers l ON l.id = c.linked_customer_id WHERE c.customer_no = ?`,
    );
    this.customerIdByNo = db.prepare('SELECT id FROM customers WHERE customer_no = ?').pluck();
    this.balanceOf = db.prepare(
      `SELECT c.id, c.aum_fen, c.tier, (SELECT max(h.as_of) FROM holdings h WHERE h.customer_id = c.id) AS cur_as_of
       FROM customers c WHERE c.customer_no = ?`,
    );
    this.cardsOf = db.prepare('SELECT card_hash FROM cards WHERE customer_id = ?').pluck();
    this.riskOf = db.prepare('SELECT id, risk_level, risk_assessed_at FROM customers WHERE customer_no = ?');
  }

  /** Runs `fn` in one read transaction: in WAL mode a lone SELECT opens and closes its own, at ~15 µs each. */
  reading<T>(fn: () => T): T {
    return this.store.sqlite.transaction(fn).deferred();
  }

  customer(no: string): (CustomerTable & { linked_no: string | null }) | undefined {
    return this.customerByNo.get(no) as (CustomerTable & { linked_no: string | null }) | undefined;
  }

  customerId(no: string): string | undefined {
    return this.customerIdByNo.get(no) as string | undefined;
  }

  /** A customer's current AUM, tier and balance date (null: no holdings yet). */
  balance(no: string): { id: string; aum_fen: number; tier: string; cur_as_of: number | null } | undefined {
    return this.balanceOf.get(no) as
      { id: string; aum_fen: number; tier: string; cur_as_of: number | null } | undefined;
  }

  cardHashes(customerId: string): string[] {
    return this.cardsOf.all(customerId) as string[];
  }

  products(): Map<string, string> {
    const rows = this.store.sqlite.prepare('SELECT code, type FROM products').all() as {
      code: string;
      type: string;
    }[];
    return new Map(rows.map((r) => [r.code, r.type]));
  }

  existingProducts(): Map<
    string,
    { name_zh: string; name_en: string; type: string; risk_level: number | null; active: number }
  > {
    const rows = this.store.sqlite
      .prepare('SELECT code, name_zh, name_en, type, risk_level, active FROM products')
      .all() as {
      code: string;
      name_zh: string;
      name_en: string;
      type: string;
      risk_level: number | null;
      active: number;
    }[];
    return new Map(rows.map((r) => [r.code, r]));
  }

  risk(no: string): { id: string; risk_level: number | null; risk_assessed_at: number | null } | undefined {
    return this.riskOf.get(no) as
      { id: string; risk_level: number | null; risk_assessed_at: number | null } | undefined;
  }
}

/** IMPORT_TRACE=1 prints each apply statement's time (for tuning large imports). */
const TRACE = typeof process !== 'undefined' && process.env.IMPORT_TRACE === '1';
function trace(sql: string, t0: number): void {
  if (TRACE)
    process.stderr.write(
      `[import] ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 110)}\n`,
    );
}

interface CheckRow {
  line: number;
  value: string | null;
  other: string | number | null;
}

/** A set-level problem found by SQL over the staged rows (and the branch data). */
export interface SetIssue {
  line: number;
  field: string;
  code: string;
  zh: string;
  en: string;
  value: string | null;
}

function tierCase(bands: readonly TierBand[]): { sql: string; params: (string | number)[] } {
  const params: (string | number)[] = [];
  let sql = 'CASE';
  for (let i = bands.length - 1; i >= 1; i--) {
    const b = bands[i] as TierBand;
    sql += ' WHEN aum_fen >= ? THEN ?';
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
}

/**
 * The branch side of an import: attaches a staging file to the branch connection, runs the set
 * checks, and applies it in one transaction.
 */
export class ImportApply {
  private attached = false;

  constructor(
    private readonly store: Store,
    private readonly stageFile: string,
    private readonly kind: ImportKind,
  ) {}

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

  private all(sql: string, ...params: unknown[]): CheckRow[] {
    const t = performance.now();
    const rows = this.store.sqlite.prepare(sql).all(...params) as CheckRow[];
    trace(sql, t);
    return rows;
  }

  /** Checks over the whole file: duplicates inside it and clashes with the branch's data. */
  checks(bands: readonly TierBand[]): SetIssue[] {
    const out: SetIssue[] = [];
    const add = (
      rows: CheckRow[],
      field: string,
      code: string,
      zh: (r: CheckRow) => string,
      en: (r: CheckRow) => string,
    ) => {
      for (const r of rows) out.push({ line: r.line, field, code, zh: zh(r), en: en(r), value: r.value });
    };
    if (this.kind === 'customers') {
      add(
        this.all(`SELECT s.line, s.customer_no AS value, f.first AS other FROM stage.customers s
          JOIN (SELECT customer_no, min(line) AS first FROM stage.customers GROUP BY customer_no HAVING count(*) > 1) f
            ON f.customer_no = s.customer_no WHERE s.line > f.first`),
        'customer_no',
        'duplicate_in_file',
        (r) => `客户号 ${r.value ?? ''} 在文件中重复（首次出现在第 ${r.other ?? ''} 行）`,
        (r) => `Customer no. ${r.value ?? ''} appears twice in the file (first on line ${r.other ?? ''})`,
      );
      add(
        this.all(`SELECT s.line, s.id_masked AS value, f.first AS other FROM stage.customers s
          JOIN (SELECT id_hash, min(line) AS first FROM stage.customers WHERE id_hash IS NOT NULL GROUP BY id_hash HAVING count(*) > 1) f
            ON f.id_hash = s.id_hash WHERE s.line > f.first`),
        'id_number',
        'duplicate_in_file',
        (r) => `证件号码与第 ${r.other ?? ''} 行的客户相同`,
        (r) => `Same ID number as the customer on line ${r.other ?? ''}`,
      );
      add(
        this.all(`SELECT s.line, s.id_masked AS value, m.customer_no AS other FROM stage.customers s
          JOIN main.customers m ON m.id_hash = s.id_hash WHERE s.id_hash IS NOT NULL AND m.id <> s.id`),
        'id_number',
        'id_taken',
        (r) => `证件号码已属于客户 ${r.other ?? ''}`,
        (r) => `The ID number already belongs to customer ${r.other ?? ''}`,
      );
      add(
        this.all(`SELECT s.line, s.card_masked AS value, f.first AS other FROM stage.cards s
          JOIN (SELECT card_hash, min(line) AS first FROM stage.cards GROUP BY card_hash HAVING count(*) > 1) f
            ON f.card_hash = s.card_hash WHERE s.line > f.first`),
        'cards',
        'duplicate_in_file',
        (r) => `银行卡号 ${r.value ?? ''} 与第 ${r.other ?? ''} 行重复`,
        (r) => `Card ${r.value ?? ''} also appears on line ${r.other ?? ''}`,
      );
      add(
        this.all(`SELECT s.line, s.card_masked AS value, m.customer_no AS other FROM stage.cards s
          JOIN main.cards c ON c.card_hash = s.card_hash JOIN main.customers m ON m.id = c.customer_id
          WHERE c.customer_id <> s.customer_id`),
        'cards',
        'card_taken',
        (r) => `银行卡号 ${r.value ?? ''} 已属于客户 ${r.other ?? ''}`,
        (r) => `Card ${r.value ?? ''} already belongs to customer ${r.other ?? ''}`,
      );
      add(
        this.all(`SELECT s.line, s.linked_no AS value, NULL AS other FROM stage.customers s
          WHERE s.link_changed = 1 AND s.linked_no IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM stage.customers t WHERE t.customer_no = s.linked_no)
            AND NOT EXISTS (SELECT 1 FROM main.customers m WHERE m.customer_no = s.linked_no)`),
        'linked_customer_no',
        'link_unknown',
        (r) => `关联客户号 ${r.value ?? ''} 既不在本文件中，也不在本网点客户中`,
        (r) => `Linked customer ${r.value ?? ''} is neither in this file nor a customer of the branch`,
      );
    } else if (this.kind === 'holdings') {
      // One balance date per customer: a file is one snapshot of each customer's holdings.
      const t = tierCase(bands);
      this.store.sqlite
        .prepare(
          `UPDATE stage.agg SET new_tier = ${t.sql}, mode = CASE WHEN cur_as_of IS NULL OR as_of > cur_as_of THEN 'replace'
             WHEN as_of < cur_as_of THEN 'stale' ELSE 'same' END`,
        )
        .run(...t.params);
      const mixed = this.store.sqlite
        .prepare('SELECT count(*) FROM stage.agg WHERE min_as_of <> as_of')
        .pluck()
        .get() as number;
      if (mixed > 0) {
        add(
          this.all(`SELECT h.line, NULL AS value, NULL AS other FROM stage.holdings h
            JOIN stage.agg a ON a.customer_id = h.customer_id WHERE a.min_as_of <> a.as_of`),
          'as_of',
          'as_of_mixed',
          () => '同一客户的各行余额日期须一致（一份文件是一个时点的余额）',
          () => 'All rows of one customer must have the same as-of date (a file is one snapshot)',
        );
      }
    } else if (this.kind === 'products') {
      add(
        this.all(`SELECT s.line, s.code AS value, f.first AS other FROM stage.products s
          JOIN (SELECT code, min(line) AS first FROM stage.products GROUP BY code HAVING count(*) > 1) f
            ON f.code = s.code WHERE s.line > f.first`),
        'code',
        'duplicate_in_file',
        (r) => `产品代码 ${r.value ?? ''} 在文件中重复（首次出现在第 ${r.other ?? ''} 行）`,
        (r) => `Product code ${r.value ?? ''} appears twice (first on line ${r.other ?? ''})`,
      );
    }
    return out;
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
  apply(opts: { now: number; importId: string; bands: readonly TierBand[]; bulk: boolean }): ApplyCounts {
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

  private count(sql: string, ...params: unknown[]): number {
    return this.store.sqlite
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  }

  private run(sql: string, ...params: unknown[]): number {
    const t = performance.now();
    const n = this.store.sqlite.prepare(sql).run(...params).changes;
    trace(sql, t);
    return n;
  }

  private exec(sql: string): void {
    const t = performance.now();
    this.store.sqlite.exec(sql);
    trace(sql, t);
  }

  /**
   * With `bulk` (a load much larger than the table), the table's secondary indexes are dropped
   * and rebuilt around `fn`: sorting once beats a million random index inserts. DDL is
   * transactional in SQLite, so a failure restores them with everything else.
   */
  private withIndexesRebuilt(table: string, bulk: boolean, fn: () => void): void {
    if (!bulk) {
      fn();
      return;
    }
    const idx = this.store.sqlite
      .prepare(
        `SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`,
      )
      .all(table) as { name: string; sql: string }[];
    for (const i of idx) this.exec(`DROP INDEX main."${i.name}"`);
    fn();
    for (const i of idx) this.exec(i.sql);
  }

  private applyCustomers(opts: { now: number; bands: readonly TierBand[]; bulk: boolean }): ApplyCounts {
    const cols = `kind, corporate_type, name, id_hash, id_masked, id_enc, credit_code, phone_hash, phone_masked, phone_enc,
      birth_date, gender, segments, lifecycle, relationship_type, corporate_grade, marketing_consent, created_at, last_visit_at, last_txn_at`;
    const lowest = (opts.bands[0] as TierBand).key;
    let inserted = 0;
    // A new customer linked to a customer on an EARLIER line of the file gets its link in the
    // insert (rows go in line order, so the target is already there); see the links below.
    this.withIndexesRebuilt('customers', opts.bulk, () => {
      inserted = this.run(
        `INSERT INTO main.customers (id, customer_no, ${cols}, linked_customer_id, aum_fen, tier, updated_at)
         SELECT id, customer_no, ${cols},
           (SELECT t.id FROM stage.customers t WHERE t.customer_no = s.linked_no AND t.line < s.line), 0, ?, ?
         FROM stage.customers s WHERE is_new = 1 ORDER BY s.rowid`,
        lowest,
        opts.now,
      );
    });
    const updated = this.run(
      `UPDATE main.customers SET (${cols}, updated_at) = (SELECT ${cols
        .split(',')
        .map((c) => `s.${c.trim()}`)
        .join(', ')}, ?)
       FROM stage.customers s WHERE customers.id = s.id AND s.is_new = 0 AND s.changed = 1`,
      opts.now,
    );
    this.run(
      'DELETE FROM main.cards WHERE customer_id IN (SELECT id FROM stage.customers WHERE cards_changed = 1 AND is_new = 0)',
    );
    this.withIndexesRebuilt('cards', opts.bulk, () => {
      this.run(
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
    const rows = this.count('SELECT count(*) FROM stage.customers');
    return { inserted, updated, unchanged: rows - inserted - updated, stale: 0, tierMoves: {} };
  }

  private applyHoldings(opts: { now: number; importId: string; bulk: boolean }): ApplyCounts {
    const db = this.store.sqlite;
    // Same date as what the branch has: a correction if the rows differ, otherwise nothing to do.
    if (this.count(`SELECT count(*) FROM stage.agg WHERE mode = 'same'`) > 0) {
      this.exec('CREATE INDEX IF NOT EXISTS stage.holdings_customer ON holdings(customer_id)');
      const fp = (t: string) =>
        `(SELECT group_concat(x.product_type || '|' || ifnull(x.product_code, '') || '|' || x.balance_fen, ';'
           ORDER BY x.product_type, x.product_code, x.balance_fen) FROM ${t} x WHERE x.customer_id = agg.customer_id)`;
      this.exec(
        `UPDATE stage.agg SET mode = CASE WHEN ${fp('stage.holdings')} IS ${fp('main.holdings')} THEN 'unchanged' ELSE 'replace' END
         WHERE mode = 'same'`,
      );
    }
    // History first: the snapshot being replaced is kept (seeded or hand-entered balances included).
    this.run(`INSERT OR IGNORE INTO main.aum_snapshots (customer_id, as_of, aum_fen, tier, import_id)
      SELECT customer_id, cur_as_of, old_aum, old_tier, NULL FROM stage.agg WHERE mode = 'replace' AND cur_as_of IS NOT NULL`);
    this.run(
      `DELETE FROM main.holdings WHERE customer_id IN (SELECT customer_id FROM stage.agg WHERE mode = 'replace' AND cur_as_of IS NOT NULL)`,
    );
    const allReplace = this.count(`SELECT count(*) FROM stage.agg WHERE mode <> 'replace'`) === 0;
    let inserted = 0;
    this.withIndexesRebuilt('holdings', opts.bulk, () => {
      inserted = this
        .run(`INSERT INTO main.holdings (id, customer_id, product_type, product_code, balance_fen, as_of)
        SELECT h.id, h.customer_id, h.product_type, h.product_code, h.balance_fen, h.as_of FROM stage.holdings h
        WHERE ${allReplace ? 'true' : `(SELECT a.mode FROM stage.agg a WHERE a.customer_id = h.customer_id) = 'replace'`}`);
    });
    const moves = db
      .prepare(
        `SELECT old_tier || '>' || new_tier AS move, count(*) AS n FROM stage.agg WHERE mode = 'replace' AND old_tier <> new_tier GROUP BY 1`,
      )
      .all() as { move: string; n: number }[];
    const replaced = this.count(`SELECT count(*) FROM stage.agg WHERE mode = 'replace'`);
    this.run(
      `UPDATE main.customers SET aum_fen = a.aum_fen, tier = a.new_tier, updated_at = ?
       FROM stage.agg a WHERE customers.id = a.customer_id AND a.mode = 'replace'
         AND (customers.aum_fen <> a.aum_fen OR customers.tier <> a.new_tier)`,
      opts.now,
    );
    this.run(
      `INSERT INTO main.aum_snapshots (customer_id, as_of, aum_fen, tier, import_id)
       SELECT customer_id, as_of, aum_fen, new_tier, ? FROM stage.agg WHERE true
       ON CONFLICT (customer_id, as_of) DO UPDATE SET aum_fen = excluded.aum_fen, tier = excluded.tier, import_id = excluded.import_id
       WHERE aum_snapshots.aum_fen <> excluded.aum_fen OR aum_snapshots.tier <> excluded.tier`,
      opts.importId,
    );
    return {
      inserted,
      updated: replaced,
      unchanged: this.count(`SELECT count(*) FROM stage.agg WHERE mode = 'unchanged'`),
      stale: this.count(`SELECT count(*) FROM stage.agg WHERE mode = 'stale'`),
      tierMoves: Object.fromEntries(moves.map((m) => [m.move, m.n])),
    };
  }

  private applyProducts(now: number): ApplyCounts {
    const rows = this.count('SELECT count(*) FROM stage.products');
    const inserted = this.run(
      `INSERT INTO main.products (id, code, name_zh, name_en, type, risk_level, spec, active, updated_at)
       SELECT s.id, s.code, s.name_zh, s.name_en, s.type, s.risk_level, '{}', s.active, ? FROM stage.products s
       WHERE NOT EXISTS (SELECT 1 FROM main.products p WHERE p.code = s.code)`,
      now,
    );
    const updated = this.run(
      `UPDATE main.products SET name_zh = s.name_zh, name_en = s.name_en, type = s.type, risk_level = s.risk_level,
         active = s.active, updated_at = ?
       FROM stage.products s WHERE products.code = s.code AND (products.name_zh <> s.name_zh OR products.name_en <> s.name_en
         OR products.type <> s.type OR products.risk_level IS NOT s.risk_level OR products.active <> s.active)`,
      now,
    );
    return { inserted, updated: updated, unchanged: rows - inserted - updated, stale: 0, tierMoves: {} };
  }

  private applyRisk(now: number): ApplyCounts {
    const db = this.store.sqlite;
    // The latest assessment per customer wins (SQLite takes the bare columns from the max() row).
    db.exec(`CREATE TEMP TABLE risk_latest AS
      SELECT customer_id, risk_level, max(assessed_at) AS assessed_at FROM stage.risk GROUP BY customer_id`);
    try {
      const customers = this.count('SELECT count(*) FROM temp.risk_latest');
      const stale = this.count(
        `SELECT count(*) FROM temp.risk_latest x JOIN main.customers c ON c.id = x.customer_id WHERE x.assessed_at < c.risk_assessed_at`,
      );
      const updated = this.run(
        `UPDATE main.customers SET risk_level = x.risk_level, risk_assessed_at = x.assessed_at, updated_at = ?
         FROM temp.risk_latest x WHERE customers.id = x.customer_id AND (customers.risk_assessed_at IS NULL
           OR x.assessed_at > customers.risk_assessed_at
           OR (x.assessed_at = customers.risk_assessed_at AND customers.risk_level IS NOT x.risk_level))`,
        now,
      );
      return { inserted: 0, updated, unchanged: customers - updated - stale, stale, tierMoves: {} };
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

/** Applied imports, newest first (the import screen's history). */
export function recentImportRuns(store: Store, limit = 20) {
  return store.all(
    store.k
      .selectFrom('import_runs as r')
      .leftJoin('staff as s', 's.id', 'r.staff_id')
      .select([
        'r.id',
        'r.kind',
        'r.file_name',
        'r.rows',
        'r.inserted',
        'r.updated',
        'r.unchanged',
        'r.stale',
        'r.finished_at',
        's.display_name as staff_name',
      ])
      .orderBy('r.finished_at', 'desc')
      .limit(limit),
  );
}
