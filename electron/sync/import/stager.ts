import type { FieldProblem } from '@shared/import/rows';
import type { HeaderMap } from '@shared/import/headers';
import type { Cell } from '@shared/import/types';

/** One import kind's row handler; the runner drives it (kept apart so stagers and the customer stager share it). */
export type Getter = (key: string) => Cell | undefined;

export interface Stager {
  setMap(m: HeaderMap): void;
  /**
   * After each batch of rows (inside its transactions): the rows accepted but not yet staged, whose
   * hashes are still being computed; the promise gives the function that stages them.
   */
  cut?: () => Promise<() => void> | null;
  /** After the last row (inside a staging transaction). */
  finish?: () => void;
  /** Stages one data row; answers its problems, or null when it was staged. */
  row(line: number, get: Getter, cells: Cell[]): FieldProblem[] | null;
}
