/**
 * The scratch database one import stages its rows and issues in (a SQLite file of its own, no
 * journal, private to the server's user). Its tables are attached as schema `stage` to the branch
 * connection for the checks and the apply (import-apply.ts).
 *
 * Issues are counted in full but kept only for the first REPORT_ROW_CAP bad rows: a file of
 * millions of bad rows once made a report of hundreds of megabytes, written while the branch
 * server stood still.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, openSync } from 'node:fs';
import type { ImportIssue, ImportKind } from '@shared/import/types';
import { ISSUE_DDL, STAGE_DDL, stageWrites, type StageWrite } from './import-stage-sql';
import { StageWriter } from './import-stage-writer';

/** Bad rows whose issues are kept (for the preview and the downloadable report). */
export const REPORT_ROW_CAP = 10_000;

/** Issues of one code (a reason), over the whole file. */
export interface IssueCount {
  code: string;
  issues: number;
}

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
  birthMonth: string | null,
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
  private readonly writes: Partial<Record<StageWrite, string>>;
  private readonly st = new Map<StageWrite, Database.Statement>();
  /** While reading a large file: the thread every write goes to (see `startWriter`). */
  private writer: StageWriter | null = null;
  /** With the writer: the last bad line counted (the reading phase reports lines in order). */
  private lastBadLine = -Infinity;
  private issues = 0;
  private badRows = 0;
  private readonly byCode = new Map<string, number>();
  /** Lines whose issues are in `issues`; at most 2 × the cap before a prune, the smallest ones. */
  private kept = new Set<number>();
  private keptMax = -Infinity;

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
    // bad_lines: every bad line once, for the count of rejected rows (a row's issues may come from the row
    // check and later from the set checks, in any line order).
    this.db.exec(ISSUE_DDL);
    this.writes = stageWrites(kind);
  }

  /**
   * From now until `endWriter`, every write goes to a thread of its own (import-stage-writer.ts), a transaction per
   * `batch`: for a large file, so the reading thread only parses and checks. Nothing may read the file meanwhile.
   */
  startWriter(): void {
    this.writer ??= new StageWriter(this.file, this.writes);
  }

  /** Waits while the writer is far behind (call between batches); throws when it failed. */
  async writable(): Promise<void> {
    await this.writer?.writable();
  }

  /** Waits for the writer's last transaction and stops it; the file is complete (or this throws why not). */
  async endWriter(): Promise<void> {
    const w = this.writer;
    this.writer = null;
    await w?.close();
  }

  private statement(name: StageWrite): Database.Statement {
    let st = this.st.get(name);
    if (!st) {
      const sql = this.writes[name];
      if (!sql) throw new Error(`no staging write ${name} for a ${this.kind} file`);
      st = this.db.prepare(sql);
      this.st.set(name, st);
    }
    return st;
  }

  private write(name: StageWrite, params: readonly unknown[]): void {
    if (this.writer) this.writer.write(name, params);
    else this.statement(name).run(params);
  }

  get issueCount(): number {
    return this.issues;
  }

  /** Runs `fn` in one staging transaction (a batch of rows). */
  batch(fn: () => void): void {
    if (!this.writer) {
      this.db.transaction(fn)();
      return;
    }
    fn();
    this.writer.commit();
  }

  issue(i: ImportIssue): void {
    this.issues++;
    this.byCode.set(i.code, (this.byCode.get(i.code) ?? 0) + 1);
    if (this.newBadLine(i.line)) this.badRows++;
    if (this.keep(i.line)) this.write('issue', [i.line, i.field, i.column, i.code, i.zh, i.en, i.value]);
  }

  /** Records `line` as bad; true the first time. */
  private newBadLine(line: number): boolean {
    if (!this.writer) return this.statement('badLine').run(line).changes > 0;
    // The writer cannot answer at once; while reading, lines come in file order, so a line seen is the last one.
    if (line < this.lastBadLine)
      throw new Error(`import issue for line ${line} after line ${this.lastBadLine}`);
    if (line === this.lastBadLine) return false;
    this.lastBadLine = line;
    this.write('badLine', [line]);
    return true;
  }

  /**
   * Whether an issue of `line` is kept: yes unless REPORT_ROW_CAP smaller bad lines are kept already.
   * Lines come in order while the file is read, in any order from the set checks.
   */
  private keep(line: number): boolean {
    if (this.kept.has(line)) return true;
    if (this.kept.size >= REPORT_ROW_CAP && line > this.keptMax) return false;
    this.kept.add(line);
    if (line > this.keptMax) this.keptMax = line;
    if (this.kept.size >= 2 * REPORT_ROW_CAP) this.prune();
    return true;
  }

  /** Keeps the issues of the REPORT_ROW_CAP smallest kept lines only. */
  private prune(): void {
    const last = this.lastReportedLine();
    this.write('pruneIssues', [last]);
    this.kept = new Set([...this.kept].filter((l) => l <= last));
    this.keptMax = last;
  }

  /** The line of the last bad row the report lists. */
  private lastReportedLine(): number {
    const lines = [...this.kept].sort((a, b) => a - b);
    return lines[Math.min(lines.length, REPORT_ROW_CAP) - 1] ?? -1;
  }

  /** Whether the report leaves bad rows out (see REPORT_ROW_CAP). */
  get capped(): boolean {
    return this.badRows > REPORT_ROW_CAP;
  }

  /** Issues by code over the whole file, the most frequent first. */
  issueCounts(): IssueCount[] {
    return [...this.byCode].map(([code, issues]) => ({ code, issues })).sort((a, b) => b.issues - a.issues);
  }

  customer(row: StagedCustomer): void {
    // The array binds as the anonymous parameters: no spread of 28 arguments per row.
    this.write('customer', row);
  }

  card(line: number, customerId: string, hash: string, masked: string): void {
    this.write('card', [line, customerId, hash, masked]);
  }

  /** The owner columns of a customer row (only rows that fill one in); null = the cell was empty, keep what is there. */
  owner(line: number, customerId: string, ownerId: string | null, backupId: string | null): void {
    this.write('owner', [line, customerId, ownerId, backupId]);
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
    maturityAt: number | null,
  ): void {
    this.write('holding', [line, id, customerId, type, code, fen, asOf, aum ? 1 : 0, maturityAt]);
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
    this.write('holdingTotal', [
      a.customerId,
      a.line,
      a.asOfMax,
      a.asOfMin,
      a.aumFen,
      a.n,
      a.oldAum,
      a.oldTier,
      a.curAsOf,
    ]);
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
    this.write('product', [line, id, p.code, p.nameZh, p.nameEn, p.type, p.riskLevel, p.active ? 1 : 0]);
  }

  risk(line: number, customerId: string, level: number, assessedAt: number): void {
    this.write('risk', [line, customerId, level, assessedAt]);
  }

  /** The first `limit` issues in line order (the preview shown with the job). */
  issuePage(limit: number): ImportIssue[] {
    return this.reportPage(-1, 0, limit).map((r) => r.issue);
  }

  /**
   * The report's issues, a page at a time in line order (keyset paging: no OFFSET rescans), for the
   * first REPORT_ROW_CAP bad rows only.
   */
  async *reportPages(pageSize: number): AsyncGenerator<ImportIssue[]> {
    const last = this.lastReportedLine();
    let after = { line: -1, rowid: 0 };
    for (;;) {
      const page = this.reportPage(after.line, after.rowid, pageSize).filter((r) => r.issue.line <= last);
      if (page.length === 0) return;
      const end = page[page.length - 1] as { rowid: number; issue: ImportIssue };
      after = { line: end.issue.line, rowid: end.rowid };
      yield page.map((r) => r.issue);
    }
  }

  private reportPage(line: number, rowid: number, limit: number): { rowid: number; issue: ImportIssue }[] {
    const rows = this.db
      .prepare(
        `SELECT rowid, line, field, column_name, code, zh, en, value FROM issues
         WHERE line > ? OR (line = ? AND rowid > ?) ORDER BY line, rowid LIMIT ?`,
      )
      .all(line, line, rowid, limit) as {
      rowid: number;
      line: number;
      field: string | null;
      column_name: string | null;
      code: string;
      zh: string;
      en: string;
      value: string | null;
    }[];
    return rows.map((r) => ({
      rowid: r.rowid,
      issue: {
        line: r.line,
        field: r.field,
        column: r.column_name,
        code: r.code,
        zh: r.zh,
        en: r.en,
        value: r.value,
      },
    }));
  }

  /** Bad rows (lines with at least one issue) over the whole file. */
  rejectedRows(): number {
    return this.badRows;
  }

  /** Indexes for the checks, built once after the bulk load (faster than maintaining them per row). */
  indexForChecks(): void {
    for (const sql of this.checkIndexSql('main')) this.db.exec(sql);
  }

  /**
   * The statements of indexForChecks, on the staging file as `schema` names it: `main` on its own connection,
   * `stage` where it is attached (the check worker builds them off the server's thread).
   */
  checkIndexSql(schema: 'main' | 'stage'): string[] {
    if (this.kind === 'customers') {
      return [
        `CREATE INDEX IF NOT EXISTS ${schema}.customers_no ON customers(customer_no)`,
        // Covering: the duplicate-card check reads the index alone (1.8 s → 0.2 s at 1.2M cards).
        `CREATE INDEX IF NOT EXISTS ${schema}.cards_hash ON cards(card_hash, customer_id, line, card_masked)`,
      ];
    }
    return this.kind === 'products'
      ? [`CREATE INDEX IF NOT EXISTS ${schema}.products_code ON products(code)`]
      : [];
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
