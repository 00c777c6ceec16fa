import { backupsToPrune, type BackupFile } from './schedule';

const MB = 1024 * 1024;

/** What a copy about to be made needs of the disk, and what to do about it. */
export type BackupSpacePlan =
  /** Room enough: remove `pruneFirst` (copies that would go after this one anyway) before copying. */
  { ok: true; pruneFirst: BackupFile[] } | { ok: false; needBytes: number; freeBytes: number };

/**
 * Whether a copy fits. A copy is about the database's size (a little less: no free pages), and `minFreeMb` must stay
 * free after it: the backup folder is often on the database's own disk, and a database that cannot grow its WAL stops
 * the branch, a far worse failure than a missed copy. When the disk is short, the oldest copies that the new one would
 * push past `keep` go first (they would be removed right after it anyway); when that is not enough, no copy is made
 * and none is removed.
 */
export function backupSpacePlan(input: {
  databaseBytes: number;
  freeBytes: number;
  minFreeMb: number;
  files: readonly BackupFile[];
  keep: number;
}): BackupSpacePlan {
  const needBytes = input.databaseBytes + input.minFreeMb * MB;
  if (input.freeBytes >= needBytes) return { ok: true, pruneFirst: [] };
  // With the new copy counted, `keep` are kept: of the ones there now, `keep - 1`.
  const prunable = backupsToPrune(input.files, Math.max(1, input.keep - 1));
  const freed = prunable.reduce((sum, f) => sum + f.bytes, 0);
  if (input.keep > 1 && input.freeBytes + freed >= needBytes) return { ok: true, pruneFirst: prunable };
  return { ok: false, needBytes, freeBytes: input.freeBytes };
}

/** The manager's words for a refused copy (it shows as the last try's error, on the screen and in the banner). */
export function noSpaceMessage(needBytes: number, freeBytes: number): string {
  const gb = (b: number) => (b / 1024 ** 3).toFixed(1);
  return (
    `磁盘空间不足：备份需要 ${gb(needBytes)} GB（含保留空间），剩余 ${gb(freeBytes)} GB。请清理磁盘或把备份目录改到其他磁盘。` +
    ` / Not enough disk space: a copy needs ${gb(needBytes)} GB (with the space kept free), ${gb(freeBytes)} GB free. ` +
    'Free some space or move the backup folder to another disk.'
  );
}
