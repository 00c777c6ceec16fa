import { z } from 'zod';
import type { BackupFile } from '../backup/schedule';
import { scrubPii } from '../customer/mask';

/** The hub's database copies (网点管理 → 数据备份), as the manager and the admin see them. */
export interface BackupStatus {
  /** Only a hub holds the branch's data: a counter terminal's copy is rebuilt from it. */
  available: boolean;
  enabled: boolean;
  hour: number;
  keep: number;
  /** The folder the copies are written to (on the branch server). */
  dir: string;
  /** Free space on its disk (null when it cannot be read), and what copies leave free. */
  freeBytes: number | null;
  minFreeMb: number;
  /** Newest first. */
  files: BackupFile[];
  /** Bytes written so far against the database's size. */
  running: { startedAt: number; done: number; total: number } | null;
  lastDone: { at: number; name: string; seconds: number; bytes: number } | null;
  lastError: { at: number; message: string } | null;
  /** A restore asked for: done when the server next starts, until then it can be called off. */
  pendingRestore: { name: string; requestedAt: number; staffId: string | null; reason: string } | null;
  /** What this start of the server did with a restore asked for. */
  lastRestore: { at: number; name: string; ok: boolean; message: string | null } | null;
}

/** 恢复此备份: which copy, and why (kept in the audit trail; numbers in it are masked). */
export const restoreRequest = z.object({
  name: z.string().regex(/^branch-\d{4}-\d{2}-\d{2}-\d{4}\.db$/, '不是备份文件名 / not a backup file name'),
  reason: z
    .string()
    .trim()
    .min(4, '请写明恢复原因 / give the reason for the restore')
    .max(200)
    .transform(scrubPii),
});
export type RestoreRequest = z.infer<typeof restoreRequest>;
