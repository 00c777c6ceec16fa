import { z } from 'zod';
import type { Bilingual } from '../triage/channel';
import type { DashboardAlert } from '../metrics/alerts';
import type { Figures } from '../metrics/definitions';
import type { MigrationMatrix } from '../metrics/history';

/** The branch manager's dashboard and reports: API shapes. */

/** One queue or tier today. */
export interface GroupLiveView {
  key: string;
  name: Bilingual;
  waitingNow: number;
  longestWaitMs: number | null;
  /** The SL target of the queue (tiers: none, each ticket counts against its queue's). */
  slTargetMinutes: number | null;
  figures: Figures;
}

export interface CounterLiveView {
  id: string;
  number: number;
  name: string;
  queues: string[];
  open: boolean;
  staffState: string;
  breakReason: string | null;
  stateSince: number | null;
  current: { displayNo: string; status: string; since: number | null } | null;
  servedToday: number;
  idleWithQueueMs: number;
  /** Idle now while its queues wait, since when; null otherwise (highlighted on the dashboard). */
  idleSince: number | null;
}

export interface AlertView extends DashboardAlert {
  text: Bilingual;
}

export interface DashboardLive {
  at: number;
  branchDay: string;
  total: Figures;
  queues: GroupLiveView[];
  tiers: GroupLiveView[];
  counters: CounterLiveView[];
  alerts: AlertView[];
  /** Today's break minutes by reason (shrinkage). */
  breaks: { reason: string; minutes: number }[];
}

export interface AlertList {
  at: number;
  alerts: AlertView[];
}

// A real calendar day: 9999-99-99 has the shape but no date, and reached the report's date arithmetic as a 500.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / dates are YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, '不是有效日期 / not a calendar date');

/** Branch calendar days, both inclusive; without them, the last 30 days. Snapshots: `as_of` of two balance files. */
export const reportQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  snapA: z.coerce.number().int().min(0).max(8_000_000_000_000).optional(),
  snapB: z.coerce.number().int().min(0).max(8_000_000_000_000).optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const REPORT_TABLES = [
  'heat',
  'days',
  'staff',
  'products',
  'campaigns',
  'tiers',
  'migration',
  'complaints',
  'overdue',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export const reportExportParams = z.object({ table: z.enum(REPORT_TABLES) });
export const reportExportQuery = reportQuery.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export interface DayRow {
  day: string;
  figures: Figures;
}

export interface StaffRow {
  staffId: string;
  name: string;
  figures: Figures;
  shown: number;
  accepted: number;
  conversionPct: number | null;
}

export interface ConversionRow {
  key: string;
  name: Bilingual;
  shown: number;
  accepted: number;
  interested: number;
  declined: number;
  notSuitable: number;
  conversionPct: number | null;
}

export interface OverdueComplaint {
  id: string;
  category: string;
  status: string;
  createdAt: number;
  deadlineAt: number;
  resolvedAt: number | null;
}

export interface HistoryReport {
  from: string;
  to: string;
  total: Figures;
  /** 7 × 24 arrivals, Monday first. */
  heat: number[][];
  days: DayRow[];
  staff: StaffRow[];
  products: ConversionRow[];
  campaigns: ConversionRow[];
  tiers: ConversionRow[];
  snapshots: number[];
  migration: (MigrationMatrix & { a: number; b: number; names: Bilingual[] }) | null;
  complaints: { week: string; category: string; name: Bilingual; n: number }[];
  overdue: OverdueComplaint[];
  /** Resolved after their deadline in the range. */
  resolvedLate: number;
}
