/** Step 15 tables of migration 0023-prospects, joined into `DB` in schema.ts. */

/** A walk-in who left a name and phone with consent (shared/prospect). The phone like a customer's: hash, mask, enc. */
export interface ProspectTable {
  id: string;
  name: string;
  phone_hash: string | null;
  phone_masked: string | null;
  phone_enc: string | null;
  /** The intent key the walk-in came for (triage intents). */
  intent: string | null;
  note: string | null;
  assignee_id: string | null;
  due_at: number;
  /** shared/prospect/rules.ts PROSPECT_STATUSES */
  status: string;
  customer_id: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

export interface ProspectConsentTable {
  id: string;
  prospect_id: string;
  purpose: string;
  granted: number;
  scope: string;
  channel: string;
  text_version: string;
  staff_id: string;
  at: number;
}

/** The words of a consent text version as first used at this branch. */
export interface ConsentTextTable {
  version: string;
  purpose: string;
  title_zh: string;
  title_en: string;
  text_zh: string;
  text_en: string;
  first_used_at: number;
}
