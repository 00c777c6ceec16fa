import { z } from 'zod';
import { scrubPii } from '../customer/mask';
import type { CorporateGrade, CustomerKind } from '../customer/enums';
import { triageRequest, type TicketView } from './queue';
import type { TierInfo } from './types';

/** The lobby floor (大堂现场): today's open tickets, a customer's live ticket, and the lobby's ticket actions. */

/** Who holds a ticket, as the lobby manager needs to find them in the hall (no ID, no phone). */
export interface FloorCustomer {
  id: string;
  name: string;
  kind: CustomerKind;
  tier: TierInfo;
  corporateGrade: CorporateGrade | null;
}

export interface FloorTicket extends TicketView {
  /** null for a walk-in (散客). */
  customer: FloorCustomer | null;
  /** Minutes since arrival (the ticket keeps its arrival across requeue, transfer and a change of service). */
  waitedMinutes: number;
  /** Served in the self-service area: the lobby marks it done there, no counter calls it. */
  selfService: boolean;
}

/** GET /api/floor. */
export interface FloorView {
  at: number;
  branchDay: string;
  /** Waiting longest first, then at a counter, parked, no-show. */
  tickets: FloorTicket[];
}

/** GET /api/floor/customers/:id: the tickets the customer still holds today (normally none or one). */
export interface LiveTicketList {
  tickets: TicketView[];
}

const reason = z
  .string()
  .trim()
  .min(2, '请填写原因（至少 2 个字） / give a reason (2 characters or more)')
  .max(200)
  .transform(scrubPii);

/** POST /api/floor/tickets/:id/services: the waiting ticket's services change; triage decides its queue again. */
export const changeServicesRequest = triageRequest.pick({ intents: true, flags: true });

/** A lobby action that must say why (cancel, move). */
export const floorReasonRequest = z.object({ reason });

/** POST /api/floor/tickets/:id/move: to another queue, waiting, with its arrival time. */
export const moveRequest = z.object({ toQueue: z.string().min(1).max(40), reason });
