/** What an import reads and reports. Pure types: shared by the server, the CLI and the renderer. */

export const IMPORT_KINDS = ['customers', 'holdings', 'products', 'risk'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One cell as a reader hands it over: CSV gives strings, XLSX may give numbers or booleans. */
export type Cell = string | number | boolean | null;

export interface Bilingual {
  zh: string;
  en: string;
}

/** A problem with one cell (or, with `column` null, with the whole row or file). */
export interface ImportIssue extends Bilingual {
  /** 1-based line (CSV) or row number (XLSX) in the file; 0 for the file as a whole. */
  line: number;
  /** Field key (`id_number`), null for a row- or file-level problem. */
  field: string | null;
  /** The header as written in the file (`证件号码`), when the issue is about a column. */
  column: string | null;
  code: string;
  /** The offending value, masked when it could be personal data; null when not useful. */
  value: string | null;
}

/**
 * `ready`: read and checked without a problem, waiting for the manager to start the write (a file whose write would
 * pause the branch longer than `branch.importConfirmSeconds`).
 */
export type ImportStatus = 'queued' | 'running' | 'ready' | 'applied' | 'rejected' | 'cancelled' | 'failed';
export type ImportPhase = 'reading' | 'checking' | 'ready' | 'applying' | 'done';

export interface TierCounts {
  [tier: string]: number;
}

/** The outcome of one import, as the report screen and the CLI show it. */
export interface ImportSummary {
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  /** Data rows read (blank lines and the header not counted). */
  rows: number;
  /** Rows with at least one problem. */
  rejectedRows: number;
  /** Issues found (a row may have several); the report lists them all. */
  issueCount: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Holdings / risk rows older than what the branch already has: kept as history only, or skipped. */
  stale: number;
  /** Columns that were not recognised and so ignored. */
  ignoredColumns: string[];
  /** Rows above the header (a report title, a date line) that were skipped. */
  skippedTitleRows: number;
  tiersBefore: TierCounts;
  tiersAfter: TierCounts;
  /** Customers whose tier changed, by "from→to". */
  tierMoves: Record<string, number>;
  seconds: number;
  /** Where the time went: reading and staging the file, the set checks, the apply transaction. */
  phaseSeconds: { read: number; check: number; apply: number };
}

export interface ImportJobView {
  id: string;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  phase: ImportPhase;
  bytesTotal: number;
  bytesRead: number;
  rowsRead: number;
  rejectedRows: number;
  issueCount: number;
  /** Seconds left, estimated from the read rate; null until there is a rate. */
  etaSeconds: number | null;
  startedAt: number;
  finishedAt: number | null;
  /** The first issues (the full list is the downloadable report). */
  issues: ImportIssue[];
  summary: ImportSummary | null;
  /** Set when the job failed for a reason other than bad rows. */
  error: Bilingual | null;
  cancellable: boolean;
  /** Status `ready`: the data rows checked, and the expected pause of the branch while they are written (seconds). */
  ready: { rows: number; pauseSeconds: number } | null;
}
