import { z } from 'zod';
import { epochMs } from '../api/dates';
import { scrubPii } from './mask';

/**
 * Consent at the desk (Step 15; seed 003 "明确数据使用的目的和范围，获取客户的同意"; PIPL). Each grant or withdrawal is
 * an event, appended and replicated, never edited; what stands per purpose is the latest event (by time, then id,
 * so every copy that holds the same events agrees). Without a desk event, marketing falls back to the imported
 * flag, suggestions are allowed (the service relationship), corporate sharing is not given.
 */

export const CONSENT_PURPOSES = ['marketing', 'suggestions', 'corporate_sharing'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_CHANNELS = ['counter', 'pad'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Scope keys: which channels/data a grant covers (the words are in the consent settings). */
export const consentScopeSchema = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** One grant or withdrawal as stored and replicated. */
export interface ConsentEvent {
  id: string;
  customerId: string;
  purpose: ConsentPurpose;
  granted: boolean;
  scope: string;
  channel: ConsentChannel;
  /** The version of the text the customer read. */
  textVersion: string;
  /** Signed on the pad (Step 13) when one was there. */
  signed: boolean;
  note: string | null;
  staffId: string;
  at: number;
}

export type ConsentSource = 'desk' | 'import' | 'default';

export interface ConsentState {
  purpose: ConsentPurpose;
  granted: boolean;
  source: ConsentSource;
  /** The event that stands (desk only). */
  event: ConsentEvent | null;
}

export type EffectiveConsent = Record<ConsentPurpose, ConsentState>;

function later(a: ConsentEvent, b: ConsentEvent): boolean {
  return a.at !== b.at ? a.at > b.at : a.id > b.id;
}

/** What stands per purpose, from the desk events (any order) and the imported marketing flag. */
export function effectiveConsent(
  events: readonly ConsentEvent[],
  imported: { marketing: boolean },
): EffectiveConsent {
  const latest = new Map<ConsentPurpose, ConsentEvent>();
  for (const e of events) {
    const seen = latest.get(e.purpose);
    if (!seen || later(e, seen)) latest.set(e.purpose, e);
  }
  const state = (purpose: ConsentPurpose, fallback: boolean, source: ConsentSource): ConsentState => {
    const e = latest.get(purpose);
    return e
      ? { purpose, granted: e.granted, source: 'desk', event: e }
      : { purpose, granted: fallback, source, event: null };
  };
  return {
    marketing: state('marketing', imported.marketing, 'import'),
    suggestions: state('suggestions', true, 'default'),
    corporate_sharing: state('corporate_sharing', false, 'default'),
  };
}

/** POST /api/customers/:id/consent: a grant or withdrawal recorded with the customer present. */
export const consentRequest = z
  .object({
    purpose: z.enum(CONSENT_PURPOSES),
    granted: z.boolean(),
    scope: consentScopeSchema,
    channel: z.enum(CONSENT_CHANNELS),
    /** The customer read this version of the text (it must be the one in force). */
    textVersion: z.string().min(1).max(40),
    signed: z.boolean().optional().default(false),
    note: z.string().max(200).transform(scrubPii).optional(),
  })
  .strict();
export type ConsentRequest = z.input<typeof consentRequest>;

/** A consent event as it replicates (the `consent` envelope's row), bounded like the API, note masked again. */
export const consentRow = z.object({
  id: z.string().min(1).max(64),
  customer_id: z.string().min(1).max(64),
  purpose: z.enum(CONSENT_PURPOSES),
  granted: z.union([z.literal(0), z.literal(1)]),
  scope: consentScopeSchema,
  channel: z.enum(CONSENT_CHANNELS),
  text_version: z.string().min(1).max(40),
  signed: z.union([z.literal(0), z.literal(1)]),
  note: z.string().max(200).transform(scrubPii).nullable().optional().default(null),
  staff_id: z.string().min(1).max(64),
  at: epochMs(),
});

/** The profile's consent panel: what stands per purpose and the history, newest first. */
export interface ConsentView {
  purposes: (ConsentState & { staffName: string | null })[];
  history: (ConsentEvent & { staffName: string | null })[];
}
