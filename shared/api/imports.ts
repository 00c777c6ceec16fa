import { z } from 'zod';
import { IMPORT_KINDS, type ImportJobView, type ImportKind } from '../import/types';

/** Imports and exports as the API speaks them (the import screen, the export screen, their routes). */

/** The query of an upload (the file itself is the raw body). */
export const importUploadQuery = z.object({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().trim().min(1).max(200),
  /** Holdings: the balances' date (a branch calendar day). */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  encoding: z.enum(['auto', 'utf-8', 'gb18030']).optional(),
});
export type ImportUploadQuery = z.infer<typeof importUploadQuery>;

export interface ImportJobList {
  jobs: ImportJobView[];
}

/** An applied import, as the import screen lists it. */
export interface ImportRunView {
  id: string;
  kind: ImportKind;
  fileName: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  stale: number;
  finishedAt: number;
  staffName: string | null;
}

export interface ImportRunList {
  runs: ImportRunView[];
}

export const EXPORT_DATASETS = ['visits', 'outcomes', 'followups', 'complaints', 'ratings'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const exportParams = z.object({ dataset: z.enum(EXPORT_DATASETS) });

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional();

/** Branch calendar days, both inclusive; without them, the last 30 days. */
export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  from: day,
  to: day,
});
export type ExportQuery = z.infer<typeof exportQuery>;
