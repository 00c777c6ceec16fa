import type { HoHistoryReport, HoHistoryTable } from '@shared/api/headoffice-history';
import { defaultRulesConfig } from '@shared/config/schema';
import type { Figures } from '@shared/metrics/definitions';
import type { Bilingual } from '@shared/triage/channel';
import { formatters } from '../../sync/export/columns';
import { csv, xlsx } from '../dashboard/export';
import { reportSheet, type ReportSheet } from '../dashboard/tables';
import type { ExportFile } from '../exports';

const c = (zh: string, en: string): Bilingual => ({ zh, en });
const pct = (p: number | null) => (p === null ? null : Math.round(p * 10) / 10);
const min = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);

/** The per-branch comparison as a table (the screen shows the same cells). */
export function branchSheet(r: HoHistoryReport): ReportSheet {
  const f = (x: Figures) => [x.arrived, x.served, pct(x.slPct), min(x.avgWaitMs), pct(x.noShowPct)];
  return {
    title: c('网点对比', 'Branches compared'),
    columns: [
      c('网点代码', 'Branch'),
      c('网点名称', 'Name'),
      c('取号', 'Arrived'),
      c('办结', 'Served'),
      c('服务水平%', 'SL%'),
      c('平均等候(分)', 'Avg wait (min)'),
      c('过号率%', 'No-show %'),
      c('推荐展示', 'Shown'),
      c('接受', 'Accepted'),
      c('转化率%', 'Conversion %'),
      c('投诉', 'Complaints'),
      c('逾期未办结', 'Overdue open'),
    ],
    rows: r.branches.map((b) => [
      b.code,
      b.name,
      ...f(b.figures),
      b.shown,
      b.accepted,
      pct(b.conversionPct),
      b.complaints,
      b.overdue,
    ]),
  };
}

/** One table of the cross-branch history as CSV or XLSX, every text cell masked (the branch export's writers). */
export function hoHistoryExport(
  r: HoHistoryReport,
  table: HoHistoryTable,
  format: 'csv' | 'xlsx',
): ExportFile {
  const fmtTime = (ms: number) => formatters(defaultRulesConfig).time(ms) ?? '';
  let sheet = table === 'branches' ? branchSheet(r) : reportSheet(r.report, table, fmtTime);
  if (table === 'overdue') {
    // The branch's table plus which branch each complaint is at.
    sheet = {
      ...sheet,
      columns: [c('网点', 'Branch'), ...sheet.columns],
      rows: sheet.rows.map((row, i) => [r.overdueBranch[r.report.overdue[i]?.id ?? ''] ?? '', ...row]),
    };
  }
  const scope = r.branch ?? '全部网点';
  return {
    fileName: `总行-${scope}-${sheet.title.zh}-${r.report.from}_${r.report.to}.${format}`,
    contentType:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: format === 'csv' ? csv(sheet) : xlsx(sheet),
  };
}
