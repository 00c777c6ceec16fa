import { queueDef, type TicketEvent, type TicketState } from '@shared/queue';
import { floorOrder, isSelfServiceQueue, liveTicketsOf, selfServicePoint } from '@shared/queue/floor';
import { tierInfo } from '@shared/customer/tier-info';
import { ApiError } from '@shared/api/errors';
import type { FloorCustomer, FloorTicket, FloorView, LiveTicketList } from '@shared/api/floor';
import type { IssueResult, TicketView } from '@shared/api/queue';
import type { TriageFlags } from '@shared/triage';
import { newId } from '../../db/ids';
import type { QueueDeps } from './deps';
import type { QueueApp } from './tickets';

const MINUTE = 60_000;
const ticketNotFound = () => new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');

/**
 * 大堂现场: the lobby manager's view of today's open tickets and what the lobby does with them: reprint, change of
 * service, cancel, move to another queue, and "served at self-service" (a self-service ticket is never called at a
 * counter, so the lobby closes it). Every act is audited; the board and the live feed follow.
 */
export class FloorApp {
  constructor(
    private readonly d: QueueDeps,
    private readonly queue: QueueApp,
  ) {}

  private get board() {
    return this.queue.board;
  }

  floor(): FloorView {
    const now = this.d.now();
    const day = this.board.ensureDay(now);
    const rules = this.d.rules();
    const customers = new Map<string, FloorCustomer | null>();
    const customer = (id: string | null): FloorCustomer | null => {
      if (!id) return null;
      if (!customers.has(id)) {
        const c = this.d.customers.get(id);
        customers.set(
          id,
          c
            ? {
                id: c.id,
                name: c.name,
                kind: c.kind,
                tier: tierInfo(c.aumFen, rules.customer.tiers),
                corporateGrade: c.corporateGrade,
              }
            : null,
        );
      }
      return customers.get(id) ?? null;
    };
    const tickets: FloorTicket[] = floorOrder(this.board.tickets()).map((t) => ({
      ...this.board.view(t, now),
      customer: customer(t.customerId),
      waitedMinutes: Math.max(0, Math.floor((now - t.arrivedAt) / MINUTE)),
      selfService: isSelfServiceQueue(rules.queue, t.queue),
    }));
    return { at: now, branchDay: day, tickets };
  }

  /** The tickets a customer still holds today: the lobby shows them instead of issuing a second one. */
  customerTickets(customerId: string): LiveTicketList {
    const now = this.d.now();
    this.board.ensureDay(now);
    return { tickets: liveTicketsOf(this.board.tickets(), customerId).map((t) => this.board.view(t, now)) };
  }

  private require(ticketId: string): TicketState {
    this.board.ensureDay(this.d.now());
    const t = this.board.get(ticketId) ?? this.d.tickets.get(ticketId);
    if (!t) throw ticketNotFound();
    return t;
  }

  private audit(
    staffId: string | null,
    action: string,
    ticketId: string,
    reason: string | null,
    detail?: Record<string, unknown>,
  ) {
    this.d.audit.append({
      at: this.d.now(),
      staffId,
      action,
      targetType: 'ticket',
      targetId: ticketId,
      reason,
      ...(detail ? { detail } : {}),
    });
  }

  /** One lobby event on one ticket, committed, announced to the screens; the ticket as it is now. */
  private apply(
    prior: TicketState,
    staffId: string | null,
    steps: { type: TicketEvent['type']; payload: Record<string, unknown>; counterId?: string | null }[],
  ): TicketState {
    const now = this.d.now();
    const events: TicketEvent[] = steps.map((s) => ({
      id: newId(),
      ticketId: prior.id,
      type: s.type,
      at: now,
      staffId,
      deviceId: this.d.deviceId,
      counterId: s.counterId ?? null,
      payload: s.payload,
    }));
    const state = this.queue.commit(events, prior);
    this.board.ticketChanged(state, prior, now);
    return state;
  }

  /** A reprinted slip is recorded (a second slip in circulation is worth knowing about). */
  reprint(ticketId: string, staffId: string | null): TicketView {
    const t = this.require(ticketId);
    this.audit(staffId, 'ticket.reprint', t.id, null, { displayNo: t.displayNo });
    return this.board.view(t, this.d.now());
  }

  /**
   * The waiting ticket's services change (the customer came for something else): triage decides the queue and
   * priority again; the ticket keeps its number and its arrival time, so a change of mind costs no place.
   */
  changeServices(
    ticketId: string,
    intents: string[],
    flags: TriageFlags,
    staffId: string | null,
  ): IssueResult {
    const prior = this.require(ticketId);
    const now = this.d.now();
    const decision = this.queue.triageAt(prior.customerId, intents, flags, now);
    const reason = '更换业务 / change of service';
    const state = this.apply(prior, staffId, [
      {
        type: 'override',
        payload: {
          services: intents,
          channel: decision.channel,
          priority: decision.priority,
          ...(decision.queue !== prior.queue ? { queue: decision.queue } : {}),
          reason,
        },
      },
    ]);
    this.audit(staffId, 'ticket.change_services', prior.id, reason, {
      from: { queue: prior.queue, services: prior.services },
      to: { queue: state.queue, services: state.services },
    });
    return { ticket: this.board.view(state, now), decision };
  }

  cancel(ticketId: string, reason: string, staffId: string | null): TicketView {
    const prior = this.require(ticketId);
    const state = this.apply(prior, staffId, [{ type: 'cancel', payload: { reason } }]);
    this.audit(staffId, 'ticket.cancel', prior.id, reason);
    return this.board.view(state, this.d.now());
  }

  /** A waiting ticket to another queue (and that queue's channel), keeping its arrival time. */
  move(ticketId: string, toQueue: string, reason: string, staffId: string | null): TicketView {
    const prior = this.require(ticketId);
    const def = queueDef(this.d.rules().queue, toQueue);
    if (!def)
      throw new ApiError(400, 'queue_missing', `队列未配置：${toQueue}`, `Queue not configured: ${toQueue}`);
    if (toQueue === prior.queue) {
      throw new ApiError(
        409,
        'same_queue',
        `${prior.displayNo} 已在该队列`,
        `${prior.displayNo} is already in that queue`,
      );
    }
    const state = this.apply(prior, staffId, [
      { type: 'override', payload: { queue: toQueue, channel: def.channel, reason } },
    ]);
    this.audit(staffId, 'ticket.move', prior.id, reason, { from: prior.queue, to: toQueue });
    return this.board.view(state, this.d.now());
  }

  /**
   * A self-service ticket the customer finished at the machines (with the lobby's help): recorded as called,
   * started and finished at the branch's self-service point, so it leaves the queue and counts as served.
   */
  selfServed(ticketId: string, staffId: string | null): TicketView {
    const prior = this.require(ticketId);
    const rules = this.d.rules();
    if (!isSelfServiceQueue(rules.queue, prior.queue)) {
      throw new ApiError(
        409,
        'not_self_service',
        `${prior.displayNo} 不是自助区的号，请由窗口叫号办理`,
        `${prior.displayNo} is not a self-service ticket; a counter calls it`,
      );
    }
    const point = selfServicePoint(this.d.counters.all(), prior.queue);
    if (!point) {
      throw new ApiError(
        409,
        'no_self_service_point',
        '未设置自助区服务点，请在“员工与窗口”中添加',
        'No self-service point is set up; add one under Staff and counters',
      );
    }
    const steps: Parameters<FloorApp['apply']>[2] = [];
    if (prior.status === 'waiting') steps.push({ type: 'call', payload: {}, counterId: point.id });
    if (prior.status === 'waiting' || prior.status === 'called') steps.push({ type: 'start', payload: {} });
    steps.push({ type: 'finish', payload: {} });
    const state = this.apply(prior, staffId, steps);
    this.audit(staffId, 'ticket.self_served', prior.id, null, { counterId: point.id });
    return this.board.view(state, this.d.now());
  }
}
