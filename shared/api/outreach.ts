import { z } from 'zod';
import { epochMs } from './dates';
import { scrubOptional } from '../customer/mask';
import { CORPORATE_GRADES, SEGMENTS } from '../customer/enums';
import { TIER_KEYS, type TierKey } from '../customer/tier';
import { OUTREACH_RULE_KEYS, type OutreachRuleKey } from '../outreach/config';
import type { ContactFigures } from '../outreach/contact';
import type { OutreachProgress, StaffOutreach } from '../outreach/figures';
import type { Bilingual } from '../outreach/types';
import type { PublicTicket } from './queue';

/** 客户经营 API shapes (Step 14): owners, the RM's book, outreach lists, the contact log. */

const id = z.string().min(1).max(64);
/** Free text is masked (IDs, phones, cards) before it is stored, as everywhere else. */
const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => scrubOptional(s || undefined));

export const ownerAssignRequest = z
  .object({
    /** Either these customers … */
    customerIds: z.array(id).max(5000).optional(),
    /** … or every valuable customer of this tier / segment / corporate grade. */
    tier: z.enum(TIER_KEYS).optional(),
    segment: z.enum(SEGMENTS).optional(),
    corporateGrade: z.enum(CORPORATE_GRADES).optional(),
    /** Bulk by filter takes only unowned customers unless this is set. */
    reassign: z.boolean().optional(),
    ownerId: id,
    backupId: id.nullable().optional(),
  })
  .refine((b) => !!b.customerIds?.length || !!b.tier || !!b.segment || !!b.corporateGrade, {
    message: '请选择客户或按层级/客群批量分配 / choose customers, or a tier or segment',
  })
  .refine((b) => b.backupId !== b.ownerId, {
    message: '备岗客户经理不能与主办相同 / the backup must differ from the owner',
    path: ['backupId'],
  });

export const outreachQuery = z.object({
  /** mine: the caller's (owned + assigned); all: the branch; unassigned: unowned and not assigned. */
  scope: z.enum(['mine', 'all', 'unassigned']).optional(),
  rule: z.enum(OUTREACH_RULE_KEYS).optional(),
  /** The list of this branch day (`YYYY-MM-DD`); default today. */
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  staffId: id.optional(),
});

export const outreachAssignRequest = z.object({
  customerIds: z.array(id).min(1).max(1000),
  assigneeId: id,
});

export const contactRequest = z.object({
  channel: z.string().min(1).max(40),
  result: z.string().min(1).max(40),
  rule: z.enum(OUTREACH_RULE_KEYS).nullable().optional(),
  note: freeText(500),
  nextStep: freeText(200),
  nextAt: epochMs().nullable().optional(),
  churnReason: z.string().min(1).max(40).nullable().optional(),
});

export const marksRequest = z.object({
  doNotContact: z.boolean().optional(),
  highRisk: z.boolean().optional(),
  note: freeText(200),
});

export const figuresQuery = z.object({
  from: epochMs({ coerce: true }).optional(),
  to: epochMs({ coerce: true }).optional(),
});

export const bookQuery = z.object({ staffId: id.optional() });

export interface StaffRef {
  id: string;
  name: string;
}

export interface OwnerView {
  owner: StaffRef;
  backup: StaffRef | null;
  source: 'import' | 'manager';
  assignedAt: number;
}

export interface CustomerMarks {
  doNotContact: boolean;
  highRisk: boolean;
  marketingConsent: boolean;
  note: string | null;
}

export interface ContactView {
  id: string;
  customerId: string;
  staff: StaffRef;
  at: number;
  channel: string;
  result: string;
  rule: OutreachRuleKey | null;
  reason: string | null;
  note: string | null;
  nextStep: string | null;
  nextAt: number | null;
  churnReason: string | null;
}

export interface HitView {
  rule: OutreachRuleKey;
  reason: Bilingual;
  dueAt: number;
  overdue: boolean;
}

/** A customer as the book and the lists show them. */
export interface OutreachCustomerRow {
  customerId: string;
  customerNo: string;
  name: string;
  tier: TierKey;
  tierLabel: Bilingual;
  aumFen: number;
  phoneMasked: string | null;
  owner: StaffRef | null;
  lastContactAt: number | null;
  nextContactAt: number | null;
  openFollowUps: number;
}

export interface BookRow extends OutreachCustomerRow {
  /** The caller's part: owner or backup. */
  role: 'owner' | 'backup';
  hits: HitView[];
}

export interface BookList {
  staff: StaffRef;
  rows: BookRow[];
}

export interface OutreachItem extends OutreachCustomerRow {
  hits: HitView[];
  /** Who works it: the owner, or whom the manager assigned it to. */
  assignee: StaffRef | null;
  dueAt: number;
  overdue: boolean;
  /** Someone logged a contact today: listed as done. */
  contactedToday: StaffRef | null;
}

export interface OutreachList {
  day: string;
  items: OutreachItem[];
}

export interface UnownedList {
  customers: (OutreachCustomerRow & { kind: 'individual' | 'corporate'; corporateGrade: string | null })[];
  total: number;
}

export interface OwnerPanel {
  owner: OwnerView | null;
  valuable: boolean;
  marks: CustomerMarks;
  contacts: ContactView[];
  hits: HitView[];
}

export interface OwnerAssigned {
  assigned: number;
}

/** 移交客户: everything one member of staff holds (owned and backed up) goes to a successor, e.g. an RM who leaves. */
export const ownerHandoverRequest = z.object({ fromId: id, toId: id }).refine((b) => b.fromId !== b.toId, {
  message: '移交对象不能是本人 / hand over to someone else',
  path: ['toId'],
});

/** One member of staff's share of the branch's owned customers. */
export interface OwnerBook {
  staffId: string;
  name: string;
  role: string;
  /** A disabled account still holding customers: nobody works them until they are handed over. */
  active: boolean;
  owned: number;
  backups: number;
  /** Customers nobody owns whose outreach the manager gave them (今日联络名单). */
  assigned: number;
}

export interface OwnerBooks {
  books: OwnerBook[];
}

export interface OwnerHandedOver {
  /** Customers whose owner was `fromId` (now `toId`). */
  owned: number;
  /** Customers `fromId` backed up (now `toId`, or none where `toId` owns them). */
  backups: number;
  /** Outreach assignments moved from `fromId` to `toId`. */
  assigned: number;
}

export interface OutreachFigures extends ContactFigures {
  from: number;
  to: number;
  /** Today's lists, done versus due (the branch's for the manager, their own for an RM), per list and per staff. */
  day: string;
  today: OutreachProgress['today'];
  byStaff: (StaffOutreach & { name: string | null })[];
}

/** My customers in the branch now: identified in the lobby today and not yet done. */
export interface MyArrival {
  ticket: PublicTicket;
  services: string[];
  customer: { id: string; customerNo: string; name: string; tier: TierKey; tierLabel: Bilingual };
  role: 'owner' | 'backup';
}

export interface MyArrivals {
  arrivals: MyArrival[];
}

/** Pushed on /api/alerts to the owner (and backup) the moment their customer is identified in the lobby. */
export interface OwnerAlert extends MyArrival {
  type: 'owner_alert';
  at: number;
}
