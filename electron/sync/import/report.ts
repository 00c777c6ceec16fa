import { open } from 'node:fs/promises';
import type { ImportIssue } from '@shared/import/types';

/** One CSV field: quoted when it holds a delimiter, a quote or a line break; formula starts neutralised. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // A cell starting with = + - @ would run as a formula when the report is opened in Excel.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const REPORT_HEADER = [
  '行号 line',
  '字段 field',
  '列名 column',
  '代码 code',
  '问题',
  'reason',
  '值 value (masked)',
];

/** The whole file's totals, for a report that lists only the first bad rows. */
export interface ReportTotals {
  capped: boolean;
  /** Bad rows the report lists at most. */
  rows: number;
  badRows: number;
  issues: number;
  byCode: { code: string; issues: number }[];
}

const n = (x: number) => x.toLocaleString('en-US');

/** The lines above the issues of a capped report: that it is capped, and the counts by reason. */
function cappedPreamble(t: ReportTotals): string[] {
  return [
    csvField(
      `报告已截断：仅列出前 ${n(t.rows)} 个问题行；全文件共 ${n(t.badRows)} 行有问题，${n(t.issues)} 个问题（按代码统计如下）`,
    ),
    csvField(
      `Report capped: it lists the first ${n(t.rows)} bad rows only; the file has ${n(t.badRows)} bad rows and ${n(t.issues)} issues in all (by code below)`,
    ),
    ['代码 code', '问题数 issues'].map(csvField).join(','),
    ...t.byCode.map((c) => `${csvField(c.code)},${c.issues}`),
    '',
  ];
}

/**
 * The downloadable report: the issues, one per line, UTF-8 with a byte-order mark so Excel shows
 * the Chinese; when capped, preceded by the totals. Written with async file I/O a page at a time,
 * so the server keeps answering while a big report is written.
 */
export async function writeReport(
  file: string,
  pages: AsyncIterable<ImportIssue[]>,
  totals: ReportTotals,
): Promise<void> {
  const fh = await open(file, 'w', 0o600);
  try {
    const head = totals.capped ? cappedPreamble(totals) : [];
    head.push(REPORT_HEADER.map(csvField).join(','));
    await fh.write('\uFEFF' + head.join('\r\n') + '\r\n');
    for await (const page of pages) {
      if (page.length === 0) continue;
      const text = page
        .map((i) => [i.line, i.field, i.column, i.code, i.zh, i.en, i.value].map(csvField).join(','))
        .join('\r\n');
      await fh.write(text + '\r\n');
    }
  } finally {
    await fh.close();
  }
}
