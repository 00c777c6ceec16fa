import type { ColumnType, Generated } from 'kysely';
import type { FeedbackPadTable, FeedbackRatingTable } from './schema-feedback';
import type {
  OutboxTable,
  AppliedEventTable,
  SyncStateTable,
  NumberBlockTable,
  SyncDeviceTable,
  SyncNoticeTable,
  CustomerFieldClockTable,
  HoJournalRowTable,
  HoJournalBulkTable,
  HoSyncStateTable,
} from './schema-sync';
import type {
  CustomerOwnerTable,
  CustomerMarkTable,
  ConsentEventTable,
  ContactTable,
  OutreachAssignmentTable,
} from './schema-relations';
import type {
  TicketFactTable,
  CounterStateTable,
  AppointmentTable,
  ApiKeyTable,
  NotificationTable,
} from './schema-floor';
import type { ConsentTextTable, ProspectConsentTable, ProspectTable } from './schema-prospects';

/**
 * Row types as stored. Booleans are 0/1 integers, JSON columns are TEXT, times are UTC epoch ms,
 * money is integer fen. Domain types live in shared/; repositories convert between the two.
 */

// Re-exported so importers keep one place to import row types from.
export type {
  TicketFactTable,
  CounterStateTable,
  AppointmentTable,
  ApiKeyTable,
  NotificationTable,
} from './schema-floor';
export type {
  OutboxTable,
  AppliedEventTable,
  SyncStateTable,
  NumberBlockTable,
  SyncDeviceTable,
  SyncNoticeTable,
  CustomerFieldClockTable,
  HoJournalRowTable,
  HoJournalBulkTable,
  HoSyncStateTable,
} from './schema-sync';
export type {
  CustomerOwnerTable,
  CustomerMarkTable,
  ConsentEventTable,
  ContactTable,
  OutreachAssignmentTable,
} from './schema-relations';

export interface BranchTable {
  id: string;
  code: string;
  name: string;
  timezone: string;
  created_at: number;
}

export interface StaffTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  counter_id: string | null;
  active: number;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  id: string;
  staff_id: string;
  device_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface CounterTable {
  id: string;
  branch_id: string;
  number: number;
  name: string;
  channel: string;
  queues: string;
  corporate_only: number;
  open: number;
  staff_state: string;
  updated_at: number;
  /** Why the counter is on a break (shared/metrics BREAK_REASONS); null otherwise. */
  break_reason: string | null;
  /** Since when the counter is in its open/staff state. */
  state_since: number | null;
}

export interface CustomerTable {
  id: string;
  customer_no: string;
  kind: string;
  corporate_type: string | null;
  name: string;
  id_hash: string | null;
  id_masked: string | null;
  id_enc: string | null;
  credit_code: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  phone_enc: string | null;
  /** `YYYY-MM`: the full birth date is never kept (with the masked ID it gives the whole number back). */
  birth_month: string | null;
  gender: string | null;
  segments: string;
  lifecycle: string;
  relationship_type: string;
  corporate_grade: string | null;
  risk_level: number | null;
  risk_assessed_at: number | null;
  marketing_consent: number;
  linked_customer_id: string | null;
  aum_fen: number;
  tier: string;
  last_visit_at: number | null;
  last_txn_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface CardTable {
  card_hash: string;
  customer_id: string;
  card_masked: string;
  card_enc: string | null;
}

export interface HoldingTable {
  id: string;
  customer_id: string;
  product_type: string;
  product_code: string | null;
  balance_fen: number;
  as_of: number;
  /** When a time deposit or wealth product ends (migration 0015); null for open-ended holdings. */
  maturity_at: number | null;
}

export interface ProductTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  type: string;
  risk_level: number | null;
  spec: string;
  active: number;
  updated_at: number;
}

export interface TicketTable {
  id: string;
  branch_day: string;
  queue: string;
  number: number;
  display_no: string;
  customer_id: string | null;
  channel: string;
  priority: number;
  status: string;
  services: string;
  services_done: string;
  counter_id: string | null;
  arrived_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  state: string;
  version: number;
  updated_at: number;
}

export interface TicketEventTable {
  id: string;
  ticket_id: string;
  seq: number;
  type: string;
  payload: string;
  staff_id: string | null;
  device_id: string;
  counter_id: string | null;
  at: number;
  /** HLC stamp (shared/sync/hlc.ts): the merge order across devices. */
  hlc: string | null;
  /** 0 = kept in the log but refused by the merge (e.g. the later of two calls). */
  accepted: number;
}

export interface SuggestionOutcomeTable {
  id: string;
  ticket_id: string | null;
  customer_id: string;
  product_code: string;
  outcome: string;
  reason: string | null;
  note: string | null;
  staff_id: string;
  at: number;
  /** The campaign that lifted the suggestion, and the ranking rule that scored it most (null: none known). */
  campaign_id: string | null;
  rule_id: string | null;
  /** A compensating row (migration 0010): the outcome row this one cancels; null for a plain outcome. */
  undoes_id: ColumnType<string | null, string | null | undefined, never>;
}

export interface FollowUpTable {
  id: string;
  customer_id: string;
  ticket_id: string | null;
  product_code: string | null;
  kind: string;
  assignee_id: string;
  due_at: number;
  status: string;
  note: string | null;
  created_by: string;
  created_at: number;
  done_at: number | null;
}

export interface AuditLogTable {
  id: string;
  at: number;
  staff_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  reason: string | null;
  detail: string;
}

export interface SettingsTable {
  version: number;
  config: string;
  created_at: number;
  created_by: string | null;
  note: string | null;
  /** When the version takes effect (epoch ms); null: when saved (0022). */
  effective_at: number | null;
  /** 'local' or 'headoffice' (0024). */
  origin: Generated<string>;
}

/** What the head office last sent per setting (0024). */
export interface SettingsHoBaselineTable {
  path: string;
  value: string;
  ho_versions: string;
  mandatory: number;
  received_at: number;
  settings_version: number | null;
}

export interface ComplaintTable {
  id: string;
  customer_id: string | null;
  ticket_id: string | null;
  category: string;
  description: string;
  status: string;
  deadline_at: number;
  resolution: string | null;
  created_by: string;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
}

export interface ImportRunTable {
  id: string;
  kind: string;
  file_name: string;
  file_sha256: string;
  format: string;
  encoding: string | null;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  stale: number;
  /** JSON: tier counts before/after, tier moves, ignored columns. */
  summary: string;
  staff_id: string | null;
  started_at: number;
  finished_at: number;
}

export interface AumSnapshotTable {
  customer_id: string;
  as_of: number;
  aum_fen: number;
  tier: string;
  import_id: string | null;
}

export interface DisplayTokenTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: number;
  created_by: string | null;
  last_seen_at: number | null;
  revoked_at: number | null;
}

export interface DB {
  feedback_ratings: FeedbackRatingTable;
  feedback_pads: FeedbackPadTable;
  customer_owners: CustomerOwnerTable;
  customer_marks: CustomerMarkTable;
  contacts: ContactTable;
  consent_events: ConsentEventTable;
  prospects: ProspectTable;
  prospect_consents: ProspectConsentTable;
  consent_texts: ConsentTextTable;
  outreach_assignments: OutreachAssignmentTable;
  ticket_facts: TicketFactTable;
  counter_states: CounterStateTable;
  appointments: AppointmentTable;
  api_keys: ApiKeyTable;
  notifications: NotificationTable;
  ho_journal: HoJournalRowTable;
  ho_journal_bulk: HoJournalBulkTable;
  ho_sync_state: HoSyncStateTable;
  outbox: OutboxTable;
  applied_events: AppliedEventTable;
  sync_state: SyncStateTable;
  number_blocks: NumberBlockTable;
  sync_devices: SyncDeviceTable;
  sync_notices: SyncNoticeTable;
  customer_field_clock: CustomerFieldClockTable;
  display_tokens: DisplayTokenTable;
  import_runs: ImportRunTable;
  aum_snapshots: AumSnapshotTable;
  complaints: ComplaintTable;
  branch: BranchTable;
  staff: StaffTable;
  sessions: SessionTable;
  counters: CounterTable;
  customers: CustomerTable;
  cards: CardTable;
  holdings: HoldingTable;
  products: ProductTable;
  tickets: TicketTable;
  ticket_events: TicketEventTable;
  suggestion_outcomes: SuggestionOutcomeTable;
  follow_ups: FollowUpTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  settings_ho_baseline: SettingsHoBaselineTable;
}
