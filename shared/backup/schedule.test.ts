import { describe, expect, it } from 'vitest';
import {
  backupAlert,
  backupDue,
  backupFileName,
  backupsToPrune,
  parseBackupName,
  type BackupFile,
} from './schedule';

const TZ = 'Asia/Shanghai';
/** 2026-12-05 19:59 and 20:00 in Beijing. */
const BEFORE = Date.UTC(2026, 11, 5, 11, 59);
const AT = Date.UTC(2026, 11, 5, 12, 0);
const on = { backupEnabled: true, backupHour: 20, backupKeep: 3 };
const file = (name: string): BackupFile => ({
  ...(parseBackupName(name) as { day: string; time: string }),
  name,
  bytes: 1,
});

describe('backup schedule', () => {
  it('names a copy by the branch-clock day and minute, and reads it back', () => {
    expect(backupFileName(AT, TZ)).toBe('branch-2026-12-05-2000.db');
    // 23:30 UTC is already the next day in Beijing.
    expect(backupFileName(Date.UTC(2026, 11, 5, 23, 30), TZ)).toBe('branch-2026-12-06-0730.db');
    expect(parseBackupName('branch-2026-12-05-2000.db')).toEqual({ day: '2026-12-05', time: '20:00' });
    expect(parseBackupName('branch-2026-12-05-2000.db.partial')).toBeNull();
    expect(parseBackupName('notes.txt')).toBeNull();
  });

  it('is due from the hour on, once a branch day', () => {
    expect(backupDue(BEFORE, TZ, on, [])).toBe(false);
    expect(backupDue(AT, TZ, on, [])).toBe(true);
    expect(backupDue(AT, TZ, on, [file('branch-2026-12-04-2000.db')])).toBe(true);
    // Today's copy exists (made by hand at noon, or by the schedule): not again.
    expect(backupDue(AT + 3_600_000, TZ, on, [file('branch-2026-12-05-1200.db')])).toBe(false);
    expect(backupDue(AT, TZ, { ...on, backupEnabled: false }, [])).toBe(false);
  });

  it('keeps the newest copies and never prunes the last one', () => {
    const files = [
      'branch-2026-12-01-2000.db',
      'branch-2026-12-03-2000.db',
      'branch-2026-12-02-2000.db',
      'branch-2026-12-04-2001.db',
    ].map(file);
    expect(backupsToPrune(files, 3).map((f) => f.name)).toEqual(['branch-2026-12-01-2000.db']);
    expect(backupsToPrune(files, 2).map((f) => f.name)).toEqual([
      'branch-2026-12-02-2000.db',
      'branch-2026-12-01-2000.db',
    ]);
    expect(backupsToPrune(files, 0)).toHaveLength(3);
  });
});

describe('backupAlert', () => {
  const none = { enabled: true, newestDay: '2026-12-04', lastError: null };
  it('says nothing while copies are recent, off, or not made yet', () => {
    expect(backupAlert(none, '2026-12-05')).toBeNull();
    expect(backupAlert({ ...none, newestDay: '2026-12-01', enabled: false }, '2026-12-05')).toBeNull();
    expect(backupAlert({ ...none, newestDay: null }, '2026-12-05')).toBeNull();
  });
  it('tells of a failed try first, then of copies two days old or more', () => {
    const failed = { at: 1, message: 'ENOSPC: no space left on device' };
    expect(backupAlert({ ...none, lastError: failed }, '2026-12-05')).toEqual({ kind: 'failed', ...failed });
    expect(backupAlert({ ...none, newestDay: '2026-12-03' }, '2026-12-05')).toEqual({
      kind: 'stale',
      newestDay: '2026-12-03',
      days: 2,
    });
  });
  it('tells of a restore waiting for the next start before anything else', () => {
    const pendingRestore = { name: 'branch-2026-12-05-1200.db', requestedAt: 5 };
    const failed = { at: 1, message: 'ENOSPC' };
    expect(backupAlert({ ...none, lastError: failed, pendingRestore }, '2026-12-05')).toEqual({
      kind: 'restore_pending',
      ...pendingRestore,
    });
    expect(backupAlert({ ...none, pendingRestore: null }, '2026-12-05')).toBeNull();
  });
});
