import { z } from 'zod';
import { parseCivil, zonedInstant } from '@shared/import/values';
import { EXPORT_DATASETS, ExportRepo } from '../../db/repos/exports';
import { DATASET_LABELS } from '../../sync/export/columns';
import { exportCsv, exportXlsx } from '../../sync/export/write';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';
import { attachment } from './import';

const DAY = 86_400_000;
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();
const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  from: date,
  to: date,
});

export function exportRoutes(http: Http, ctx: AppContext): void {
  const repo = new ExportRepo(ctx.store);
  const dayStart = (s: string): number => {
    const d = parseCivil(s);
    if (!d.ok) throw new ApiError(400, 'bad_date', d.zh, d.en);
    return zonedInstant({ ...d.value, minutes: 0 }, ctx.rules().branch.timezone);
  };

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/export/:dataset',
      roles: ['manager', 'admin'],
      params: z.object({ dataset: z.enum(EXPORT_DATASETS) }),
      query: exportQuery,
      summary: 'Visits, suggestion outcomes, follow-ups or complaints as CSV/XLSX (PII masked)',
      reply: returns<unknown>(),
    }),
    ({ params, query, me, reply }) => {
      const now = ctx.now();
      // Dates are the branch's calendar days, both inclusive; the default is the last 30 days.
      const to = query.to ? dayStart(query.to) + DAY : now + 1;
      const from = query.from ? dayStart(query.from) : to - 30 * DAY;
      if (from >= to) {
        throw new ApiError(
          400,
          'bad_range',
          '开始日期不能晚于结束日期',
          'The start date is after the end date',
        );
      }
      ctx.audit.append({
        at: now,
        staffId: me?.id ?? null,
        action: 'export.download',
        targetType: 'export',
        targetId: params.dataset,
        detail: { dataset: params.dataset, format: query.format, from, to },
      });
      const req = { dataset: params.dataset, from, to };
      const rules = ctx.rules();
      const label = DATASET_LABELS[params.dataset].zh;
      const span = `${query.from ?? ''}${query.from || query.to ? '_' : ''}${query.to ?? ''}`;
      const name = `${rules.branch.name}-${label}${span ? '-' + span : ''}.${query.format}`;
      reply
        .header('content-disposition', attachment(name))
        .header('cache-control', 'no-store')
        .header(
          'content-type',
          query.format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
      return reply.send(query.format === 'csv' ? exportCsv(repo, rules, req) : exportXlsx(repo, rules, req));
    },
  );
}
