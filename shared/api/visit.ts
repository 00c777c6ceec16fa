import { z } from 'zod';
import { epochMs } from './dates';
import type { Role, TierInfo } from './types';
import type { PublicTicket } from './queue';
import type { Bilingual } from '../suggest/text';
import { OUTCOMES } from '../visit/config';
import { MAX_REASON_LENGTH, MIN_REASON_CHARS, meaningfulChars, normaliseReason } from '../customer/reveal';

const id = z.string().min(1).max(64);
const text = z.string().trim().max(500);

export const suggestionsQuery = z.object({
  intents: z
    .string()
    .max(400)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : [])),
  /**
   * The visit being served (Step 15): its own outcomes do not cool their products down yet, so the list the teller
   * is answering stays put until the next visit.
   */
  ticketId: z.string().min(1).max(64).optional(),
});

export const outcomeRequest = z
  .object({
    customerId: id,
    ticketId: id.nullable().optional(),
    productCode: z.string().min(1).max(60),
    outcome: z.enum(OUTCOMES),
    reason: z.string().min(1).max(40).optional(),
    note: text.optional(),
    followUp: z.object({ dueAt: epochMs().optional(), assigneeId: id.optional() }).optional(),
    /** The campaign that lifted the suggestion and the rule that scored it most (reports; learning from outcomes). */
    campaignId: z.string().min(1).max(60).nullable().optional(),
    ruleId: z.string().min(1).max(40).nullable().optional(),
  })
  .refine((o) => o.outcome !== 'declined' || !!o.reason, {
    message: '拒绝须选择原因 / a declined suggestion needs a reason',
    path: ['reason'],
  });

export const followUpPatch = z.object({
  status: z.enum(['done', 'cancelled']),
  note: text.optional(),
});

export const followUpQuery = z.object({
  mine: z.enum(['0', '1']).optional(),
  status: z.enum(['open', 'done', 'cancelled', 'all']).optional(),
  customerId: id.optional(),
});

export const complaintRequest = z.object({
  customerId: id.nullable(),
  ticketId: id.nullable().optional(),
  category: z.string().min(1).max(40),
  description: z.string().trim().min(2).max(2000),
});

export const complaintPatch = z.object({
  status: z.enum(['in_progress', 'resolved']),
  resolution: text.optional(),
});

export const revealRequest = z.object({
  field: z.enum(['id', 'phone']),
  // Checked after normalising: invisible characters and whitespace alone are not a reason.
  reason: z
    .string()
    .max(4 * MAX_REASON_LENGTH)
    .transform(normaliseReason)
    .refine((r) => meaningfulChars(r) >= MIN_REASON_CHARS, '请填写查看原因 / give a reason')
    .refine(
      (r) => r.length <= MAX_REASON_LENGTH,
      `原因最多 ${MAX_REASON_LENGTH} 字 / at most ${MAX_REASON_LENGTH} characters`,
    ),
});

export type RevealField = z.infer<typeof revealRequest>['field'];
export type FollowUpStatus = NonNullable<z.infer<typeof followUpQuery>['status']>;

/** POST /api/customers/:id/reveal: the full value (the request is audited with its reason). */
export interface RevealResult {
  field: RevealField;
  value: string;
}

/** POST /api/outcomes: the outcome's id, and the follow-up an "interested" outcome opened. */
export interface OutcomeRecorded {
  id: string;
  followUpId: string | null;
}

/** POST /api/complaints. */
export interface ComplaintCreated {
  id: string;
  deadlineAt: number;
}

/** A write that answers only that it happened (PATCH of a follow-up or a complaint). */
export interface Done {
  ok: true;
}

export interface FollowUpList {
  followUps: FollowUpView[];
}

export interface ComplaintList {
  complaints: ComplaintView[];
}

export interface AssigneeList {
  assignees: AssigneeView[];
}

export interface OutcomeView {
  id: string;
  productCode: string;
  /** From the current catalogue; null for a code it no longer has. */
  productName: Bilingual | null;
  outcome: (typeof OUTCOMES)[number];
  reason: string | null;
  note: string | null;
  staffId: string;
  /** null when the staff record is not on this machine. */
  staffName: string | null;
  ticketId: string | null;
  at: number;
}

export interface FollowUpView {
  id: string;
  customerId: string;
  customerName: string;
  customerNo: string;
  /** How to reach the customer, masked (138****5678); the full number only through the audited reveal. */
  phoneMasked: string | null;
  productCode: string | null;
  productName: Bilingual | null;
  kind: string;
  assigneeId: string;
  assigneeName: string;
  dueAt: number;
  status: string;
  overdue: boolean;
  note: string | null;
  createdAt: number;
}

export interface ComplaintView {
  id: string;
  customerId: string | null;
  customerName: string | null;
  /** The visit it is about (a satisfaction pad's complaint always names one). */
  ticketId: string | null;
  displayNo: string | null;
  category: string;
  description: string;
  status: string;
  deadlineAt: number;
  overdue: boolean;
  resolution: string | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: number;
  resolvedAt: number | null;
}

export interface VisitView {
  ticketId: string;
  displayNo: string;
  branchDay: string;
  services: string[];
  status: string;
  arrivedAt: number;
  finishedAt: number | null;
}

export interface CustomerActivity {
  followUps: FollowUpView[];
  complaints: ComplaintView[];
  visits: VisitView[];
  outcomes: OutcomeView[];
}

/** Staff a follow-up can be given to. */
export interface AssigneeView {
  id: string;
  displayName: string;
  role: Role;
}

/** One of today's VIP-room tickets, with who it is for (staff only; the lobby TV never sees this). */
export interface VipTicketView {
  ticket: PublicTicket;
  services: string[];
  customer: {
    id: string;
    customerNo: string;
    name: string;
    tier: TierInfo;
    linkedName: string | null;
  } | null;
}

export interface VipToday {
  branchDay: string;
  tickets: VipTicketView[];
}
