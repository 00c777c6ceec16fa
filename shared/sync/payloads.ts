import { z } from 'zod';
import { consentRow } from '../customer/consent';
import { epochMs } from '../api/dates';
import { jsonLimitError } from '../api/limits';
import { CORPORATE_GRADES, LIFECYCLES, RELATIONSHIP_TYPES, RISK_LEVELS, SEGMENTS } from '../customer/enums';
import { scrubPii } from '../customer/mask';
import { payloadSchemas, ticketEventSchema } from '../queue/events';
import { OUTCOMES } from '../visit/config';
import { feedbackRatingRow } from '../feedback/sync';
import { contactRow, marksRow, ownerRow } from '../outreach/sync';
import { appointmentRow } from '../appointments/sync';
import type { SyncEventKind } from './envelope';

/**
 * What each kind of replicated event may carry. An enrolled terminal is a machine on the branch LAN, not a person
 * the API checked: the hub parses every pushed payload with these (the same bounds as the API's inputs) and keeps
 * only the parsed result, so a malformed row, an unknown column or a date `Date` cannot hold never reaches the
 * tables, the journal or the head office. Free text is masked like the API masks it.
 */

const id = z.string().min(1).max(64);
const optId = id.nullable().optional().default(null);
const at = epochMs();
const optAt = epochMs().nullable().optional().default(null);
const text = (max: number) => z.string().max(max).transform(scrubPii);
const optText = (max: number) => text(max).nullable().optional().default(null);

const outcomeRow = z.object({
  id,
  ticket_id: optId,
  customer_id: id,
  product_code: z.string().min(1).max(60),
  outcome: z.enum(OUTCOMES),
  reason: z.string().min(1).max(40).nullable().optional().default(null),
  note: optText(500),
  staff_id: id,
  at,
  campaign_id: z.string().min(1).max(60).nullable().optional().default(null),
  rule_id: z.string().min(1).max(40).nullable().optional().default(null),
  /** A compensating row (an undone key press) names the outcome it cancels. */
  undoes_id: optId,
});

const followUpRow = z.object({
  id,
  customer_id: id,
  ticket_id: optId,
  product_code: z.string().min(1).max(60).nullable().optional().default(null),
  kind: z.string().min(1).max(40),
  assignee_id: id,
  due_at: at,
  status: z.enum(['open', 'done', 'cancelled']),
  note: optText(500),
  created_by: id,
  created_at: at,
  done_at: optAt,
});

const complaintRow = z.object({
  id,
  customer_id: optId,
  ticket_id: optId,
  category: z.string().min(1).max(40),
  description: text(2000),
  status: z.enum(['open', 'in_progress', 'resolved']),
  deadline_at: at,
  resolution: optText(500),
  created_by: id,
  created_at: at,
  resolved_at: optAt,
  resolved_by: optId,
});

/** A JSON text that parses to an object (audit `detail`), within the JSON limits. */
const jsonObjectText = z
  .string()
  .max(8000)
  .refine((s) => {
    try {
      const v: unknown = JSON.parse(s);
      return !!v && typeof v === 'object' && !Array.isArray(v) && jsonLimitError(v) === null;
    } catch {
      return false;
    }
  }, 'detail is not a JSON object');

const auditRow = z.object({
  id: z.string().min(16).max(64),
  at,
  staff_id: id.nullable(),
  // `sync.*` rows are the hub's own (enrollment, merges): a terminal cannot write them.
  action: z
    .string()
    .regex(/^[a-z0-9_.]{1,60}$/)
    .refine((a) => !a.startsWith('sync.'), 'sync.* actions are the hub’s'),
  target_type: z.string().max(40).nullable().optional().default(null),
  target_id: optId,
  reason: optText(500),
  detail: jsonObjectText.default('{}'),
});

const segmentsText = z
  .string()
  .max(200)
  .refine((s) => {
    try {
      return z.array(z.enum(SEGMENTS)).max(SEGMENTS.length).safeParse(JSON.parse(s)).success;
    } catch {
      return false;
    }
  }, 'segments is not a JSON list of segments');

/** Profile fields a replicated change may set (PROFILE_FIELDS), as they are stored. */
export const profileFields = z
  .object({
    marketing_consent: z.union([z.literal(0), z.literal(1)]),
    risk_level: z
      .number()
      .int()
      .refine((n) => (RISK_LEVELS as readonly number[]).includes(n))
      .nullable(),
    risk_assessed_at: epochMs().nullable(),
    segments: segmentsText,
    relationship_type: z.enum(RELATIONSHIP_TYPES),
    corporate_grade: z.enum(CORPORATE_GRADES).nullable(),
    gender: z.enum(['M', 'F']).nullable(),
    // Year and month only: a full birth date beside the masked ID gives the whole number back.
    birth_month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .nullable(),
    lifecycle: z.enum(LIFECYCLES),
  })
  .partial()
  .strict()
  .refine((f) => Object.keys(f).length > 0, 'no fields');

/** A ticket event: the envelope of the machine's event, its payload parsed by its type's schema. */
const ticketEvent = ticketEventSchema.transform((ev, ctx) => {
  const r = payloadSchemas[ev.type].safeParse(ev.payload);
  if (!r.success) {
    for (const i of r.error.issues)
      ctx.addIssue({ code: 'custom', message: i.message, path: ['payload', ...i.path] });
    return z.NEVER;
  }
  const payload: Record<string, unknown> = { ...r.data };
  if (typeof payload.reason === 'string') payload.reason = scrubPii(payload.reason);
  return { ...ev, payload };
});

const row = <T extends z.ZodType>(schema: T) => z.object({ row: schema });

export const eventPayloadSchemas = {
  ticket_event: ticketEvent,
  suggestion_outcome: row(outcomeRow),
  follow_up: row(followUpRow),
  follow_up_done: row(followUpRow),
  complaint: row(complaintRow),
  complaint_resolved: row(complaintRow),
  profile_update: z.object({ fields: profileFields, staffId: id.nullable().optional().default(null) }),
  audit: row(auditRow),
  feedback_rating: row(feedbackRatingRow),
  contact: row(contactRow),
  owner: row(ownerRow),
  marks: row(marksRow),
  consent: row(consentRow),
  prospect: z.never(),
  appointment: row(appointmentRow),
  balance_snapshot: z.never(),
  staff: z.never(),
} as const satisfies Record<SyncEventKind, z.ZodType>;

export type ParsedPayload = { ok: true; payload: Record<string, unknown> } | { ok: false; error: string };

/** A pushed or pulled payload, parsed; the depth and size are checked before anything walks it. */
export function parseEventPayload(kind: SyncEventKind, payload: unknown): ParsedPayload {
  const why = jsonLimitError(payload, { depth: 8, bytes: 256 * 1024 });
  if (why) return { ok: false, error: `payload ${why}` };
  const r = eventPayloadSchemas[kind].safeParse(payload);
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
    return { ok: false, error: `invalid ${kind}: ${detail}` };
  }
  return { ok: true, payload: r.data as Record<string, unknown> };
}
