import type { RulesConfig } from '@shared/config/schema';
import type { TicketEvent } from '@shared/queue';
import type { CounterRepo } from '../../db/repos/counters';
import type { CustomerRepo } from '../../db/repos/customers';
import type { AuditRepo } from '../../db/repos/settings';
import type { TicketRepo } from '../../db/repos/tickets';
import type { VisitRepo } from '../../db/repos/visits';

/** Who did it: the staff member (null for a kiosk or replication) on this install's device. */
export interface Actor {
  staffId: string | null;
  deviceId: string;
}

/**
 * Replication as the queue sees it (electron/sync's SyncCore fits): the ticket numbers, which a terminal takes
 * from its own block, and the outbox, which gets each ticket event in the caller's transaction.
 */
export interface QueueOutbox {
  ticketEvent(ev: TicketEvent): string;
  numbers: { next(day: string, queue: string, prefix: string): number };
}

/** How many products the suggestion engine finds suitable for this customer and these intents now. */
export type SuggestionCount = (customerId: string, intents: readonly string[], now: number) => number;

export interface QueueLog {
  warn(obj: object, msg: string): void;
}

/** What the queue's application modules work with; the composition root (electron/server/context) builds it. */
export interface QueueDeps {
  /** One transaction around the event rows and their outbox entries. */
  tx: <T>(fn: () => T) => T;
  tickets: TicketRepo;
  counters: CounterRepo;
  customers: Pick<CustomerRepo, 'get'>;
  visits: Pick<VisitRepo, 'touchVisit' | 'outcomeCountForTicket'>;
  audit: Pick<AuditRepo, 'append'>;
  outbox: QueueOutbox;
  suggestionCount: SuggestionCount;
  /**
   * The counters someone is signed in at now (SessionRepo.staffedCounterIds, cached in AuthCache): only they count
   * for the waits.
   */
  staffedCounters: (now: number) => ReadonlySet<string>;
  /** A staff member's display name (who sent a transfer). */
  staffName: (staffId: string) => string | null;
  /** The profile's imported high-risk mark (customer_marks): the lobby's triage treats it as the highRisk flag. */
  highRisk: (customerId: string) => boolean;
  rules: () => RulesConfig;
  now: () => number;
  log: QueueLog;
  deviceId: string;
}
