/**
 * One import, end to end: read the file (streaming) → validate each row → stage it (hashes and
 * ciphertexts computed here, outside any lock) → set checks → if nothing is wrong, apply the
 * whole file in one transaction of the branch database; otherwise write nothing and report every
 * bad row. Used by the server's import jobs and by `npm run import`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HeaderMap } from '@shared/import/headers';
import { askBeforeApply, estimateApplySeconds } from '@shared/import/apply-estimate';
import type { ImportSummary } from '@shared/import/types';
import { ImportApply, type ApplyCounts } from '../../db/repos/import-apply';
import { CheckWorker } from '../../db/repos/import-check-worker';
import type { SetIssue } from '../../db/repos/import-checks';
import { databaseFile } from '../../db/repos/imports';
import { ImportStage, REPORT_ROW_CAP } from '../../db/repos/import-stage';
import { AuditRepo } from '../../db/repos/settings';
import { RandomPool } from '../../db/random-pool';
import {
  fileIssue,
  ImportCancelled,
  type ImportProgress,
  type RunImportOptions,
  type RunImportResult,
} from './options';
import { readAll, readThreads } from './read';
import { writeReport } from './report';
import { openSource, SourceError, type Source } from './source';

/** Below this many rows the set checks take a few ms: not worth a worker's start (~30 ms). */
const CHECK_THREAD_MIN_ROWS = 20_000;

/** Below this many rows an apply inserts into the indexes as it goes (see ImportApply.bulkLoadWorthIt). */
const BULK_MIN_ROWS = 20_000;

export { ImportCancelled, type ImportProgress, type RunImportOptions, type RunImportResult } from './options';

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(file)
      .on('data', (c) => h.update(c))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

/** The set checks' issues into the stage's report, each under its column as the file names it. */
function stageSetIssues(stage: ImportStage, headers: HeaderMap | null, issues: readonly SetIssue[]): void {
  stage.batch(() => {
    for (const i of issues) {
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
}

/**
 * A checked file is written at once, unless its write would pause the branch longer than the branch allows: then
 * the job asks the manager (`confirmApply`) and waits, the stage detached from the branch connection meanwhile.
 * True when it waited and the manager started the write; a cancel ends the run as cancelled, nothing written.
 */
async function waitForManager(
  o: RunImportOptions,
  apply: ImportApply,
  rows: number,
  progress: ImportProgress,
  report: () => void,
): Promise<boolean> {
  if (!o.confirmApply || !askBeforeApply(o.kind, rows, o.rules.branch.importConfirmSeconds)) return false;
  progress.phase = 'ready';
  report();
  apply.detach();
  const go = await o.confirmApply({ rows, pauseSeconds: estimateApplySeconds(o.kind, rows) });
  if (!go) throw new ImportCancelled();
  apply.attach();
  return true;
}

/** The set checks again, just before a write the manager started (the branch's data may have changed since). */
async function recheck(apply: ImportApply, stage: ImportStage, headers: HeaderMap | null): Promise<void> {
  stageSetIssues(stage, headers, await apply.checks());
}

/**
 * The set checks after reading: for a large file at the server (`checkThread`), on a worker thread with its own
 * connection, so the branch keeps answering meanwhile (they took ~4 s at a million customers); otherwise on the
 * branch connection (a small file, the CLI alone on the database, an in-memory test store).
 */
async function firstChecks(
  o: RunImportOptions,
  apply: ImportApply,
  stage: ImportStage,
  stageFile: string,
  rows: number,
): Promise<SetIssue[]> {
  const mainFile = databaseFile(o.store);
  if (!o.checkThread || rows < CHECK_THREAD_MIN_ROWS || !mainFile) {
    stage.indexForChecks();
    return apply.checks();
  }
  const worker = new CheckWorker(mainFile, stageFile);
  try {
    // The staging file's indexes too: building them took ~0.4 s at 200,000 customers.
    for (const sql of stage.checkIndexSql('stage')) await worker.run(sql);
    return await apply.checks(worker);
  } catch {
    // A worker that cannot run here (a packaging without worker threads or its module): the checks on the branch
    // connection, as for a small file. A fault in the SQL itself fails there again, with its own error.
    stage.indexForChecks();
    return apply.checks();
  } finally {
    await worker.close();
  }
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
  const runId = o.runId ?? pool.uuid();
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
  let faulted = false;
  // The staging file holds hashes and ciphertexts of the file's people: closed and deleted however the run ends.
  const discardStage = (): void => {
    stage.close();
    rmSync(stageFile, { force: true });
  };
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
      if (readThreads(o, source).stage) stage.startWriter();
      headers = await readAll(o, source, stage, pool, summary, progress, report, checkCancel);
      await stage.endWriter();
    }
    summary.phaseSeconds.read = lap();
    progress.phase = 'checking';
    progress.bytesRead = progress.bytesTotal;
    report();
    checkCancel();
    const rules = o.rules.customer.tiers;
    apply.attach();
    // Set checks run even when rows failed: the report lists every bad row, not the first kind found.
    const setIssues = await firstChecks(o, apply, stage, stageFile, summary.rows);
    stageSetIssues(stage, headers, setIssues);
    report(); // the issues the set checks found, on the screen before the report is written
    checkCancel();
    summary.issueCount = stage.issueCount;
    summary.rejectedRows = stage.rejectedRows();
    progress.rejectedRows = summary.rejectedRows;
    const fileSha = await sha;
    summary.phaseSeconds.check = lap();
    if (stage.issueCount === 0 && (await waitForManager(o, apply, summary.rows, progress, report))) {
      // Hours may have passed: what the branch holds now is checked again, inside the same pause as the write.
      await recheck(apply, stage, headers);
      summary.issueCount = stage.issueCount;
      summary.rejectedRows = stage.rejectedRows();
      progress.rejectedRows = summary.rejectedRows;
    }
    if (stage.issueCount === 0) {
      progress.phase = 'applying';
      report();
      checkCancel();
      const big = summary.rows > 100_000;
      // Index rebuilds pay from a few ten thousand rows on (a load into a table less than half its size).
      const bulk = summary.rows >= BULK_MIN_ROWS && apply.bulkLoadWorthIt(summary.rows);
      apply.withLargeCache(big, () => {
        const txStart = performance.now();
        o.store.tx(() => {
          summary.tiersBefore = apply.tierCounts();
          const counts: ApplyCounts = apply.apply({
            now: o.now(),
            importId: runId,
            bands: rules,
            bulk,
            staffId: o.staffId,
            bulkJournalMin: o.bulkJournalMin,
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
    if (!(err instanceof ImportCancelled)) {
      faulted = true;
      throw err;
    }
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
    // A read cut short (a cancel, a fault): the writer is stopped before the file is read for the report or removed.
    await stage.endWriter().catch(() => undefined);
    source?.close();
    apply.detach();
    await sha.catch(() => '');
    if (faulted) discardStage(); // a fault skips the report below, which discards it otherwise
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
    discardStage();
  }
}
