import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  type ConsentChannel,
  type ConsentEvent,
  type ConsentPurpose,
} from '@shared/customer/consent';
import type { ConsentEventTable } from '../schema';

/** Consent events: stored rows → domain values, once, here (enum columns checked against the shared lists). */

function member<T extends string>(values: readonly T[], v: string, what: string, id: string): T {
  if (!(values as readonly string[]).includes(v)) throw new Error(`consent ${id}: unknown ${what} ${v}`);
  return v as T;
}

export function consentFromRow(r: ConsentEventTable): ConsentEvent {
  return {
    id: r.id,
    customerId: r.customer_id,
    purpose: member<ConsentPurpose>(CONSENT_PURPOSES, r.purpose, 'purpose', r.id),
    granted: r.granted === 1,
    scope: r.scope,
    channel: member<ConsentChannel>(CONSENT_CHANNELS, r.channel, 'channel', r.id),
    textVersion: r.text_version,
    signed: r.signed === 1,
    note: r.note,
    staffId: r.staff_id,
    at: r.at,
  };
}

export function consentToRow(e: ConsentEvent): ConsentEventTable {
  return {
    id: e.id,
    customer_id: e.customerId,
    purpose: e.purpose,
    granted: e.granted ? 1 : 0,
    scope: e.scope,
    channel: e.channel,
    text_version: e.textVersion,
    signed: e.signed ? 1 : 0,
    note: e.note,
    staff_id: e.staffId,
    at: e.at,
  };
}
