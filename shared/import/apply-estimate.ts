import type { ImportKind } from './types';

/**
 * How long applying a checked file holds the branch database, per data row, in microseconds. While it is written
 * the server does nothing else: tickets wait, the lobby and the TV stand still. Measured on the reference branch PC
 * (2 cores) at 1,000,000 customers / 2,000,000 holdings (`npm run bench -- --only P4_import`, phase `apply`, plus
 * the set checks run again just before it); products and risk ratings are single-table writes, costed like the
 * holdings. Pure data: a slower PC only makes the estimate low, and the manager sees it as "about".
 */
export const APPLY_MICROS_PER_ROW: Readonly<Record<ImportKind, number>> = {
  customers: 19,
  holdings: 9,
  products: 9,
  risk: 9,
};

/** The expected pause of the branch server while a checked file of `rows` data rows is written, in seconds. */
export function estimateApplySeconds(kind: ImportKind, rows: number): number {
  return (Math.max(0, rows) * APPLY_MICROS_PER_ROW[kind]) / 1e6;
}

/**
 * Whether the manager is asked before the write: when it would pause the branch longer than the branch allows
 * (`branch.importConfirmSeconds`; 0 asks for every file). Below that, a checked file is written at once.
 */
export function askBeforeApply(kind: ImportKind, rows: number, confirmSeconds: number): boolean {
  return estimateApplySeconds(kind, rows) >= confirmSeconds;
}
