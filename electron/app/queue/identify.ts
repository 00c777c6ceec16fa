import { checkIdentify } from '@shared/queue';
import { ApiError, refusal } from '@shared/api/errors';
import type { TicketView } from '@shared/api/queue';
import type { QueueDeps } from './deps';
import type { CounterCaller } from './ownership';
import type { QueueApp } from './tickets';

/**
 * 柜台识别客户: an anonymous walk-in identified at the counter during the visit (e.g. after opening an account).
 * The ticket gets the customer through an `identify` event, so it is journalled, replicated to the hub, the
 * terminals and the head office like every ticket event, and the outcomes recorded from then on are the
 * customer's. Audited whether it is done or refused (a refused attach may be a teller picking the wrong person).
 */
export class IdentifyApp {
  constructor(
    private readonly d: QueueDeps,
    private readonly queue: QueueApp,
  ) {}

  identify(
    ticketId: string,
    customerId: string,
    counterId: string | null,
    caller: CounterCaller,
  ): TicketView {
    const now = this.d.now();
    this.queue.board.ensureDay(now);
    const t = this.queue.board.get(ticketId) ?? this.d.tickets.get(ticketId);
    if (!t) throw new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');
    if (!this.d.customers.get(customerId))
      throw new ApiError(404, 'customer_not_found', '客户不存在', 'No such customer');
    const audit = (action: string, detail: Record<string, unknown>) =>
      this.d.audit.append({
        at: now,
        staffId: caller.id,
        action,
        targetType: 'ticket',
        targetId: ticketId,
        detail: { displayNo: t.displayNo, customerId, counterId, ...detail },
      });
    const may = checkIdentify(t, counterId);
    if (!may.ok) {
      audit('ticket.identify_refused', { code: may.code, ticketCustomerId: t.customerId });
      throw refusal(409, may);
    }
    const view = this.queue.act(ticketId, 'identify', { customerId }, counterId, caller);
    this.d.visits.touchVisit(customerId, now);
    audit('ticket.identify', {});
    return view;
  }
}
