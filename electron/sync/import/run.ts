/**
 * One import, end to end: read the file (streaming) → validate each row → stage it (hashes and
 * ciphertexts computed here, outside any lock) → set checks → if nothing is wrong, apply the
 * whole file in one transaction of the branch database; otherwise write nothing and report every
 * bad row. Used by the server's import jobs and by `npm run import`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { RulesConfig } from '@shared/config/schema';
import { AUM_PRODUCT_TYPES, type ProductType } from '@shared/customer/enums';
import { deriveLifecycle } from '@shared/customer/lifecycle';
import { maskCard, maskMobile, maskResidentId } from '@shared/customer/mask';
import { knownHeaderCount, mapHeaders, type HeaderMap } from '@shared/import/headers';
import {
  validateCustomerRow,
  validateHoldingRow,
  validateProductRow,
  validateRiskRow,
  type CustomerInput,
  type FieldProblem,
  type HoldingRules,
  type RowRules,
} from '@shared/import/rows';
import type {
  Bilingual,
  Cell,
  ImportIssue,
  ImportKind,
  ImportPhase,
  ImportSummary,
} from '@shared/import/types';
import { cellText } from '@shared/import/values';
import type { Store } from '../../db/connection';
import type { Pii } from '../../db/pii';
import { ImportApply, type ApplyCounts } from '../../db/repos/import-apply';
import { ImportLookups } from '../../db/repos/import-lookups';
import { ImportStage, REPORT_ROW_CAP, type StagedCustomer } from '../../db/repos/import-stage';
import { AuditRepo } from '../../db/repos/settings';
import { RandomPool } from '../../db/random-pool';
import { writeReport } from './report';
import { Protector, ProtectBatch, type Protected } from './protect';
import { openSource, SourceError, type Source, type SourceEncoding } from './source';

export interface ImportProgress {
  phase: ImportPhase;
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
  rejectedRows: number;
  issueCount: number;
}

export interface RunImportOptions {
  kind: ImportKind;
  /** The file to read (a temp copy of an upload, or the CLI's argument). */
  file: string;
  /** The name the user knows the file by, for the record and the report. */
  fileName: string;
  store: Store;
  pii: Pii;
  rules: RulesConfig;
  now: () => number;
  staffId: string | null;
  /** A private scratch folder for this import (staging database, report); created if missing. */
  workDir: string;
  /** Holdings without an as-of column: the balance date of the whole file (epoch ms). */
  asOf?: number | null;
  encoding?: SourceEncoding | 'auto';
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** How many issues to return in the result (all are in the report file). */
  previewLimit?: number;
  /** Worker threads that hash and encrypt (0: in line); default 2 for files of 4 MB and more. */
  protectThreads?: number;
}

export interface RunImportResult {
  status: 'applied' | 'rejected' | 'cancelled';
  runId: string;
  summary: ImportSummary;
  issues: ImportIssue[];
  reportFile: string;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

const AUM = new Set<string>(AUM_PRODUCT_TYPES);
const HEADER_SEARCH_ROWS = 10;
/** Rows read between turns of the event loop (a few ms of work, even for bad rows). */
const SLICE_ROWS = 250;
const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

function fileIssue(code: string, msg: Bilingual, line = 0): ImportIssue {
  return { line, field: null, column: null, code, zh: msg.zh, en: msg.en, value: null };
}

/** Runs one import. Throws only for faults (I/O, a bug); bad data gives status `rejected`. */
export async function runImport(o: RunImportOptions): Promise<RunImportResult> {
  const started = o.now();
  const t0 = performance.now();
  mkdirSync(o.workDir, { recursive: true, mode: 0o700 });
  const stageFile = join(o.workDir, 'stage.db');
  const reportFile = join(o.workDir, 'report.csv');
  rmSync(stageFile, { force: true });
  const pool = new RandomPool();
  const runId = pool.uuid();
  const audit = new AuditRepo(o.store);
  const stage = new ImportStage(stageFile, o.kind);
  const apply = new ImportApply(o.store, stageFile, o.kind);
  const progress: ImportProgress = {
    phase: 'reading',
    bytesRead: 0,
    bytesTotal: 0,
    rowsRead: 0,
    rejectedRows: 0,
    issueCount: 0,
  };
  const summary: ImportSummary = {
    kind: o.kind,
    fileName: o.fileName,
    format: 'csv',
    encoding: null,
    rows: 0,
    rejectedRows: 0,
    issueCount: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    stale: 0,
    ignoredColumns: [],
    skippedTitleRows: 0,
    tiersBefore: {},
    tiersAfter: {},
    tierMoves: {},
    seconds: 0,
    phaseSeconds: { read: 0, check: 0, apply: 0 },
  };
  let mark = performance.now();
  const lap = (): number => {
    const t = performance.now();
    const s = Math.round(t - mark) / 1000;
    mark = t;
    return s;
  };
  const report = (): void => {
    o.onProgress?.({ ...progress, issueCount: stage.issueCount });
  };
  const checkCancel = (): void => {
    if (o.signal?.aborted) throw new ImportCancelled();
  };
  const sha = sha256File(o.file);
  let source: Source | null = null;
  let headers: HeaderMap | null = null;
  let status: RunImportResult['status'] = 'rejected';
  try {
    try {
      source = openSource(o.file, { encoding: o.encoding ?? 'auto' });
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      stage.issue(fileIssue(err.code, err, err.line));
    }
    if (source) {
      summary.format = source.info.format;
      summary.encoding = source.info.encoding;
      progress.bytesTotal = source.totalBytes;
      headers = await readAll(o, source, stage, pool, summary, progress, report, checkCancel);
    }
    summary.phaseSeconds.read = lap();
    progress.phase = 'checking';
    progress.bytesRead = progress.bytesTotal;
    report();
    checkCancel();
    const rules = o.rules.customer.tiers;
    stage.indexForChecks();
    apply.attach();
    // Set checks run even when rows failed: the report lists every bad row, not the first kind found.
    const setIssues = apply.checks(rules);
    stage.batch(() => {
      for (const i of setIssues) {
        stage.issue({
          line: i.line,
          field: i.field,
          column: headers?.headerOf.get(i.field) ?? null,
          code: i.code,
          zh: i.zh,
          en: i.en,
          value: i.value,
        });
      }
    });
    checkCancel();
    summary.issueCount = stage.issueCount;
    summary.rejectedRows = stage.rejectedRows();
    progress.rejectedRows = summary.rejectedRows;
    const fileSha = await sha;
    summary.phaseSeconds.check = lap();
    if (stage.issueCount === 0) {
      progress.phase = 'applying';
      report();
      checkCancel();
      const big = summary.rows > 100_000;
      apply.withLargeCache(big, () => {
        const txStart = performance.now();
        o.store.tx(() => {
          summary.tiersBefore = apply.tierCounts();
          const counts: ApplyCounts = apply.apply({
            now: o.now(),
            importId: runId,
            bands: rules,
            bulk: big && apply.bulkLoadWorthIt(summary.rows),
          });
          summary.tiersAfter = apply.tierCounts();
          summary.inserted = counts.inserted;
          summary.updated = counts.updated;
          summary.unchanged = counts.unchanged;
          summary.stale = counts.stale;
          summary.tierMoves = counts.tierMoves;
          summary.phaseSeconds.apply = lap();
          summary.seconds = Math.round(performance.now() - t0) / 1000;
          const finished = o.now();
          apply.recordRun({
            id: runId,
            kind: o.kind,
            fileName: o.fileName,
            sha256: fileSha,
            format: summary.format,
            encoding: summary.encoding,
            rows: summary.rows,
            counts,
            summary: {
              tiersBefore: summary.tiersBefore,
              tiersAfter: summary.tiersAfter,
              tierMoves: summary.tierMoves,
              ignoredColumns: summary.ignoredColumns,
            },
            staffId: o.staffId,
            startedAt: started,
            finishedAt: finished,
          });
          audit.append({
            at: finished,
            staffId: o.staffId,
            action: 'import.applied',
            targetType: 'import',
            targetId: runId,
            detail: { kind: o.kind, file: o.fileName, sha256: fileSha, rows: summary.rows, ...counts },
          });
        });
        if (process.env.IMPORT_TRACE === '1')
          process.stderr.write(`[import] tx incl. commit ${(performance.now() - txStart).toFixed(0)} ms\n`);
      });
      status = 'applied';
    } else {
      audit.append({
        at: o.now(),
        staffId: o.staffId,
        action: 'import.rejected',
        targetType: 'import',
        targetId: runId,
        detail: {
          kind: o.kind,
          file: o.fileName,
          sha256: fileSha,
          rows: summary.rows,
          rejectedRows: summary.rejectedRows,
          issues: summary.issueCount,
        },
      });
    }
  } catch (err) {
    if (!(err instanceof ImportCancelled)) throw err;
    status = 'cancelled';
    audit.append({
      at: o.now(),
      staffId: o.staffId,
      action: 'import.cancelled',
      targetType: 'import',
      targetId: runId,
      detail: { kind: o.kind, file: o.fileName, rowsRead: summary.rows },
    });
  } finally {
    source?.close();
    apply.detach();
    await sha.catch(() => '');
  }
  try {
    summary.seconds = Math.round(performance.now() - t0) / 1000;
    const limit = o.previewLimit ?? 200;
    const issues = stage.issuePage(limit);
    await writeReport(reportFile, stage.reportPages(2000), {
      capped: stage.capped,
      rows: REPORT_ROW_CAP,
      badRows: summary.rejectedRows,
      issues: summary.issueCount,
      byCode: stage.issueCounts(),
    });
    progress.phase = 'done';
    report();
    return { status, runId, summary, issues, reportFile };
  } finally {
    stage.close();
    rmSync(stageFile, { force: true });
  }
}

type Getter = (key: string) => Cell | undefined;

async function readAll(
  o: RunImportOptions,
  source: Source,
  stage: ImportStage,
  pool: RandomPool,
  summary: ImportSummary,
  progress: ImportProgress,
  report: () => void,
  checkCancel: () => void,
): Promise<HeaderMap | null> {
  const now = o.now();
  const rowRules: RowRules = {
    now,
    timeZone: o.rules.branch.timezone,
    customerNoPattern: new RegExp(o.rules.customer.customerNoPattern),
  };
  const lookups = new ImportLookups(o.store);
  const protector = new Protector(o.pii, o.kind === 'customers' ? protectThreads(o, source) : 0);
  const stageRow = makeStager(o, stage, lookups, pool, rowRules, protector);
  // At most one batch is with the worker while the next one is read and checked.
  let inflight = null as Promise<() => void> | null;
  const land = async (): Promise<void> => {
    const p = inflight;
    inflight = null;
    if (p) {
      const stageRows = await p;
      stage.batch(() => lookups.reading(stageRows));
    }
  };
  let map: HeaderMap | null = null;
  let beforeHeader = 0;
  let cells: Cell[] = [];
  const get: Getter = (key) => {
    const i = map?.index.get(key);
    return i === undefined ? undefined : (cells[i] ?? null);
  };
  try {
    for await (const batch of source.rows()) {
      let done = false;
      let cut = null as Promise<() => void> | null;
      // A batch in slices, each in its own transactions, with a turn of the event loop between: a
      // batch of bad rows (messages, issues) takes tens of ms, long enough to hold up every request.
      for (let at = 0; at < batch.length && !done; at += SLICE_ROWS) {
        if (at > 0) {
          await yieldToEventLoop();
          checkCancel();
        }
        const slice = batch.slice(at, at + SLICE_ROWS);
        const lastSlice = at + SLICE_ROWS >= batch.length;
        stage.batch(() =>
          lookups.reading(() => {
            for (const row of slice) {
              if (row.problem) {
                // A record the reader could not split cleanly: reported, never imported (nor taken as the header).
                if (map) summary.rows++;
                progress.rejectedRows++;
                stage.issue(fileIssue(row.problem.code, row.problem, row.line));
                continue;
              }
              if (!map) {
                const texts = row.cells.map((c) => cellText(c));
                if (knownHeaderCount(o.kind, texts) < 2) {
                  if (++beforeHeader >= HEADER_SEARCH_ROWS) {
                    stage.issue(
                      fileIssue('header_not_found', {
                        zh: `前 ${HEADER_SEARCH_ROWS} 行中找不到表头，请确认文件类型是否选对（当前：${o.kind}）`,
                        en: `No header row in the first ${HEADER_SEARCH_ROWS} rows; is this the right kind of file (${o.kind})?`,
                      }),
                    );
                    done = true;
                    return;
                  }
                  continue;
                }
                const m = mapHeaders(o.kind, texts, row.line);
                if (!m.ok) {
                  for (const i of m.issues) stage.issue(i);
                  done = true;
                  return;
                }
                map = m.map;
                summary.ignoredColumns = m.map.ignored;
                summary.skippedTitleRows = beforeHeader;
                stageRow.setMap(m.map);
                continue;
              }
              cells = row.cells;
              summary.rows++;
              const problems = stageRow.row(row.line, get, cells);
              if (problems) {
                progress.rejectedRows++;
                const hm = map;
                for (const p of problems) {
                  stage.issue({
                    line: row.line,
                    field: p.field,
                    column: p.field ? (hm.headerOf.get(p.field) ?? null) : null,
                    code: p.code,
                    zh: p.zh,
                    en: p.en,
                    value: p.value,
                  });
                }
              }
            }
            if (lastSlice) cut = stageRow.cut?.() ?? null;
          }),
        );
      }
      await land();
      inflight = cut;
      progress.rowsRead = summary.rows;
      progress.bytesRead = source.bytesRead();
      report();
      if (done) return map;
      checkCancel();
      await yieldToEventLoop();
      checkCancel();
    }
    await land();
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    stage.issue(fileIssue(err.code, err, err.line));
    return map;
  } finally {
    // A batch still with the worker when reading stopped early (a file error, cancel) is not staged.
    await inflight?.catch(() => undefined);
    await protector.close();
  }
  if (stageRow.finish) stage.batch(stageRow.finish);
  if (!map && stage.issueCount === 0) {
    stage.issue(
      fileIssue('empty_file', {
        zh: '文件中没有数据（找不到表头）',
        en: 'The file has no data (no header row found)',
      }),
    );
  }
  return map;
}

interface Stager {
  setMap(m: HeaderMap): void;
  /**
   * After each batch of rows (inside its transactions): the rows accepted but not yet staged, whose
   * hashes are still being computed; the promise gives the function that stages them.
   */
  cut?: () => Promise<() => void> | null;
  /** After the last row (inside a staging transaction). */
  finish?: () => void;
  /** Stages one data row; answers its problems, or null when it was staged. */
  row(line: number, get: Getter, cells: Cell[]): FieldProblem[] | null;
}

function makeStager(
  o: RunImportOptions,
  stage: ImportStage,
  lookups: ImportLookups,
  pool: RandomPool,
  rules: RowRules,
  protector: Protector,
): Stager {
  switch (o.kind) {
    case 'customers':
      return customerStager(o, stage, lookups, pool, rules, protector);
    case 'holdings':
      return holdingStager(o, stage, lookups, pool, rules);
    case 'products': {
      return {
        setMap: () => undefined,
        row(line, get) {
          const r = validateProductRow(get);
          if (!r.ok) return r.problems;
          stage.product(line, pool.uuid(), r.row);
          return null;
        },
      };
    }
    case 'risk':
      return {
        setMap: () => undefined,
        row(line, get) {
          const r = validateRiskRow(get, rules);
          if (!r.ok) return r.problems;
          const c = lookups.risk(r.row.customerNo);
          if (!c) return [unknownCustomer(r.row.customerNo)];
          stage.risk(line, c.id, r.row.riskLevel, r.row.assessedAt);
          return null;
        },
      };
  }
}

function unknownCustomer(no: string): FieldProblem {
  return {
    field: 'customer_no',
    code: 'customer_unknown',
    zh: `客户号 ${no} 不存在（请先导入客户信息）`,
    en: `No customer ${no} (import the customers first)`,
    value: no,
  };
}

function holdingStager(
  o: RunImportOptions,
  stage: ImportStage,
  lookups: ImportLookups,
  pool: RandomPool,
  rules: RowRules,
): Stager {
  const hr: HoldingRules = {
    ...rules,
    products: lookups.products() as Map<string, ProductType>,
    defaultAsOf: o.asOf ?? null,
  };
  // Balance files come sorted by customer: one lookup and one total per run of a customer's rows.
  let lastNo = '';
  let cur: Parameters<ImportStage['holdingTotal']>[0] | null = null;
  const flush = () => {
    if (cur) stage.holdingTotal(cur);
    cur = null;
  };
  return {
    setMap: () => undefined,
    row(line, get) {
      const r = validateHoldingRow(get, hr);
      if (!r.ok) return r.problems;
      const h = r.row;
      if (h.customerNo !== lastNo) {
        flush();
        lastNo = h.customerNo;
        const b = lookups.balance(h.customerNo);
        if (b) {
          cur = {
            customerId: b.id,
            line,
            asOfMax: h.asOf,
            asOfMin: h.asOf,
            aumFen: 0,
            n: 0,
            oldAum: b.aum_fen,
            oldTier: b.tier,
            curAsOf: b.cur_as_of,
          };
        }
      }
      if (!cur) return [unknownCustomer(h.customerNo)];
      const aum = AUM.has(h.productType);
      cur.n++;
      if (aum) cur.aumFen += h.balanceFen;
      if (h.asOf > cur.asOfMax) cur.asOfMax = h.asOf;
      if (h.asOf < cur.asOfMin) cur.asOfMin = h.asOf;
      stage.holding(
        line,
        pool.uuid(),
        cur.customerId,
        h.productType,
        h.productCode,
        h.balanceFen,
        h.asOf,
        aum,
      );
      return null;
    },
    finish: flush,
  };
}

function customerStager(
  o: RunImportOptions,
  stage: ImportStage,
  lookups: ImportLookups,
  pool: RandomPool,
  rules: RowRules,
  protector: Protector,
): Stager {
  const lifecycleCfg = o.rules.customer.lifecycle;
  const now = rules.now;
  let has: (k: string) => boolean = () => false;
  // Rows checked but not yet staged: their numbers are hashed (and encrypted) a batch at a time.
  let pending: PendingCustomer[] = [];
  let batch = new ProtectBatch();

  const stageRow = (p: PendingCustomer, done: Protected): void => {
    const { line, c, ex, kindGiven } = p;
    const useKind = !ex || kindGiven;
    const idHash =
      has('id_number') || !ex ? (p.idAt >= 0 ? (done.hashes[p.idAt] as string) : null) : ex.id_hash;
    const idSame = ex !== undefined && idHash === ex.id_hash;
    const phoneHash =
      has('phone') || !ex ? (p.phoneAt >= 0 ? (done.hashes[p.phoneAt] as string) : null) : ex.phone_hash;
    const phoneSame = ex !== undefined && phoneHash === ex.phone_hash;

    const kind = useKind ? c.kind : (ex.kind as typeof c.kind);
    const corporateType = useKind ? c.corporateType : ex.corporate_type;
    const corporateGrade = useKind ? c.corporateGrade : ex.corporate_grade;
    const creditCode = has('credit_code') || !ex ? c.creditCode : ex.credit_code;
    const corporate = kind === 'corporate';
    const birthDate = corporate ? null : has('birth_date') || c.idNumber || !ex ? c.birthDate : ex.birth_date;
    const gender = corporate ? null : has('gender') || c.idNumber || !ex ? c.gender : ex.gender;
    const segments = has('segments') || !ex ? JSON.stringify(c.segments) : ex.segments;
    const relationship = has('relationship_type') || !ex ? c.relationshipType : ex.relationship_type;
    const consent = has('marketing_consent') || !ex ? (c.marketingConsent ? 1 : 0) : ex.marketing_consent;
    const createdAt = c.openedAt ?? ex?.created_at ?? now;
    const lastVisitAt = c.lastVisitAt ?? ex?.last_visit_at ?? null;
    const lastTxnAt = c.lastTxnAt ?? ex?.last_txn_at ?? null;
    const linkedNo = has('linked_customer_no') || !ex ? c.linkedCustomerNo : ex.linked_no;
    const lifecycle = deriveLifecycle({ createdAt, lastVisitAt, lastTxnAt }, now, lifecycleCfg);

    const id = ex?.id ?? pool.uuid();
    let cardHashes: string[] | null = null;
    let cardsChanged = false;
    if (has('cards')) {
      cardHashes = c.cards.map((_, i) => done.hashes[p.cardsAt + i] as string);
      if (ex) {
        const before = lookups.cardHashes(ex.id);
        cardsChanged =
          before.length !== cardHashes.length || before.some((h) => !(cardHashes as string[]).includes(h));
      } else cardsChanged = cardHashes.length > 0;
    }
    const linkChanged = ex ? linkedNo !== ex.linked_no : linkedNo !== null;

    const fieldsChanged =
      !ex ||
      c.name !== ex.name ||
      kind !== ex.kind ||
      corporateType !== ex.corporate_type ||
      !idSame ||
      creditCode !== ex.credit_code ||
      !phoneSame ||
      birthDate !== ex.birth_date ||
      gender !== ex.gender ||
      segments !== ex.segments ||
      lifecycle !== ex.lifecycle ||
      relationship !== ex.relationship_type ||
      corporateGrade !== ex.corporate_grade ||
      consent !== ex.marketing_consent ||
      createdAt !== ex.created_at ||
      lastVisitAt !== ex.last_visit_at ||
      lastTxnAt !== ex.last_txn_at;
    const changed = fieldsChanged || cardsChanged || linkChanged;

    // Encrypted only when new (see `row`): an unchanged number keeps its ciphertext (re-imports stay byte-identical).
    let idMasked: string | null;
    let idEnc: string | null;
    if (idSame && ex) {
      idMasked = ex.id_masked;
      idEnc = ex.id_enc;
    } else if (has('id_number') || !ex) {
      idMasked = c.idNumber ? maskResidentId(c.idNumber) : null;
      idEnc = p.idAt >= 0 ? (done.encs[p.idAt] ?? null) : null;
    } else {
      idMasked = ex.id_masked;
      idEnc = ex.id_enc;
    }
    let phoneMasked: string | null;
    let phoneEnc: string | null;
    if (phoneSame && ex) {
      phoneMasked = ex.phone_masked;
      phoneEnc = ex.phone_enc;
    } else if (has('phone') || !ex) {
      phoneMasked = c.phone ? maskMobile(c.phone) : null;
      phoneEnc = p.phoneAt >= 0 ? (done.encs[p.phoneAt] ?? null) : null;
    } else {
      phoneMasked = ex.phone_masked;
      phoneEnc = ex.phone_enc;
    }

    const staged: StagedCustomer = [
      line,
      id,
      ex ? 0 : 1,
      changed ? 1 : 0,
      cardsChanged ? 1 : 0,
      linkChanged ? 1 : 0,
      c.customerNo,
      kind,
      corporateType,
      c.name,
      idHash,
      idMasked,
      idEnc,
      creditCode,
      phoneHash,
      phoneMasked,
      phoneEnc,
      birthDate,
      gender,
      segments,
      lifecycle,
      relationship,
      corporateGrade,
      consent,
      createdAt,
      lastVisitAt,
      lastTxnAt,
      linkedNo,
    ];
    stage.customer(staged);
    if (cardsChanged && cardHashes) {
      for (let i = 0; i < cardHashes.length; i++) {
        stage.card(line, id, cardHashes[i] as string, maskCard(c.cards[i] as string));
      }
    }
  };

  return {
    setMap(m) {
      has = (k) => m.index.has(k);
    },
    row(line, get) {
      const r = validateCustomerRow(get, rules);
      if (!r.ok) return r.problems;
      const c: CustomerInput = r.row;
      const ex = lookups.customer(c.customerNo);
      const kindGiven = cellText(get('kind')) !== '' || c.idNumber !== null || c.creditCode !== null;
      // A number the branch already has under the same hash keeps its ciphertext: encrypt unless equal.
      const idAt =
        (has('id_number') || !ex) && c.idNumber ? batch.add('id', c.idNumber, ex?.id_hash ?? true) : -1;
      const phoneAt =
        (has('phone') || !ex) && c.phone ? batch.add('phone', c.phone, ex?.phone_hash ?? true) : -1;
      let cardsAt = -1;
      if (has('cards')) {
        cardsAt = batch.size;
        for (const n of c.cards) batch.add('card', n, false);
      }
      pending.push({ line, c, ex, kindGiven, idAt, phoneAt, cardsAt });
      return null;
    },
    cut() {
      if (pending.length === 0) return null;
      const rows = pending;
      const b = batch;
      pending = [];
      batch = new ProtectBatch();
      return protector.protect(b).then((done) => () => {
        for (const p of rows) stageRow(p, done);
      });
    },
  };
}

interface PendingCustomer {
  line: number;
  c: CustomerInput;
  ex: ReturnType<ImportLookups['customer']>;
  kindGiven: boolean;
  /** Indexes into the protect batch's results; -1 when not asked for. */
  idAt: number;
  phoneAt: number;
  cardsAt: number;
}

/**
 * Big files hash on worker threads, one per core beside this one (at most two: hashing and
 * encryption cost about as much as the rest of the reading); small files (a test, a branch's weekly
 * delta) are not worth the start-up.
 */
const THREAD_MIN_BYTES = 4 * 1024 * 1024;

function protectThreads(o: RunImportOptions, source: Source): number {
  if (o.protectThreads !== undefined) return o.protectThreads;
  if (source.totalBytes < THREAD_MIN_BYTES) return 0;
  return Math.min(2, Math.max(1, availableParallelism() - 1));
}
