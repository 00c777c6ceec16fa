import type { ColumnType, Generated } from 'kysely';
import type { CardTable, CustomerTable, HoldingTable, ProductTable } from '../schema';

/**
 * The head office's PostgreSQL tables. Master data keeps the branch schema's column names and
 * meanings (electron/db/schema.ts) plus `branch_id` and `rev`; `rev` comes from one sequence
 * (`master_rev`) and is what a branch's snapshot pull pages by. BIGINT columns are read back as
 * JS numbers (see connection.ts): times in epoch ms and money in fen stay far below 2^53.
 */

export interface HoBranchTable {
  id: string;
  code: string;
  name: string;
  created_at: number;
}

/** Keys are shown once when issued; only the SHA-256 of the secret part is kept. */
export interface HoKeyTable {
  id: string;
  /** null for a head-office admin key. */
  branch_id: string | null;
  scope: 'branch' | 'admin';
  secret_hash: string;
  label: string | null;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

/** The head office is the bank's master: it keeps the full birth date, which a branch no longer holds. */
export type HoCustomerTable = Omit<CustomerTable, 'birth_month'> & {
  birth_date: string | null;
  branch_id: string;
  /** Fingerprint of the PII key the *_hash / *_enc values were made with (see pii-key.ts). */
  pii_key_id: string | null;
  rev: number;
};

export type HoCardTable = CardTable & { branch_id: string };

export type HoHoldingTable = HoldingTable & { branch_id: string };

/** Bank-wide catalogue: `branch_id` null = every branch, otherwise that branch only. */
export type HoProductTable = ProductTable & { branch_id: string | null; rev: number };

export interface HoCampaignTable {
  id: string;
  branch_id: string | null;
  /** A Campaign (shared/suggest/campaigns.ts) as JSON. */
  spec: string;
  active: number;
  updated_at: number;
  rev: number;
}

/** Published rules: a partial RulesConfig (any of customer, suggest, triage, queue, visit). */
export interface HoSettingsTable {
  version: Generated<number>;
  branch_id: string | null;
  config: string;
  created_at: number;
  created_by: string | null;
  note: string | null;
  rev: number;
  /** 1 = replaces a branch's local override (0005). */
  mandatory: Generated<number>;
}

/** Every event a branch pushed, exactly once: the primary key is the envelope id. */
export interface HoJournalTable {
  id: string;
  seq: Generated<number>;
  branch_id: string;
  device_id: string;
  hlc: string;
  kind: string;
  entity_id: string;
  /** JSONB: written as a JSON string, read back parsed. */
  payload: ColumnType<Record<string, unknown>, string, string>;
  received_at: number;
}

/** Per branch: how far its pushes and pulls have got. */
export interface HoBranchCursorTable {
  branch_id: string;
  last_hlc: string | null;
  events: number;
  duplicates: number;
  pushes: number;
  last_push_at: number | null;
  pulled_rev: number;
  last_pull_at: number | null;
}

/** Daily counts per branch and metric, maintained by push (rollup.ts) for the cross-branch report. */
export interface HoJournalDailyTable {
  branch_id: string;
  day: number;
  metric: string;
  n: ColumnType<number, number, number>;
}

/** Events per branch and kind, maintained by push (rollup.ts; migration 0007) for the branch list. */
export interface HoJournalKindsTable {
  branch_id: string;
  kind: string;
  n: ColumnType<number, number, number>;
}

/** History facts (migration 0003, history-facts.ts): one row per ticket, outcome and complaint. */
export interface HoTicketFactTable {
  branch_id: string;
  ticket_id: string;
  day: string;
  queue: string;
  outcome: string;
  arrived_at: number;
  wait_ms: number | null;
  walk_ms: number | null;
  service_ms: number | null;
  staff_id: string | null;
}

export interface HoOutcomeFactTable {
  branch_id: string;
  id: string;
  at: number;
  product_code: string;
  outcome: string;
  staff_id: string | null;
  customer_no: string | null;
  campaign_id: string | null;
  /** −1 for an undo row (it cancels the row it names), else 1. */
  sign: number;
}

export interface HoComplaintFactTable {
  branch_id: string;
  id: string;
  /** Stamp of the version held: a push keeps the newer one. */
  hlc: string;
  category: string;
  status: string;
  created_at: number;
  deadline_at: number;
  resolved_at: number | null;
}

/** Which (branch, day) rollups are current, and for which SL targets and offset (null: stale). */
export interface HoFactDayTable {
  branch_id: string;
  day: string;
  sig: string | null;
}

/** Per-day sums of the ticket facts by queue, staff member or local weekday:hour (history-rollup.ts). */
export interface HoFactRollupTable {
  branch_id: string;
  day: string;
  kind: string;
  key: string;
  arrived: number;
  served: number;
  sl_met: number;
  no_shows: number;
  walked_away: number;
  wait_sum: number;
  wait_n: number;
  walk_sum: number;
  walk_n: number;
  service_sum: number;
  service_n: number;
}

export interface HoDB {
  branches: HoBranchTable;
  branch_keys: HoKeyTable;
  customers: HoCustomerTable;
  cards: HoCardTable;
  holdings: HoHoldingTable;
  products: HoProductTable;
  campaigns: HoCampaignTable;
  settings: HoSettingsTable;
  journal: HoJournalTable;
  branch_cursors: HoBranchCursorTable;
  journal_daily: HoJournalDailyTable;
  journal_kinds: HoJournalKindsTable;
  ho_ticket_facts: HoTicketFactTable;
  ho_outcome_facts: HoOutcomeFactTable;
  ho_complaint_facts: HoComplaintFactTable;
  ho_fact_days: HoFactDayTable;
  ho_fact_rollup: HoFactRollupTable;
}
