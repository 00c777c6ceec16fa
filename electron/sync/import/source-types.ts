/**
 * What every import source reader gives back (see source.ts for the CSV reader, xlsx-source.ts for
 * the XLSX one): the source's shape, its rows in batches, and the file-level error.
 */
import type { Cell } from '@shared/import/types';

export type SourceEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface SourceRow {
  /** 1-based line (CSV, counting lines inside quoted cells) or worksheet row number (XLSX). */
  line: number;
  cells: Cell[];
  /** The record cannot be trusted as read (e.g. two lines merged by a stray line break): report it, never import it. */
  problem?: { code: string; zh: string; en: string };
}

export interface SourceInfo {
  format: 'csv' | 'xlsx';
  encoding: SourceEncoding | null;
  delimiter: string | null;
}

/** The file cannot be read at all (not a CSV/XLSX, broken quoting): a file-level problem. */
export class SourceError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly line = 0,
  ) {
    super(en);
  }
}

export interface Source {
  info: SourceInfo;
  totalBytes: number;
  /** Bytes of the file read so far (for progress and ETA). */
  bytesRead(): number;
  rows(): AsyncGenerator<SourceRow[]>;
  close(): void;
}

/** Rows per batch a reader yields. */
export const BATCH = 2000;
