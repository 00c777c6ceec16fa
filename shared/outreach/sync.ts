import { z } from 'zod';
import { epochMs } from '../api/dates';
import { scrubPii } from '../customer/mask';
import { OUTREACH_RULE_KEYS } from './config';

/**
 * 客户经营 rows as they replicate between the hub and its terminals (shared/sync/payloads.ts): the same bounds as
 * the API, parsed before they reach a table, free text masked again. A contact only appends (its id is the
 * envelope's); an owner row is the customer's whole assignment, the later assignment wins.
 */
const id = z.string().min(1).max(64);
const optId = id.nullable().optional().default(null);
const optText = (max: number) => z.string().max(max).transform(scrubPii).nullable().optional().default(null);

export const contactRow = z.object({
  id,
  customer_id: id,
  staff_id: id,
  at: epochMs(),
  branch_day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  channel: z.string().min(1).max(40),
  result: z.string().min(1).max(40),
  rule: z.enum(OUTREACH_RULE_KEYS).nullable().optional().default(null),
  reason: optText(200),
  note: optText(500),
  next_step: optText(200),
  next_at: epochMs().nullable().optional().default(null),
  churn_reason: z.string().min(1).max(40).nullable().optional().default(null),
  aum_fen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const marksRow = z.object({
  customer_id: id,
  do_not_contact: z.union([z.literal(0), z.literal(1)]),
  high_risk: z.union([z.literal(0), z.literal(1)]),
  note: optText(200),
  updated_by: optId,
  updated_at: epochMs(),
});

export const ownerRow = z.object({
  customer_id: id,
  owner_id: id,
  backup_id: optId,
  source: z.enum(['import', 'manager']),
  assigned_by: optId,
  assigned_at: epochMs(),
});
