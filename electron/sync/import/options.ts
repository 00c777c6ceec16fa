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
  /**
   * Whether the staging writes run on a thread of their own while the file is read (default: for files of 4 MB and
   * more, where they are seconds of the reading thread's time; a small file is not worth the thread's start).
   */
  stageThread?: boolean;
  /** Holdings: snapshots from which they are journalled for the head office as one row (default 20,000; tests lower it). */
  bulkJournalMin?: number;
  /**
   * The server's import jobs: asked, once a file is checked without a problem and its write would pause the branch
   * longer than `branch.importConfirmSeconds`, whether to write it now. Resolves true (write) or false (cancel),
   * maybe hours later; until then nothing of the file is in the branch database. Without it (the CLI) the file is
   * written at once.
   */
  confirmApply?: (ready: ReadyToApply) => Promise<boolean>;
  /** The server's jobs: the set checks of a large file run on a worker thread, so the branch keeps answering. */
  checkThread?: boolean;
  /** The id of the run (its record and audit rows); the server's jobs pass the job's own, so all its rows share it. */
  runId?: string;
}

/** A checked file waiting for the manager: its data rows and the expected pause of the branch while written. */
export interface ReadyToApply {
  rows: number;
  pauseSeconds: number;
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
