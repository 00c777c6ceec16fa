/** Row types of the relationship loop: owners, marks, consent, the contact log, outreach assignments; see schema.ts. */

/** Step 14 (migration 0015-outreach): owners, contact marks, the contact log, outreach assignments. */
export interface CustomerOwnerTable {
  customer_id: string;
  owner_id: string;
  backup_id: string | null;
  /** 'import' | 'manager' */
  source: string;
  assigned_by: string | null;
  assigned_at: number;
}

export interface CustomerMarkTable {
  customer_id: string;
  do_not_contact: number;
  high_risk: number;
  note: string | null;
  updated_by: string | null;
  updated_at: number;
}

/** Step 15: a consent grant or withdrawal recorded at the desk (appended, replicated). */
export interface ConsentEventTable {
  id: string;
  customer_id: string;
  /** shared/customer/consent.ts CONSENT_PURPOSES */
  purpose: string;
  granted: number;
  scope: string;
  channel: string;
  text_version: string;
  signed: number;
  note: string | null;
  staff_id: string;
  at: number;
}

export interface ContactTable {
  id: string;
  customer_id: string;
  staff_id: string;
  at: number;
  branch_day: string;
  channel: string;
  result: string;
  /** The outreach list it was made for (shared/outreach/config.ts rule key), or null. */
  rule: string | null;
  /** The list's reason at the time, in Chinese (kept as it was said). */
  reason: string | null;
  note: string | null;
  next_step: string | null;
  next_at: number | null;
  churn_reason: string | null;
  /** AUM at the contact: the "AUM retained" figure compares it with today's. */
  aum_fen: number;
}

export interface OutreachAssignmentTable {
  customer_id: string;
  assignee_id: string;
  assigned_by: string | null;
  assigned_at: number;
}
