import type { TicketEvent, TicketState } from '@shared/queue';
import type { Store } from '../connection';

const NON_FINAL = ['waiting', 'called', 'serving', 'held', 'no_show'];

/**
 * The event log is the truth; the tickets row is the state folded from it, stored as JSON plus the
 * columns queries need. Both are written in the caller's transaction.
 */
export class TicketRepo {
  constructor(private readonly store: Store) {}

  append(ev: TicketEvent, state: TicketState): void {
    const k = this.store.k;
    const row = {
      branch_day: state.branchDay,
      queue: state.queue,
      number: state.number,
      display_no: state.displayNo,
      customer_id: state.customerId,
      channel: state.channel ?? '',
      priority: state.priority,
      status: state.status,
      services: JSON.stringify(state.services),
      services_done: JSON.stringify(state.servicesDone),
      counter_id: state.counterId,
      arrived_at: state.arrivedAt,
      called_at: state.calledAt,
      started_at: state.startedAt,
      finished_at: state.finishedAt,
      state: JSON.stringify(state),
      version: state.version,
      updated_at: ev.at,
    };
    if (ev.type === 'issue') {
      this.store.run(k.insertInto('tickets').values({ id: state.id, ...row }));
    } else {
      this.store.run(k.updateTable('tickets').set(row).where('id', '=', state.id));
    }
    this.store.run(
      k.insertInto('ticket_events').values({
        id: ev.id,
        ticket_id: ev.ticketId,
        seq: state.version,
        type: ev.type,
        payload: JSON.stringify(ev.payload),
        staff_id: ev.staffId,
        device_id: ev.deviceId,
        counter_id: ev.counterId ?? null,
        at: ev.at,
      }),
    );
  }

  get(id: string): TicketState | undefined {
    const r = this.store.first(this.store.k.selectFrom('tickets').select('state').where('id', '=', id));
    return r ? (JSON.parse(r.state) as TicketState) : undefined;
  }

  hasEvent(id: string): boolean {
    return !!this.store.first(this.store.k.selectFrom('ticket_events').select('id').where('id', '=', id));
  }

  /** Tickets of the day still in play (the live queue is rebuilt from these at start). */
  active(branchDay: string): TicketState[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('tickets')
          .select('state')
          .where('branch_day', '=', branchDay)
          .where('status', 'in', NON_FINAL)
          .orderBy('arrived_at'),
      )
      .map((r) => JSON.parse(r.state) as TicketState);
  }

  maxNumber(branchDay: string, queue: string): number {
    const r = this.store.first(
      this.store.k
        .selectFrom('tickets')
        .select((e) => e.fn.max<number>('number').as('n'))
        .where('branch_day', '=', branchDay)
        .where('queue', '=', queue),
    );
    return Number(r?.n ?? 0);
  }

  /** Service durations (start → finish) of the most recent finished tickets of a queue, newest first. */
  recentDurations(queue: string, limit: number): number[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('tickets')
          .select(['started_at', 'finished_at'])
          .where('queue', '=', queue)
          .where('status', '=', 'done')
          .where('started_at', 'is not', null)
          .orderBy('finished_at', 'desc')
          .limit(limit),
      )
      .map((r) => Number(r.finished_at) - Number(r.started_at))
      .filter((d) => d > 0);
  }

  events(ticketId?: string): TicketEvent[] {
    let q = this.store.k.selectFrom('ticket_events').selectAll().orderBy('at').orderBy('seq');
    if (ticketId) q = q.where('ticket_id', '=', ticketId);
    return this.store.all(q).map((r) => ({
      id: r.id,
      ticketId: r.ticket_id,
      type: r.type as TicketEvent['type'],
      at: r.at,
      staffId: r.staff_id,
      deviceId: r.device_id,
      counterId: r.counter_id,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    }));
  }

  allStates(): TicketState[] {
    return this.store
      .all(this.store.k.selectFrom('tickets').select('state'))
      .map((r) => JSON.parse(r.state) as TicketState);
  }

  today(branchDay: string): TicketState[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('tickets')
          .select('state')
          .where('branch_day', '=', branchDay)
          .orderBy('arrived_at'),
      )
      .map((r) => JSON.parse(r.state) as TicketState);
  }
}
