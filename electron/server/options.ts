import type { SyncConfig } from '@shared/sync/config';
import type { NotificationSender } from '../app/appointments/notifier';

/** How a branch server (hub or terminal) is built: what start.ts and the tests hand to AppContext. */
export interface ServerOptions {
  version: string;
  schemaVersion: string;
  role: 'hub' | 'terminal' | 'headoffice';
  deviceId: string;
  /** Folder with the built renderer; null serves the API only. */
  staticDir: string | null;
  /** demo: seeded demo branch and logins; production: starts with no staff and asks for an admin. */
  mode: 'demo' | 'production';
  /** Listening beyond loopback: lobby displays then need a display token (or a staff session). */
  lan: boolean;
  now?: () => number;
  /** Replication tuning (shared/sync/config.ts); tests make it fast. */
  sync?: Partial<SyncConfig>;
  /** Where customer notifications go (an SMS gateway adapter); the log by default. */
  notificationSender?: NotificationSender;
  /** Where the hub's database copies go (`--backup-dir`); `backups` beside the database by default. */
  backupDir?: string;
}
