import { branchDay } from '../queue/numbering';
import { localMinuteOfDay } from '../staffing/time';

/**
 * The branch database's nightly copy (数据备份): when one is due, what a copy is called, which old ones go. Pure; the
 * copying is electron/db/backup.ts, the schedule's clock electron/app/backup.ts. A copy is named by the branch-clock
 * day and minute it was started, so the folder itself says what exists and nothing else has to remember it.
 */

export interface BackupSettings {
  /** Copies are made automatically once a day, at or after `backupHour` on the branch clock. */
  backupEnabled: boolean;
  backupHour: number;
  /** How many copies are kept; the oldest go first. */
  backupKeep: number;
}

export interface BackupFile {
  name: string;
  /** Branch-clock day and time of the start, from the name. */
  day: string;
  time: string;
  bytes: number;
}

const NAME = /^branch-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})\.db$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `branch-2026-12-05-2000.db`: the branch-clock day and minute of `at`. */
export function backupFileName(at: number, timeZone: string): string {
  const m = localMinuteOfDay(at, timeZone);
  return `branch-${branchDay(at, timeZone)}-${pad(Math.floor(m / 60))}${pad(m % 60)}.db`;
}

/** The day and time a copy's name says; null for any other file (a partial copy, something put there by hand). */
export function parseBackupName(name: string): { day: string; time: string } | null {
  const m = NAME.exec(name);
  return m ? { day: m[1] as string, time: `${m[2] as string}:${m[3] as string}` } : null;
}

/** Newest first (the names sort by time). */
export function sortBackups(files: readonly BackupFile[]): BackupFile[] {
  return [...files].sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/**
 * Due when automatic copies are on, the branch clock is past the hour, and no copy of today exists yet (a hub that
 * was off at the hour makes it when it is next up that day).
 */
export function backupDue(
  now: number,
  timeZone: string,
  s: BackupSettings,
  files: readonly BackupFile[],
): boolean {
  if (!s.backupEnabled || localMinuteOfDay(now, timeZone) < s.backupHour * 60) return false;
  const today = branchDay(now, timeZone);
  return !files.some((f) => f.day === today);
}

/** The copies beyond the newest `keep`. */
export function backupsToPrune(files: readonly BackupFile[], keep: number): BackupFile[] {
  return sortBackups(files).slice(Math.max(1, keep));
}

/**
 * What the manager is told on every screen about the copies: the last try failed (a full disk, a folder gone), or
 * daily copies are on and the newest is `staleDays` or more days old (the hub is off at the hour every day, or the
 * copies keep failing). Nothing while there are no copies yet: a new branch makes its first at the hour.
 */
export type BackupAlert =
  | { kind: 'failed'; at: number; message: string }
  | { kind: 'stale'; newestDay: string; days: number }
  /** A restore waits for the next start: whoever restarts the PC should know the database will be replaced. */
  | { kind: 'restore_pending'; name: string; requestedAt: number };

export const BACKUP_STALE_DAYS = 2;

export function backupAlert(
  input: {
    enabled: boolean;
    newestDay: string | null;
    lastError: { at: number; message: string } | null;
    pendingRestore?: { name: string; requestedAt: number } | null;
  },
  today: string,
): BackupAlert | null {
  if (input.pendingRestore) return { kind: 'restore_pending', ...input.pendingRestore };
  if (input.lastError) return { kind: 'failed', ...input.lastError };
  if (!input.enabled || input.newestDay === null) return null;
  const days = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${input.newestDay}T00:00:00Z`)) / 86_400_000,
  );
  return days >= BACKUP_STALE_DAYS ? { kind: 'stale', newestDay: input.newestDay, days } : null;
}
