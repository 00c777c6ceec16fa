/** Step 13 tables (migration 0014-feedback), joined into `DB` in schema.ts. */

export interface FeedbackRatingTable {
  id: string;
  ticket_id: string;
  counter_id: string | null;
  staff_id: string | null;
  /** JSON list of intent keys. */
  services: string;
  /** very_satisfied | satisfied | neutral | dissatisfied | none (未评价). */
  answer: string;
  /** JSON object: dimension key → 'good' | 'poor'. */
  dimensions: string;
  /** pad | survey | timeout. */
  channel: string;
  branch_day: string;
  finished_at: number;
  at: number;
  /** The escalation rule that fired, if any. */
  escalation: string | null;
  complaint_id: string | null;
  follow_up_id: string | null;
}

export interface FeedbackPadTable {
  id: string;
  counter_id: string;
  name: string;
  token_hash: string;
  created_at: number;
  created_by: string | null;
  last_seen_at: number | null;
  revoked_at: number | null;
}
