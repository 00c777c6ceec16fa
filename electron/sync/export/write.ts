/**
 * Streams an export as CSV (UTF-8 with BOM, so Excel shows the Chinese) or XLSX (exceljs's
 * streaming writer), a page of rows at a time: memory stays flat and the server answers other
 * requests between pages.
 */
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import type { RulesConfig } from '@shared/config/schema';
import {
  rowTime,
  type ExportCursor,
  type ExportDataset,
  type ExportRepo,
  type ExportRow,
} from '../../db/repos/exports';
import { csvField } from '../import/report';
import { DATASET_LABELS, EXPORT_COLUMNS, formatters } from './columns';

const PAGE = 2000;

export interface ExportRequest {
  dataset: ExportDataset;
  from: number;
  to: number;
}

function* pages(repo: ExportRepo, req: ExportRequest): Generator<ExportRow[]> {
  let cursor: ExportCursor | null = null;
  for (;;) {
    const rows = repo.page(req.dataset, req.from, req.to, cursor, PAGE);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1] as ExportRow;
    cursor = { at: rowTime(req.dataset, last), id: last.id };
  }
}

const nextTick = () => new Promise<void>((r) => setImmediate(r));

export function exportCsv(repo: ExportRepo, rules: RulesConfig, req: ExportRequest): Readable {
  const cols = EXPORT_COLUMNS[req.dataset];
  const f = formatters(rules);
  async function* gen(): AsyncGenerator<string> {
    yield '\uFEFF' + cols.map((c) => csvField(`${c.zh} ${c.en}`)).join(',') + '\r\n';
    for (const rows of pages(repo, req)) {
      yield rows.map((r) => cols.map((c) => csvField(c.value(r, f))).join(',')).join('\r\n') + '\r\n';
      await nextTick();
    }
  }
  return Readable.from(gen());
}

export function exportXlsx(repo: ExportRepo, rules: RulesConfig, req: ExportRequest): Readable {
  const cols = EXPORT_COLUMNS[req.dataset];
  const f = formatters(rules);
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = wb.addWorksheet(DATASET_LABELS[req.dataset].zh, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = cols.map((c) => ({ header: `${c.zh}\n${c.en}`, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  void (async () => {
    try {
      for (const rows of pages(repo, req)) {
        for (const r of rows) sheet.addRow(cols.map((c) => c.value(r, f))).commit();
        await nextTick();
      }
      sheet.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}
