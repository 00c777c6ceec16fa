import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  type ConsentChannel,
  type ConsentPurpose,
} from '@shared/customer/consent';
import { PROSPECT_STATUSES, type ProspectStatus } from '@shared/prospect/rules';
import type { ProspectConsentTable, ProspectTable } from '../schema-prospects';

/** Prospects and their consents: stored rows → domain values, once, here (enum columns checked). */

function member<T extends string>(values: readonly T[], v: string, what: string, id: string): T {
  if (!(values as readonly string[]).includes(v)) throw new Error(`prospect ${id}: unknown ${what} ${v}`);
  return v as T;
}

export interface Prospect {
  id: string;
  name: string;
  phoneHash: string | null;
  phoneMasked: string | null;
  phoneEnc: string | null;
  intent: string | null;
  note: string | null;
  assigneeId: string | null;
  dueAt: number;
  status: ProspectStatus;
  customerId: string | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
}

export interface ProspectConsent {
  id: string;
  prospectId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  scope: string;
  channel: ConsentChannel;
  textVersion: string;
  staffId: string;
  at: number;
}

export function prospectFromRow(r: ProspectTable): Prospect {
  return {
    id: r.id,
    name: r.name,
    phoneHash: r.phone_hash,
    phoneMasked: r.phone_masked,
    phoneEnc: r.phone_enc,
    intent: r.intent,
    note: r.note,
    assigneeId: r.assignee_id,
    dueAt: r.due_at,
    status: member(PROSPECT_STATUSES, r.status, 'status', r.id),
    customerId: r.customer_id,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
  };
}

export function prospectToRow(p: Prospect): ProspectTable {
  return {
    id: p.id,
    name: p.name,
    phone_hash: p.phoneHash,
    phone_masked: p.phoneMasked,
    phone_enc: p.phoneEnc,
    intent: p.intent,
    note: p.note,
    assignee_id: p.assigneeId,
    due_at: p.dueAt,
    status: p.status,
    customer_id: p.customerId,
    created_by: p.createdBy,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: p.closedAt,
  };
}

export function prospectConsentFromRow(r: ProspectConsentTable): ProspectConsent {
  return {
    id: r.id,
    prospectId: r.prospect_id,
    purpose: member(CONSENT_PURPOSES, r.purpose, 'purpose', r.id),
    granted: r.granted === 1,
    scope: r.scope,
    channel: member(CONSENT_CHANNELS, r.channel, 'channel', r.id),
    textVersion: r.text_version,
    staffId: r.staff_id,
    at: r.at,
  };
}

export function prospectConsentToRow(e: ProspectConsent): ProspectConsentTable {
  return {
    id: e.id,
    prospect_id: e.prospectId,
    purpose: e.purpose,
    granted: e.granted ? 1 : 0,
    scope: e.scope,
    channel: e.channel,
    text_version: e.textVersion,
    staff_id: e.staffId,
    at: e.at,
  };
}
