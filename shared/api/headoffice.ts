import { z } from 'zod';
import { epochMs } from './dates';
import { campaignSchema, type Campaign } from '../suggest/campaigns';
import { syncBatch } from '../sync/envelope';

/**
 * The head-office API (role `headoffice`), shared by its server and the branch hub's uploader.
 * A branch authenticates with its branch key: `Authorization: Bearer hok.<keyId>.<secret>`.
 * Pushes use the replication envelope of shared/sync/envelope.ts (`syncBatch`).
 */

export interface HoPushResult {
  accepted: number;
  duplicates: number;
  /** What the head office holds from this branch after the push. */
  cursor: { hlc: string | null; events: number };
}

/** A push: a batch of journal envelopes (validated after the branch key). */
export const hoPushBody = syncBatch;

/** The admin report's range (epoch ms); both ends optional. */
export const hoReportQuery = z.object({
  from: epochMs({ min: 0, coerce: true }).optional(),
  to: epochMs({ min: 0, coerce: true }).optional(),
});

export const hoSnapshotQuery = z.object({
  branch: z.string().min(1).max(32),
  /** The `upTo` of the last snapshot this branch applied completely; 0 = everything. */
  since: epochMs({ min: 0, coerce: true }).default(0),
  /** `nextCursor` of the previous page of the same pull. */
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});
export type HoSnapshotQuery = z.infer<typeof hoSnapshotQuery>;

export interface HoCardRow {
  cardHash: string;
  cardMasked: string;
  cardEnc: string | null;
}

export interface HoHoldingRow {
  id: string;
  productType: string;
  productCode: string | null;
  balanceFen: number;
  asOf: number;
}

/** A customer with all its cards and balances: a branch replaces both sets on apply. */
export interface HoCustomerRow {
  id: string;
  customerNo: string;
  kind: string;
  corporateType: string | null;
  name: string;
  idHash: string | null;
  idMasked: string | null;
  idEnc: string | null;
  creditCode: string | null;
  phoneHash: string | null;
  phoneMasked: string | null;
  phoneEnc: string | null;
  birthDate: string | null;
  gender: string | null;
  segments: string;
  lifecycle: string;
  relationshipType: string;
  corporateGrade: string | null;
  riskLevel: number | null;
  riskAssessedAt: number | null;
  marketingConsent: number;
  linkedCustomerNo: string | null;
  aumFen: number;
  tier: string;
  lastVisitAt: number | null;
  lastTxnAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** Which PII key made the hashes and ciphertexts; a branch with another key keeps only the masks. */
  piiKeyId: string | null;
  cards: HoCardRow[];
  holdings: HoHoldingRow[];
}

export interface HoProductRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  type: string;
  riskLevel: number | null;
  spec: string;
  active: number;
  updatedAt: number;
}

export interface HoCampaignRow {
  id: string;
  active: boolean;
  campaign: Campaign;
}

/** Sections of a RulesConfig the head office may set; the `branch` section always stays local. */
export const HO_SETTINGS_SECTIONS = ['customer', 'suggest', 'triage', 'queue', 'visit'] as const;
export type HoSettingsSection = (typeof HO_SETTINGS_SECTIONS)[number];

export interface HoSettingsRow {
  /** Head-office version numbers this config is made of (global, then the branch's own). */
  versions: number[];
  config: Partial<Record<HoSettingsSection, unknown>>;
  note: string | null;
  /** Sections the head office made mandatory: they replace a branch's local override (ho-overrides.ts). */
  mandatory?: HoSettingsSection[];
}

export type HoSnapshotSection = 'customers' | 'products' | 'campaigns' | 'settings';

/**
 * One page of a snapshot pull. Pages run through the sections in order; keep calling with
 * `nextCursor` until it is null, then remember `upTo` as the next pull's `since`.
 */
export interface HoSnapshotPage {
  since: number;
  upTo: number;
  section: HoSnapshotSection;
  customers: HoCustomerRow[];
  products: HoProductRow[];
  campaigns: HoCampaignRow[];
  settings: HoSettingsRow | null;
  nextCursor: string | null;
}

export const hoCampaignRowSchema = z.object({
  id: z.string(),
  active: z.boolean(),
  campaign: campaignSchema,
});

export interface HoBranchSummary {
  code: string;
  name: string;
  lastPushAt: number | null;
  lastPullAt: number | null;
  lastHlc: string | null;
  events: number;
  duplicates: number;
  pushes: number;
  byKind: Record<string, number>;
  customers: number;
}

export interface HoBranches {
  branches: HoBranchSummary[];
}

/** Cross-branch totals (the head office's report). */
export interface HoReport {
  branches: {
    code: string;
    ticketsIssued: number;
    ticketsDone: number;
    outcomes: Record<string, number>;
    followUps: number;
    complaints: number;
  }[];
  totals: { ticketsIssued: number; ticketsDone: number; outcomes: Record<string, number> };
}
