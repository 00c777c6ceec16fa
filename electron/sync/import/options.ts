/** The options, progress and result of one import (see run.ts). */
import type { RulesConfig } from '@shared/config/schema';
import type { Bilingual, ImportIssue, ImportKind, ImportPhase, ImportSummary } from '@shared/import/types';
import type { Store } from '../../db/connection';
import type { Pii } from '../../db/pii';
import type { SourceEncoding } from './source';

export interface ImportProgress {
  phase: ImportPhase;
  bytesRead: number;
  bytesTotal: number;
  rowsRead: number;
  rejectedRows: number;
  issueCount: number;
}

export interface RunImportOptions {
  kind: ImportKind;
  /** The file to read (a temp copy of an upload, or the CLI's argument). */
  file: string;
  /** The name the user knows the file by, for the record and the report. */
  fileName: string;
  store: Store;
  pii: Pii;
  rules: RulesConfig;
  now: () => number;
  staffId: string | null;
  /** A private scratch folder for this import (staging database, report); created if missing. */
  workDir: string;
  /** Holdings without an as-of column: the balance date of the whole file (epoch ms). */
  asOf?: number | null;
  encoding?: SourceEncoding | 'auto';
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** How many issues to return in the result (all are in the report file). */
  previewLimit?: number;
  /** Worker threads that hash and encrypt (0: in line); default 2 for files of 4 MB and more. */
  protectThreads?: number;
}

export interface RunImportResult {
  status: 'applied' | 'rejected' | 'cancelled';
  runId: string;
  summary: ImportSummary;
  issues: ImportIssue[];
  reportFile: string;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

/** A problem with the file as a whole (or a record that cannot be read as a row). */
export function fileIssue(code: string, msg: Bilingual, line = 0): ImportIssue {
  return { line, field: null, column: null, code, zh: msg.zh, en: msg.en, value: null };
}
