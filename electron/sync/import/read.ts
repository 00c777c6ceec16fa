/**
 * The reading phase of an import: the header row found and mapped, then every row validated and
 * staged (or its problems recorded), a batch at a time, the event loop turning between slices.
 */
import { availableParallelism } from 'node:os';
import { knownHeaderCount, mapHeaders, type HeaderMap } from '@shared/import/headers';
import type { RowRules } from '@shared/import/rows';
import type { Cell, ImportSummary } from '@shared/import/types';
import { cellText } from '@shared/import/values';
import { ImportLookups } from '../../db/repos/import-lookups';
import type { ImportStage } from '../../db/repos/import-stage';
import type { RandomPool } from '../../db/random-pool';
import { fileIssue, type ImportProgress, type RunImportOptions } from './options';
import { Protector } from './protect';
import { SourceError, type Source } from './source';
import { makeStager } from './stagers';

const HEADER_SEARCH_ROWS = 10;
/** Rows read between turns of the event loop (a few ms of work, even for bad rows). */
const SLICE_ROWS = 250;
const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

type Getter = (key: string) => Cell | undefined;

export async function readAll(
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
  const protector = new Protector(o.pii, readThreads(o, source).protect);
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
      await stage.writable();
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

/**
 * Threads of a big file's reading: hashing and encryption (customers) on one per core beside this one (at most two:
 * they cost about as much as the rest of the reading), and the staging writes on one of their own where a core is
 * left for it (ImportStage.startWriter: a balance file's reading went from 16 to 10 s on two cores; a customer file
 * on two cores gained nothing, the hashing thread already had the second one). Small files (a test, a branch's
 * weekly delta) are not worth the start-up.
 */
const THREAD_MIN_BYTES = 4 * 1024 * 1024;

export function readThreads(o: RunImportOptions, source: Source): { protect: number; stage: boolean } {
  const big = source.totalBytes >= THREAD_MIN_BYTES;
  const spare = availableParallelism() - 1;
  const protect =
    o.kind !== 'customers' ? 0 : (o.protectThreads ?? (big ? Math.min(2, Math.max(1, spare)) : 0));
  return { protect, stage: o.stageThread ?? (big && spare - protect >= 1) };
}
