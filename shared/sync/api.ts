import { z } from 'zod';
import { epochMs } from '../api/dates';
import { scrubPii } from '../customer/mask';
import { syncBatch, type SyncEnvelope } from './envelope';
import type { HeadOfficeLink } from './headoffice-link';
import type { BackupAlert } from '../backup/schedule';

/** Sync API shapes: hub routes (device token) and the terminal's status for its renderer. */

export const enrollRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
  deviceId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  name: z.string().trim().min(1).max(60).optional(),
});
export type EnrollRequest = z.infer<typeof enrollRequest>;

/**
 * 柜台终端 as the branch manager sees them at the hub (员工与窗口 → 柜台终端). `pushed`: the terminal's events the
 * hub's journal still holds (the journal keeps `journalKeepDays`).
 */
export interface TerminalDeviceView {
  deviceId: string;
  name: string;
  /** Who enrolled it (display name); null when that staff member is gone. */
  enrolledBy: string | null;
  enrolledAt: number;
  lastSeenAt: number | null;
  /** When its token was revoked; null while it may sync. Enrolling it again (a manager's login at it) lifts it. */
  revokedAt: number | null;
  pushed: number;
}

/** 停用终端: why (kept in the audit trail; numbers in it are masked). */
export const revokeDeviceRequest = z.object({
  reason: z
    .string()
    .trim()
    .min(4, '请写明停用原因 / give the reason for revoking it')
    .max(200)
    .transform(scrubPii),
});
export type RevokeDeviceRequest = z.infer<typeof revokeDeviceRequest>;

export interface EnrollResponse {
  token: string;
  deviceId: string;
  hubDeviceId: string;
  branchCode: string;
  /**
   * The terminal lookup key: derived one-way from the hub's HMAC key, it only makes the short tags a terminal's
   * copy holds (electron/db/pii.ts), never the hub's full hashes; never the cipher key.
   */
  lookupKey: string;
  /** 'tag1': the copy holds tags. A hub without this field handed out its own key: a terminal refuses it. */
  lookupScheme: 'tag1';
}

export const SNAPSHOT_TABLES = [
  'branch',
  'settings',
  'counters',
  'staff',
  'products',
  'customers',
  'cards',
  'holdings',
  'tickets',
  'ticket_events',
  'suggestion_outcomes',
  'follow_ups',
  'complaints',
  // 客户经营: who owns whom, the contact marks (do-not-contact, imported high risk), the contact log.
  'customer_owners',
  'customer_marks',
  'contacts',
  // Step 15: consent given or withdrawn at the desk.
  'consent_events',
  'appointments',
] as const;
export type SnapshotTable = (typeof SNAPSHOT_TABLES)[number];

export const snapshotQuery = z.object({
  table: z.enum(SNAPSHOT_TABLES),
  /** Key of the last row of the previous page. */
  after: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(20_000).default(5000),
  /** Only rows changed since (epoch ms), for a refresh. */
  since: epochMs({ min: 0, coerce: true }).optional(),
});

export interface SnapshotPage {
  table: SnapshotTable;
  rows: Record<string, unknown>[];
  /** Key to pass as `after` for the next page; null at the end. */
  next: string | null;
  /** Rows in the whole table (for progress), counted on the first page only. */
  total: number | null;
}

export interface SnapshotHead {
  /** Journal position at the start of the snapshot: pull events after it. */
  cursor: number;
  branchDay: string;
  at: number;
  tables: { table: SnapshotTable; total: number }[];
}

export const eventsQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/** The hub's journal after a cursor: what a terminal pulls. */
export interface SyncEventsPage {
  events: { seq: number; event: SyncEnvelope }[];
  /** The journal's last position: the terminal pulls again until it has reached it. */
  head: number;
  /** Which database the hub runs on (absent from a hub one version behind). */
  hub?: HubIdentity;
  /**
   * The oldest position the hub still keeps (its journal is pruned after `journalKeepDays`); null when empty. A cursor
   * before `tail - 1` has missed pruned rows: the terminal takes a full snapshot.
   */
  tail?: number | null;
}

/**
 * A hub database's identity. Every backup copy gets a new one, with the time it was made and its journal's last
 * position, so a terminal can tell that its hub went back to a copy (shared/sync/hub-identity.ts).
 */
export interface HubIdentity {
  epoch: string;
  /** Set in a copy: when it was made (hub clock) … */
  copiedAt: number | null;
  /** … and the last journal position in it. */
  copySeq: number | null;
}

export const pushRequest = syncBatch;

export interface PushResponse {
  /** Ids now held by the hub (new or already there): the terminal marks them pushed. */
  acked: string[];
  applied: number;
  duplicates: number;
  rejected: number;
  failed: number;
  hlc: string;
}

export const blockRequest = z.object({
  branchDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  queues: z.array(z.string().min(1).max(40)).min(1).max(20),
});

export interface BlockGrant {
  branchDay: string;
  queue: string;
  start: number;
  end: number;
}

export interface BlocksResponse {
  blocks: BlockGrant[];
}

export const statusQuery = z.object({ detail: z.enum(['0', '1']).optional() });

/** A dismissed notice (false: unknown or already seen), or a sync asked for. */
export interface SyncOk {
  ok: boolean;
}

export type SyncPhase = 'hub' | 'not_enrolled' | 'snapshot' | 'online' | 'syncing' | 'offline';

export interface SyncNoticeView {
  id: string;
  at: number;
  ticketId: string | null;
  displayNo: string | null;
  counterId: string | null;
  code: string;
  zh: string;
  en: string;
}

export interface SyncStatus {
  role: 'hub' | 'terminal' | 'headoffice';
  deviceId: string;
  phase: SyncPhase;
  online: boolean;
  hub: string | null;
  /** Events made here not yet held by the hub. */
  pending: number;
  lastSyncAt: number | null;
  offlineSince: number | null;
  lastError: string | null;
  /**
   * The hub refused this terminal's device token (`device_unknown`): it was restored from a copy older than the
   * enrollment, or rebuilt. Nothing will sync until the terminal is enrolled again; the banner says how.
   */
  notEnrolled: boolean;
  /** Events that went up in the last reconnect (after an offline spell), and when it finished. */
  lastReconnect: { pushed: number; at: number } | null;
  progress: { step: 'snapshot' | 'push' | 'pull'; label: string; done: number; total: number | null } | null;
  /** Ticket numbers left in this terminal's reserved blocks for today, by queue. */
  blocks: { queue: string; prefix: string; start: number; end: number; next: number | null }[];
  notices: SyncNoticeView[];
  /** Hub only: the devices it knows. */
  devices?: { deviceId: string; name: string; lastSeenAt: number | null; pushed: number }[];
  /** Hub only: its link to the head office (a banner for the manager when it is behind or missing). */
  headOffice?: HeadOfficeLink;
  /** Hub only: the database copies failed, or the newest is days old (the manager's banner). */
  backup?: BackupAlert | null;
}
