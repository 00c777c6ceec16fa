import { closeSync, openSync, writeSync } from 'node:fs';
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

/**
 * The downloadable report: every issue, one per line, UTF-8 with a byte-order mark so Excel shows
 * the Chinese. `pages` yields the issues in line order, a page at a time.
 */
export function writeReport(file: string, pages: Iterable<ImportIssue[]>): void {
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, '\uFEFF' + REPORT_HEADER.map(csvField).join(',') + '\r\n');
    for (const page of pages) {
      if (page.length === 0) continue;
      const text = page
        .map((i) => [i.line, i.field, i.column, i.code, i.zh, i.en, i.value].map(csvField).join(','))
        .join('\r\n');
      writeSync(fd, text + '\r\n');
    }
  } finally {
    closeSync(fd);
  }
}
