/** Shapes of the history report that are rules, not storage: the heat-map grid, weeks, the tier migration matrix. */

const DAY = 86_400_000;

/**
 * SQL reads the local hour and weekday of an arrival as (arrived_at + offset): the offset of the branch's zone
 * (from shared/import/values' zoneOffsetMs). Monday is 0: epoch day 0 was a Thursday.
 */
export const localHour = (at: number, offsetMs: number): number =>
  Math.floor(((((at + offsetMs) % DAY) + DAY) % DAY) / 3_600_000);
export const localWeekday = (at: number, offsetMs: number): number =>
  (((Math.floor((at + offsetMs) / DAY) + 3) % 7) + 7) % 7;

/** 7 × 24 arrivals (rows Monday … Sunday, columns 0–23 h). */
export function heatGrid(rows: readonly { dow: number; hour: number; n: number }[]): number[][] {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const r of rows) {
    const row = grid[r.dow];
    if (row && r.hour >= 0 && r.hour < 24) row[r.hour] = (row[r.hour] ?? 0) + r.n;
  }
  return grid;
}

/** ISO week of a `YYYY-MM-DD` day: `2026-W09`. */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  const thursday = new Date(t - dow * DAY + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface MigrationMatrix {
  /** Row and column keys, lowest band first. */
  tiers: string[];
  /** cells[from][to]: customers in band `from` at the first snapshot and `to` at the second. */
  cells: number[][];
  up: number;
  down: number;
  same: number;
}

/** Start band × end band; `tiers` in ascending order (moving right is up). Unknown bands are ignored. */
export function migrationMatrix(
  rows: readonly { from: string; to: string; n: number }[],
  tiers: readonly string[],
): MigrationMatrix {
  const cells = tiers.map(() => tiers.map(() => 0));
  let up = 0;
  let down = 0;
  let same = 0;
  for (const r of rows) {
    const i = tiers.indexOf(r.from);
    const j = tiers.indexOf(r.to);
    if (i < 0 || j < 0) continue;
    (cells[i] as number[])[j] = ((cells[i] as number[])[j] ?? 0) + r.n;
    if (j > i) up += r.n;
    else if (j < i) down += r.n;
    else same += r.n;
  }
  return { tiers: [...tiers], cells, up, down, same };
}
