import type { BackupFile } from '../backup/schedule';

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
}
