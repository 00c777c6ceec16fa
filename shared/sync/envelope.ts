import { z } from 'zod';

/**
 * One replicated change. Terminals append these to their outbox in the same transaction as the change; the hub
 * applies them idempotently (by `id`) and forwards its journal to the head office in the same shape.
 *
 * `hlc` is a hybrid logical clock stamp "<wall ms, 13 digits>:<counter, 4 hex digits>:<deviceId>" so that plain
 * string comparison gives the causal order used for last-writer-wins and for replay.
 */
export const syncEventKinds = [
  'ticket_event',
  'suggestion_outcome',
  'follow_up',
  'follow_up_done',
  'complaint',
  'complaint_resolved',
  'profile_update',
  'audit',
  'feedback_rating',
  /** 客户经营: a logged contact (appended), a customer's owner assignment (the later one wins). */
  'contact',
  'owner',
  /** A customer's contact marks (do-not-contact, high risk): the whole row, the later change wins. */
  'marks',
  /** Step 15: a consent grant or withdrawal recorded at the desk (appended once under its own id). */
  'consent',
  /**
   * Step 15: a walk-in prospect or its consent, journalled to the head office only (prospects live at the hub and
   * never replicate to terminals: a terminal's payload of this kind is refused).
   */
  'prospect',
  /** A booking made or cancelled (shared/appointments/sync.ts); its check-in travels as the ticket's issue. */
  'appointment',
  /**
   * Step 11: a customer's balance snapshot (number, date, tier, AUM) and a staff member's name and role, journalled
   * to the head office only (its tier migration matrix and per-staff names); never replicated to terminals.
   */
  'balance_snapshot',
  'staff',
] as const;
export type SyncEventKind = (typeof syncEventKinds)[number];

export const hlcPattern = /^\d{13}:[0-9a-f]{4}:[A-Za-z0-9_.-]{1,64}$/;

export const syncEnvelope = z.object({
  id: z.string().min(16).max(64),
  deviceId: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  branchCode: z.string().min(1).max(32),
  hlc: z.string().regex(hlcPattern),
  kind: z.enum(syncEventKinds),
  /** The row the event is about (ticket id, customer id, follow-up id …). */
  entityId: z.string().min(1).max(64),
  payload: z.record(z.string(), z.unknown()),
});
export type SyncEnvelope = z.infer<typeof syncEnvelope>;

export const syncBatch = z.object({ events: z.array(syncEnvelope).max(5000) });
export type SyncBatch = z.infer<typeof syncBatch>;
