import type { Readable } from 'node:stream';
import { ApiError } from '@shared/api/errors';
import type { ExportDataset, ExportQuery } from '@shared/api/imports';
import type { RulesConfig } from '@shared/config/schema';
import { parseCivil, zonedInstant } from '@shared/import/values';
import type { ExportRepo } from '../db/repos/exports';
import type { AuditRepo } from '../db/repos/settings';
import { DATASET_LABELS } from '../sync/export/columns';
import { exportCsv, exportXlsx } from '../sync/export/write';

const DAY = 86_400_000;

export interface ExportsAppDeps {
  repo: ExportRepo;
  audit: Pick<AuditRepo, 'append'>;
  now: () => number;
  rules: () => RulesConfig;
}

/** A file to send: its name, its type and its content, streamed. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Readable;
}

/** The branch manager's exports: visits, outcomes, follow-ups or complaints as CSV or XLSX, PII masked. */
export class ExportsApp {
  constructor(private readonly deps: ExportsAppDeps) {}

  private dayStart(s: string): number {
    const d = parseCivil(s);
    if (!d.ok) throw new ApiError(400, 'bad_date', d.zh, d.en);
    return zonedInstant({ ...d.value, minutes: 0 }, this.deps.rules().branch.timezone);
  }

  /** Audited before the first byte goes out. */
  download(dataset: ExportDataset, q: ExportQuery, staffId: string | null): ExportFile {
    const now = this.deps.now();
    // Dates are the branch's calendar days, both inclusive; the default is the last 30 days.
    const to = q.to ? this.dayStart(q.to) + DAY : now + 1;
    const from = q.from ? this.dayStart(q.from) : to - 30 * DAY;
    if (from >= to) {
      throw new ApiError(
        400,
        'bad_range',
        '开始日期不能晚于结束日期',
        'The start date is after the end date',
      );
    }
    this.deps.audit.append({
      at: now,
      staffId,
      action: 'export.download',
      targetType: 'export',
      targetId: dataset,
      detail: { dataset, format: q.format, from, to },
    });
    const req = { dataset, from, to };
    const rules = this.deps.rules();
    const label = DATASET_LABELS[dataset].zh;
    const span = `${q.from ?? ''}${q.from || q.to ? '_' : ''}${q.to ?? ''}`;
    return {
      fileName: `${rules.branch.name}-${label}${span ? '-' + span : ''}.${q.format}`,
      contentType:
        q.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body:
        q.format === 'csv' ? exportCsv(this.deps.repo, rules, req) : exportXlsx(this.deps.repo, rules, req),
    };
  }
}
