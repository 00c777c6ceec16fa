import type { CorporateGrade, CustomerKind, Segment } from '../customer/enums';
import type { TierKey } from '../customer/tier';
import type { Bilingual, Channel } from './channel';

/** What the lobby manager knows about the visitor; null for an anonymous walk-in. */
export interface TriageCustomer {
  kind: CustomerKind;
  tier: TierKey;
  segments: Segment[];
  /** Calendar date `YYYY-MM-DD`; the engine derives `elderly` from it with the branch's timezone. */
  birthDate: string | null;
  corporateGrade: CorporateGrade | null;
  /** From the profile (e.g. an AML flag); the same as ticking the highRisk flag. */
  highRisk?: boolean;
}

export interface TriageFlags {
  elderly?: boolean;
  disability?: boolean;
  pregnant?: boolean;
  withChild?: boolean;
  needsHelp?: boolean;
  highRisk?: boolean;
}

/** A counter, VIP-room desk or self-service assistant station. */
export interface ServicePoint {
  id: string;
  channel: Channel;
  open: boolean;
  /**
   * Someone is signed in at it (the wait estimate's "staffed"). A channel of the config's `staffedChannels` is
   * available only through a staffed point; absent means not known (a staffing simulation) and counts as staffed.
   */
  staffed?: boolean;
  /** Queue keys it calls from; empty means the queue of its own channel. */
  queues: string[];
}

export interface BranchState {
  counters: ServicePoint[];
  vipRoom: { capacity: number; /** in service + waiting */ load: number };
  selfServiceUp: boolean;
  /** Waiting tickets per queue key, shown with the alternatives. */
  waiting?: Record<string, number>;
}

export interface TriageInput {
  customer: TriageCustomer | null;
  /** Intent keys of the triage config; at least one. */
  intents: string[];
  flags: TriageFlags;
  branch: BranchState;
}

export interface TriageContext {
  /** Customer config `elderlyAge`. */
  elderlyAge: number;
  /** The branch's IANA timezone (for the age on today's calendar date). */
  timeZone: string;
  /** Epoch ms. */
  now: number;
}

export interface TriageReason extends Bilingual {
  /** A rule id of the config, or one of the engine's own: `default`, `unavailable:<channel>`, `split-visit`, `unknown-intent`, `no-service-point`. */
  ruleId: string;
}

export interface TriageAlternative {
  channel: Channel;
  queue: string;
  /** The customer could be sent there now (the intents allow it, no rule forbids it, it has an open service point). */
  available: boolean;
  whyNot: Bilingual;
  /** Tickets waiting in that queue, when the branch state gave it. */
  waiting?: number;
}

export interface TriageDecision {
  channel: Channel;
  /** Queue key the ticket is issued in. */
  queue: string;
  /** Priority class level (config `priorities`). */
  priority: number;
  /** Why, in order; never empty. */
  reasons: TriageReason[];
  /** Every other configured channel, with why it was not chosen. */
  alternatives: TriageAlternative[];
  /** A lobby staff member should accompany or help. */
  care: boolean;
  /** Stricter review at the counter (high risk). */
  review: boolean;
  /**
   * false only when no permitted channel has an open service point: the channel is then the best permitted one,
   * `care` is true and a `no-service-point` reason tells the lobby manager to step in.
   */
  available: boolean;
  /** Intents that cannot be done at the chosen channel (a visit whose intents no single channel can serve). */
  pending: string[];
  /** Ids of the config rules whose conditions matched, in order. */
  matchedRules: string[];
  /** Derived facts, for display. */
  facts: { elderly: boolean; highRisk: boolean };
}
