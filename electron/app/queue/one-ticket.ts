import { refusal } from '@shared/api/errors';
import { checkOneLiveTicket } from '@shared/queue/floor';
import type { TicketState } from '@shared/queue';
import type { QueueDeps } from './deps';

/**
 * One customer, one live ticket (shared/queue/floor.ts): refuses (409) before anything is written, unless a reason
 * for a second ticket was given. Returns what to do once the ticket is issued: audit that reason.
 */
export function mustBeOnlyLiveTicket(
  audit: QueueDeps['audit'],
  today: readonly TicketState[],
  input: { customerId: string | null; secondReason?: string | undefined },
  staffId: string | null,
): (ticketId: string, at: number) => void {
  const { customerId, secondReason } = input;
  const one = checkOneLiveTicket(today, customerId, secondReason);
  if (!one.ok) throw refusal(409, one);
  return (ticketId, at) => {
    if (!secondReason) return;
    audit.append({
      at,
      staffId,
      action: 'ticket.second',
      targetType: 'ticket',
      targetId: ticketId,
      reason: secondReason,
    });
  };
}
