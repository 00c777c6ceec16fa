import { z } from 'zod';
import { REPORT_TABLES, type HistoryReport } from './dashboard';
import type { Figures } from '../metrics/definitions';

/**
 * The head office's history across branches (GET /api/ho/history, admin key): the branch's HistoryReport sections
 * for all branches together or one of them, plus a per-branch comparison. Days are branch calendar days
 * (Asia/Shanghai), both inclusive; without them, the last 30 days.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / dates are YYYY-MM-DD');

export const hoHistoryQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  /** A branch code; without it, every branch. */
  branch: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, '网点代码格式不正确 / malformed branch code')
    .optional(),
  /** The two balance snapshots of the tier migration matrix (as the branch's report); default as there. */
  snapA: z.coerce.number().int().min(0).max(8_000_000_000_000).optional(),
  snapB: z.coerce.number().int().min(0).max(8_000_000_000_000).optional(),
});
export type HoHistoryQuery = z.infer<typeof hoHistoryQuery>;

/** The tables the head office exports: the branch report's (tier migration included), and the per-branch comparison. */
export const HO_HISTORY_TABLES = [...REPORT_TABLES, 'branches'] as const;
export type HoHistoryTable = (typeof HO_HISTORY_TABLES)[number];
export const hoHistoryExportParams = z.object({ table: z.enum(HO_HISTORY_TABLES) });
export const hoHistoryExportQuery = hoHistoryQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** One branch's line of the comparison table. */
export interface HoBranchHistoryRow {
  code: string;
  name: string;
  figures: Figures;
  shown: number;
  accepted: number;
  conversionPct: number | null;
  complaints: number;
  /** Open complaints past their deadline now. */
  overdue: number;
}

export interface HoHistoryReport {
  /** The branch asked for, or null for all of them. */
  branch: string | null;
  /** Every branch the head office knows (for the picker). */
  known: { code: string; name: string }[];
  report: HistoryReport;
  branches: HoBranchHistoryRow[];
  /** The branch code of each overdue complaint (by complaint id). */
  overdueBranch: Record<string, string>;
  /** Which time zone the days are in. */
  timeZone: string;
  /** Milliseconds the head office took to compute it. */
  tookMs: number;
}
