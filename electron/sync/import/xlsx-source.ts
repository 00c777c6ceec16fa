/**
 * The XLSX import reader: exceljs's streaming reader over the workbook's first tab, in batches of
 * rows, so memory stays flat whatever the file size.
 */
import ExcelJS from 'exceljs';
import { createReadStream, readdirSync, rmSync, type ReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '@shared/import/types';
import { BATCH, SourceError, type Source, type SourceRow } from './source-types';

function countingStream(file: string): { stream: ReadStream; read: () => number } {
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  let n = 0;
  stream.on('data', (chunk) => {
    n += chunk.length;
  });
  return { stream, read: () => n };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** An exceljs cell value as a plain cell. Dates become wall-clock text (exceljs gives them as UTC). */
export function xlsxCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    const date = `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
    const h = v.getUTCHours();
    const m = v.getUTCMinutes();
    const s = v.getUTCSeconds();
    return h || m || s ? `${date} ${pad2(h)}:${pad2(m)}:${pad2(s)}` : date;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in o) return xlsxCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/**
 * exceljs's temp files in this process: its streaming reader parks a worksheet stored before the shared strings in a
 * file of the `tmp` package (default name `tmp-<pid>-…`, in the system temp folder) and deletes it only when its reader
 * runs to the end. A read stopped early (a cancel, a bad file) leaves it, with the tab's cells, until the process
 * exits; `close` removes the ones that appeared during the read (imports run one at a time: jobs.ts).
 */
function ownTempFiles(): Set<string> {
  const prefix = `tmp-${process.pid}-`;
  try {
    return new Set(readdirSync(tmpdir()).filter((n) => n.startsWith(prefix)));
  } catch {
    return new Set();
  }
}

export function openXlsx(file: string, size: number): Source {
  const { stream, read } = countingStream(file);
  const tempBefore = ownTempFiles();
  let finished = false;
  return {
    info: { format: 'xlsx', encoding: null, delimiter: null },
    totalBytes: size,
    bytesRead: read,
    async *rows() {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        hyperlinks: 'ignore',
        styles: 'cache',
        entries: 'ignore',
      });
      // The streaming reader emits worksheets in the order of their parts in the zip, which need not
      // be the tab order: the first tab is the first <sheet> of workbook.xml (parsed by then).
      const firstTab = (): string | undefined =>
        (reader as unknown as { model?: { sheets?: { name?: string }[] } }).model?.sheets?.[0]?.name;
      let done = false;
      try {
        for await (const sheet of reader) {
          const wanted = firstTab();
          if (done || (wanted !== undefined && (sheet as unknown as { name?: string }).name !== wanted)) {
            // Read through it: a worksheet the reader deferred to a temp file (in the system's temp folder, with the
            // tab's cells) is only closed and deleted when consumed.
            for await (const _row of sheet) void _row;
            continue;
          }
          let batch: SourceRow[] = [];
          for await (const row of sheet) {
            const values = row.values as unknown[];
            const cells: Cell[] = [];
            let blank = true;
            for (let i = 1; i < values.length; i++) {
              const c = xlsxCell(values[i]);
              if (c !== null && c !== '') blank = false;
              cells.push(c);
            }
            if (blank) continue;
            batch.push({ line: row.number, cells });
            if (batch.length >= BATCH) {
              yield batch;
              batch = [];
            }
          }
          if (batch.length > 0) yield batch;
          // The first tab only; the reader still runs to its end, which deletes the temp files of deferred tabs.
          done = true;
        }
        finished = true;
      } catch (err) {
        if (err instanceof SourceError) throw err;
        throw new SourceError(
          'xlsx_format',
          `无法读取 XLSX 文件：${(err as Error).message}`,
          `Cannot read the XLSX file: ${(err as Error).message}`,
        );
      }
    },
    close() {
      stream.destroy();
      if (finished) return;
      for (const name of ownTempFiles()) {
        if (tempBefore.has(name)) continue;
        try {
          rmSync(join(tmpdir(), name), { force: true });
        } catch {
          // Left to `tmp`'s clean-up at exit: closing must not fail the import's own ending.
        }
      }
    },
  };
}
