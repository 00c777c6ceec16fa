import {
  CORPORATE_GRADES,
  CUSTOMER_KINDS,
  LIFECYCLES,
  RELATIONSHIP_TYPES,
  type CorporateGrade,
  type CustomerKind,
  type Lifecycle,
  type RelationshipType,
} from '@shared/customer/enums';
import { OUTREACH_RULE_KEYS, type OutreachRuleKey } from '@shared/outreach/config';
import type { ContactTable, CustomerTable } from '../schema';

/** Step 14 rows → domain values: owners, the customers the lists read, contacts. */

export interface StaffRef {
  id: string;
  name: string;
}

export interface OwnerRecord {
  customerId: string;
  owner: StaffRef;
  backup: StaffRef | null;
  source: 'import' | 'manager';
  assignedAt: number;
}

/** An owner row joined with its staff's names. */
export interface OwnerRow {
  customer_id: string;
  owner_id: string;
  owner_name: string;
  backup_id: string | null;
  backup_name: string | null;
  source: string;
  assigned_at: number;
}

export function ownerFromRow(r: OwnerRow): OwnerRecord {
  return {
    customerId: r.customer_id,
    owner: { id: r.owner_id, name: r.owner_name },
    backup: r.backup_id ? { id: r.backup_id, name: r.backup_name ?? r.backup_id } : null,
    source: r.source === 'import' ? 'import' : 'manager',
    assignedAt: r.assigned_at,
  };
}

/** What the lists and the book read of a customer. */
export interface OutreachBase {
  id: string;
  customerNo: string;
  kind: CustomerKind;
  name: string;
  phoneMasked: string | null;
  aumFen: number;
  lifecycle: Lifecycle;
  relationshipType: RelationshipType;
  corporateGrade: CorporateGrade | null;
  birthMonth: string | null;
  marketingConsent: boolean;
  createdAt: number;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
}

export interface ContactRecord {
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

function oneOf<T extends string>(values: readonly T[], v: string, what: string, id: string): T {
  const found = values.find((x) => x === v);
  if (found === undefined) throw new Error(`customer ${id}: unknown ${what} ${JSON.stringify(v)}`);
  return found;
}

export type OutreachBaseRow = Pick<
  CustomerTable,
  | 'id'
  | 'customer_no'
  | 'kind'
  | 'name'
  | 'phone_masked'
  | 'aum_fen'
  | 'lifecycle'
  | 'relationship_type'
  | 'corporate_grade'
  | 'birth_month'
  | 'marketing_consent'
  | 'created_at'
  | 'last_visit_at'
  | 'last_txn_at'
>;

export function outreachBaseFromRow(r: OutreachBaseRow): OutreachBase {
  return {
    id: r.id,
    customerNo: r.customer_no,
    kind: oneOf(CUSTOMER_KINDS, r.kind, 'kind', r.id),
    name: r.name,
    phoneMasked: r.phone_masked,
    aumFen: r.aum_fen,
    lifecycle: oneOf(LIFECYCLES, r.lifecycle, 'lifecycle', r.id),
    relationshipType: oneOf(RELATIONSHIP_TYPES, r.relationship_type, 'relationship type', r.id),
    corporateGrade: r.corporate_grade ? oneOf(CORPORATE_GRADES, r.corporate_grade, 'grade', r.id) : null,
    birthMonth: r.birth_month,
    marketingConsent: r.marketing_consent === 1,
    createdAt: r.created_at,
    lastVisitAt: r.last_visit_at,
    lastTxnAt: r.last_txn_at,
  };
}

/** A stored list key, checked against the vocabulary (an unknown one, e.g. from a newer version, reads as none). */
export function ruleKeyOf(v: string | null): OutreachRuleKey | null {
  return OUTREACH_RULE_KEYS.find((k) => k === v) ?? null;
}

export function contactFromRow(r: ContactTable & { staff_name: string }): ContactRecord {
  return {
    id: r.id,
    customerId: r.customer_id,
    staff: { id: r.staff_id, name: r.staff_name },
    at: r.at,
    channel: r.channel,
    result: r.result,
    rule: ruleKeyOf(r.rule),
    reason: r.reason,
    note: r.note,
    nextStep: r.next_step,
    nextAt: r.next_at,
    churnReason: r.churn_reason,
  };
}
