import type { Allowed, Refusal } from '../refusal';
import { ALLOWED, refuse } from '../refusal';
import type { QueueConfig } from './config';
import type { TicketStatus } from './events';
import type { TicketState } from './machine';

/*
 * The lobby floor (大堂现场): which of today's tickets a customer still holds, the order the lobby manager sees
 * them in, and where a self-service ticket is marked served. Pure; the server passes today's live tickets.
 */

/** A ticket the customer still holds: waiting, at a counter, or parked there. A no-show has left the line. */
export const LIVE_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving', 'held'];

type Holder = Pick<TicketState, 'customerId' | 'status'>;

/** The live tickets of one customer, in the order given. */
export function liveTicketsOf<T extends Holder>(tickets: Iterable<T>, customerId: string): T[] {
  const out: T[] = [];
  for (const t of tickets) if (t.customerId === customerId && LIVE_STATUSES.includes(t.status)) out.push(t);
  return out;
}

/**
 * One customer, one live ticket: a second one is issued only with a reason (the lobby manager says why, e.g. a
 * company's and its owner's business in two queues). A walk-in (no customer) is never refused.
 */
export function checkOneLiveTicket(
  tickets: Iterable<Holder & Pick<TicketState, 'displayNo'>>,
  customerId: string | null,
  secondReason: string | null | undefined,
): Allowed | Refusal<'live_ticket_exists'> {
  if (!customerId || (secondReason && secondReason.trim().length > 0)) return ALLOWED;
  const held = liveTicketsOf(tickets, customerId)[0];
  if (!held) return ALLOWED;
  return refuse(
    'live_ticket_exists',
    `该客户已持有排队号 ${held.displayNo}：请重打凭条或更换业务；确需另取一号，请填写原因`,
    `The customer already holds ticket ${held.displayNo}: reprint it or change its service; to issue a second one, give a reason`,
  );
}

/** Where a ticket stands on the floor: waiting first (longest first), then at a counter, parked, no-show. */
const FLOOR_RANK: Partial<Record<TicketStatus, number>> = {
  waiting: 0,
  called: 1,
  serving: 2,
  held: 3,
  no_show: 4,
};

/** Today's open tickets as the lobby manager sees them: who has waited longest on top. */
export function floorOrder<T extends Pick<TicketState, 'status' | 'arrivedAt' | 'id'>>(
  tickets: Iterable<T>,
): T[] {
  return [...tickets]
    .filter((t) => FLOOR_RANK[t.status] !== undefined)
    .sort(
      (a, b) =>
        (FLOOR_RANK[a.status] as number) - (FLOOR_RANK[b.status] as number) ||
        a.arrivedAt - b.arrivedAt ||
        a.id.localeCompare(b.id),
    );
}

/** Is this queue served in the self-service area (its tickets are closed from the lobby, not called)? */
export function isSelfServiceQueue(config: Pick<QueueConfig, 'queues'>, queue: string): boolean {
  return config.queues.some((q) => q.key === queue && q.channel === 'self');
}

/**
 * The self-service point a self-service ticket is recorded at when the lobby marks it served: a self-service
 * counter serving its queue, an open one first. Null when the branch has none set up.
 */
export function selfServicePoint<C extends { id: string; channel: string; queues: string[]; open: boolean }>(
  counters: readonly C[],
  queue: string,
): C | null {
  const serving = counters.filter((c) => c.channel === 'self' && c.queues.includes(queue));
  return serving.find((c) => c.open) ?? serving[0] ?? null;
}
