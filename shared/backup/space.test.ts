import { describe, expect, it } from 'vitest';
import { backupSpacePlan, noSpaceMessage } from './space';
import type { BackupFile } from './schedule';

const GB = 1024 ** 3;
const copy = (day: string, bytes = 2 * GB): BackupFile => ({
  name: `branch-${day}-1200.db`,
  day,
  time: '12:00',
  bytes,
});
const week = ['01', '02', '03', '04', '05', '06', '07'].map((d) => copy(`2026-12-${d}`));

describe('backupSpacePlan', () => {
  it('copies when the copy and the space kept free fit', () => {
    expect(
      backupSpacePlan({ databaseBytes: 2 * GB, freeBytes: 3 * GB, minFreeMb: 1024, files: week, keep: 7 }),
    ).toEqual({ ok: true, pruneFirst: [] });
  });

  it('removes first the oldest copies the new one would push out, when that makes room', () => {
    const plan = backupSpacePlan({
      databaseBytes: 2 * GB,
      freeBytes: 2 * GB,
      minFreeMb: 1024,
      files: week,
      keep: 7,
    });
    expect(plan).toEqual({ ok: true, pruneFirst: [copy('2026-12-01')] });
  });

  it('refuses, removing nothing, when even that is not enough', () => {
    expect(
      backupSpacePlan({ databaseBytes: 2 * GB, freeBytes: GB / 2, minFreeMb: 1024, files: week, keep: 7 }),
    ).toEqual({ ok: false, needBytes: 3 * GB, freeBytes: GB / 2 });
    // Fewer copies than kept: none would be removed after the copy, so none before it either.
    expect(
      backupSpacePlan({
        databaseBytes: 2 * GB,
        freeBytes: 2 * GB,
        minFreeMb: 1024,
        files: week.slice(0, 3),
        keep: 7,
      }),
    ).toMatchObject({ ok: false });
    // Keeping one: the only copy is never removed before a new one stands.
    expect(
      backupSpacePlan({
        databaseBytes: 2 * GB,
        freeBytes: 2 * GB,
        minFreeMb: 1024,
        files: week.slice(0, 1),
        keep: 1,
      }),
    ).toMatchObject({ ok: false });
  });

  it('says what is needed and what is free, in Chinese and English', () => {
    const m = noSpaceMessage(3 * GB, GB / 2);
    expect(m).toContain('磁盘空间不足');
    expect(m).toContain('3.0 GB');
    expect(m).toContain('0.5 GB');
    expect(m).toContain('Not enough disk space');
  });
});
