import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { ReportQuery, ReportTable } from '@shared/api/dashboard';
import { scrubPii } from '@shared/customer/mask';
import type { AuditRepo } from '../../db/repos/settings';
import { csvField } from '../../sync/import/report';
import type { ExportFile } from '../exports';
import type { ReportsApp } from './reports';
import { reportSheet, type ReportSheet } from './tables';

/** Every text cell masked like any export (IDs, phones, cards), whatever the table holds. */
const cell = (v: string | number | null) => (typeof v === 'string' ? scrubPii(v) : v);

export function csv(sheet: ReportSheet): Readable {
  const lines = [
    sheet.columns.map((c) => csvField(`${c.zh} ${c.en}`)).join(','),
    ...sheet.rows.map((r) => r.map((v) => csvField(cell(v))).join(',')),
  ];
  return Readable.from(['\uFEFF' + lines.join('\r\n') + '\r\n']);
}

export function xlsx(sheet: ReportSheet): Readable {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.title.zh.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.addRow(sheet.columns.map((c) => `${c.zh}\n${c.en}`));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  for (const r of sheet.rows) ws.addRow(r.map(cell));
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 24 : 12;
  });
  return Readable.from(
    (async function* () {
      yield Buffer.from(await wb.xlsx.writeBuffer());
    })(),
  );
}

/** A report table as CSV or XLSX, audited like every export. */
export function reportExport(
  deps: {
    reports: ReportsApp;
    audit: Pick<AuditRepo, 'append'>;
    now: () => number;
    fmtTime: (ms: number) => string;
    branchName: () => string;
  },
  table: ReportTable,
  q: ReportQuery & { format: 'csv' | 'xlsx' },
  staffId: string | null,
): ExportFile {
  const report = deps.reports.history(q);
  const sheet = reportSheet(report, table, deps.fmtTime);
  deps.audit.append({
    at: deps.now(),
    staffId,
    action: 'export.download',
    targetType: 'report',
    targetId: table,
    detail: { table, format: q.format, from: report.from, to: report.to },
  });
  return {
    fileName: `${deps.branchName()}-${sheet.title.zh}-${report.from}_${report.to}.${q.format}`,
    contentType:
      q.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: q.format === 'csv' ? csv(sheet) : xlsx(sheet),
  };
}
