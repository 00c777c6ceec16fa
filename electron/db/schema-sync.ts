import type { Generated } from 'kysely';

/** Row types of the replication tables (Step 6) and the hub's head-office journal; see schema.ts. */

/** Step 6 replication tables (migration 0005-sync). */
export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  device_id: string;
  branch_code: string;
  hlc: string;
  kind: string;
  entity_id: string;
  payload: string;
  created_at: number;
  pushed_at: number | null;
}

export interface AppliedEventTable {
  id: string;
  hlc: string;
  device_id: string;
  kind: string;
  entity_id: string;
  /** 'local' | 'remote' */
  origin: string;
  /** 'applied' | 'rejected' (kept, refused by the merge) | 'failed' (kept, to retry) */
  status: string;
  error: string | null;
  /** The envelope, kept only for a failed event so it can be retried. */
  envelope: string | null;
  applied_at: number;
}

export interface SyncStateTable {
  key: string;
  value: string;
  updated_at: number;
}

export interface NumberBlockTable {
  branch_day: string;
  queue: string;
  start: number;
  end: number;
  device_id: string;
  reserved_at: number;
}

export interface SyncDeviceTable {
  device_id: string;
  name: string;
  token_hash: string;
  enrolled_by: string | null;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

export interface SyncNoticeTable {
  id: string;
  at: number;
  counter_id: string | null;
  device_id: string;
  ticket_id: string | null;
  display_no: string | null;
  event_id: string;
  code: string;
  zh: string;
  en: string;
  seen_at: number | null;
}

export interface CustomerFieldClockTable {
  customer_id: string;
  field: string;
  hlc: string;
  device_id: string;
}

/** The hub's journal for the head office (migration 0006-headoffice), filled by triggers. */
export interface HoJournalRowTable {
  seq: Generated<number>;
  source: string;
  row_id: string;
  /** 'insert' | 'update' */
  op: string;
  at: number;
  device_id: string | null;
  hlc: string | null;
  /** The row as it was at the change, JSON. */
  payload: string;
}

export interface HoSyncStateTable {
  key: string;
  value: string;
  updated_at: number;
}

/** A holdings import whose balance snapshots are journalled as one row (migration 0031). */
export interface HoJournalBulkTable {
  import_id: string;
  /** The `ho_journal` row that stands for the import's snapshots. */
  seq: number;
  /** How many snapshots it wrote (inserted or changed). */
  rows: number;
  as_of_min: number;
  as_of_max: number;
}
