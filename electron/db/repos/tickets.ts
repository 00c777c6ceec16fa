import type { TicketEvent, TicketState } from '@shared/queue';
import { ticketMetrics } from '@shared/metrics/definitions';
import type Database from 'better-sqlite3';
import type { Store } from '../connection';
import type { TicketEventTable } from '../schema';

const NON_FINAL = ['waiting', 'called', 'serving', 'held', 'no_show'];

/** Events whose staff member is the one who served the ticket (ticket_facts.staff_id). */
const SERVING_EVENTS = new Set<string>(['start', 'resume', 'finish']);

/** The measures of a ticket's state (shared/metrics), as ticket_facts stores them. */
function factRow(state: TicketState, staffId: string | null) {
  const m = ticketMetrics(state);
  return {
    day: state.branchDay,
    ticket_id: state.id,
    queue: state.queue,
    customer_id: state.customerId,
    outcome: m.outcome,
    arrived_at: state.arrivedAt,
    wait_ms: m.waitMs,
    walk_ms: m.walkMs,
    service_ms: m.serviceMs,
    counter_id: state.counterId,
    staff_id: staffId,
  };
}
type FactRow = ReturnType<typeof factRow>;

function toEvent(r: TicketEventTable): TicketEvent {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    type: r.type as TicketEvent['type'],
    at: r.at,
    staffId: r.staff_id,
    deviceId: r.device_id,
    counterId: r.counter_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  };
}

/**
 * The event log is the truth; the tickets row is the state folded from it, stored as JSON plus the
 * columns queries need. Both are written in the caller's transaction.
 */
interface EventRow {
  id: string;
  ticket_id: string;
  type: string;
  payload: string;
  staff_id: string | null;
  device_id: string;
  counter_id: string | null;
  at: number;
  hlc: string | null;
  accepted: number;
}
const ROW_COLUMNS = [
  'branch_day',
  'queue',
  'number',
  'display_no',
  'customer_id',
  'channel',
  'priority',
  'status',
  'services',
  'services_done',
  'counter_id',
  'arrived_at',
  'called_at',
  'started_at',
  'finished_at',
  'state',
  'version',
  'updated_at',
] as const;
/**
 * `branch_day`, `queue` and `number` name the number as issued (unique per day and queue). A transfer moves the
 * ticket to another queue with the same number, so the row keeps the issuing queue (the live queue is in `state`)
 * and a transferred A012 never collides with that queue's own 012.
 */
const ISSUED_AS = new Set<string>(['branch_day', 'queue', 'number']);
const UPDATE_COLUMNS = ROW_COLUMNS.filter((c) => !ISSUED_AS.has(c));

export class TicketRepo {
  /** Every ticket event (a counter's click, a terminal's push) runs these: prepared once, not compiled per call. */
  private readonly insertEventStmt: Database.Statement<[EventRow]>;
  private readonly updateRowStmt: Database.Statement<unknown[]>;
  private readonly getStmt: Database.Statement<[string], { state: string }>;
  private readonly hasEventStmt: Database.Statement<[string], { id: string }>;
  private readonly maxHlcStmt: Database.Statement<[string], { h: string | null }>;
  private readonly factStmt: Database.Statement<[FactRow]>;
  private readonly insertSeqStmt: Database.Statement<[EventRow & { seq: number }]>;
  private readonly insertRowStmt: Database.Statement<unknown[]>;

  constructor(private readonly store: Store) {
    const db = store.sqlite;
    // Refused events stay in the log too, so the position is the log's, not the state's version.
    this.insertEventStmt = db.prepare<[EventRow]>(
      `INSERT INTO ticket_events (id, ticket_id, seq, type, payload, staff_id, device_id, counter_id, at, hlc, accepted)
       VALUES (@id, @ticket_id, (SELECT coalesce(max(seq), 0) + 1 FROM ticket_events WHERE ticket_id = @ticket_id),
               @type, @payload, @staff_id, @device_id, @counter_id, @at, @hlc, @accepted)`,
    );
    this.insertSeqStmt = db.prepare<[EventRow & { seq: number }]>(
      `INSERT INTO ticket_events (id, ticket_id, seq, type, payload, staff_id, device_id, counter_id, at, hlc, accepted)
       VALUES (@id, @ticket_id, @seq, @type, @payload, @staff_id, @device_id, @counter_id, @at, @hlc, @accepted)`,
    );
    this.insertRowStmt = db.prepare<unknown[]>(
      `INSERT INTO tickets (id, ${ROW_COLUMNS.join(', ')}) VALUES (?, ${ROW_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.updateRowStmt = db.prepare<unknown[]>(
      `UPDATE tickets SET ${UPDATE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    );
    this.getStmt = db.prepare<[string], { state: string }>('SELECT state FROM tickets WHERE id = ?');
    this.hasEventStmt = db.prepare<[string], { id: string }>('SELECT id FROM ticket_events WHERE id = ?');
    this.maxHlcStmt = db.prepare<[string], { h: string | null }>(
      'SELECT max(hlc) AS h FROM ticket_events WHERE ticket_id = ?',
    );
    // The tier is the customer's when the ticket was first written; the server is the last who started or finished it.
    this.factStmt = db.prepare<[FactRow]>(
      `INSERT INTO ticket_facts (day, ticket_id, queue, tier, outcome, arrived_at, wait_ms, walk_ms, service_ms, counter_id, staff_id)
       VALUES (@day, @ticket_id, @queue, (SELECT tier FROM customers WHERE id = @customer_id), @outcome, @arrived_at,
               @wait_ms, @walk_ms, @service_ms, @counter_id, @staff_id)
       ON CONFLICT (day, ticket_id) DO UPDATE SET queue = excluded.queue, tier = coalesce(ticket_facts.tier, excluded.tier),
         outcome = excluded.outcome, arrived_at = excluded.arrived_at, wait_ms = excluded.wait_ms,
         walk_ms = excluded.walk_ms, service_ms = excluded.service_ms, counter_id = excluded.counter_id,
         staff_id = coalesce(excluded.staff_id, ticket_facts.staff_id)`,
    );
  }

  private row(state: TicketState, at: number, customerKnown = true) {
    return {
      branch_day: state.branchDay,
      queue: state.queue,
      number: state.number,
      display_no: state.displayNo,
      // A terminal may learn of a ticket for a customer its copy does not hold yet; the state keeps the id.
      customer_id: customerKnown ? state.customerId : null,
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
      updated_at: at,
    };
  }

  private insertEvent(ev: TicketEvent, hlc: string | null, accepted: boolean, seq?: number): void {
    const row: EventRow = {
      id: ev.id,
      ticket_id: ev.ticketId,
      type: ev.type,
      payload: JSON.stringify(ev.payload),
      staff_id: ev.staffId,
      device_id: ev.deviceId,
      counter_id: ev.counterId ?? null,
      at: ev.at,
      hlc,
      accepted: accepted ? 1 : 0,
    };
    // Refused events stay in the log too, so the position is the log's, not the state's version.
    if (seq === undefined) this.insertEventStmt.run(row);
    else this.insertSeqStmt.run({ ...row, seq });
  }

  /** Appends an accepted event and writes the folded ticket row (inserted on `issue`). */
  append(ev: TicketEvent, state: TicketState, hlc: string | null = null, customerKnown = true): void {
    const row = this.row(state, ev.at, customerKnown);
    if (ev.type === 'issue') {
      this.insertRowStmt.run(state.id, ...ROW_COLUMNS.map((c) => row[c]));
    } else {
      this.updateRowStmt.run(...UPDATE_COLUMNS.map((c) => row[c]), state.id);
    }
    this.insertEvent(ev, hlc, true);
    this.factStmt.run(factRow(state, SERVING_EVENTS.has(ev.type) ? ev.staffId : null));
  }

  /**
   * A whole past ticket at once (demo history, the P7 bench): its folded row, its accepted log in order and its
   * fact row, as `append` would have left them event by event. In the caller's transaction.
   */
  importLog(events: readonly TicketEvent[], state: TicketState): void {
    // The row names the number as issued (see ISSUED_AS): a transferred ticket keeps its issuing queue there.
    const issued = events[0]?.payload.queue;
    const row = {
      ...this.row(state, state.lastEventAt),
      queue: typeof issued === 'string' ? issued : state.queue,
    };
    this.insertRowStmt.run(state.id, ...ROW_COLUMNS.map((c) => row[c]));
    events.forEach((ev, i) => this.insertEvent(ev, null, true, i + 1));
    const server = events.filter((e) => SERVING_EVENTS.has(e.type)).at(-1);
    this.factStmt.run(factRow(state, server?.staffId ?? null));
  }

  /** Keeps an event the merge refused: in the log, not in the state. */
  appendRefused(ev: TicketEvent, hlc: string): void {
    this.insertEvent(ev, hlc, false);
  }

  /** Every event of a ticket (accepted or not) with its stamp, for a merge. */
  stampedEvents(ticketId: string): { event: TicketEvent; hlc: string; accepted: boolean }[] {
    return this.store
      .all(
        this.store.k.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('seq'),
      )
      .map((r) => ({
        event: toEvent(r),
        hlc: r.hlc ?? '',
        accepted: r.accepted === 1,
      }));
  }

  /** The newest stamp in a ticket's log ('' when it has none). */
  maxHlc(ticketId: string): string {
    return this.maxHlcStmt.get(ticketId)?.h ?? '';
  }

  /**
   * Rewrites a ticket's log in merge order (HLC) and its row from the merged state: the slow path when an event
   * arrives with a stamp older than some already applied. In the caller's transaction.
   */
  rewrite(
    ticketId: string,
    ordered: { event: TicketEvent; hlc: string; accepted: boolean }[],
    state: TicketState,
    at: number,
    customerKnown = true,
  ): void {
    const k = this.store.k;
    const exists = !!this.store.first(k.selectFrom('tickets').select('id').where('id', '=', ticketId));
    const row = this.row(state, at, customerKnown);
    if (exists) {
      const { branch_day: _day, queue: _queue, number: _number, ...rest } = row;
      this.store.run(k.updateTable('tickets').set(rest).where('id', '=', ticketId));
    } else {
      const issued = ordered.find((o) => o.event.type === 'issue')?.event.payload as
        { queue?: unknown } | undefined;
      const queue = typeof issued?.queue === 'string' ? issued.queue : row.queue;
      this.store.run(k.insertInto('tickets').values({ id: ticketId, ...row, queue }));
    }
    this.store.run(k.deleteFrom('ticket_events').where('ticket_id', '=', ticketId));
    ordered.forEach((o, i) => this.insertEvent(o.event, o.hlc, o.accepted, i + 1));
    const server = ordered.filter((o) => o.accepted && SERVING_EVENTS.has(o.event.type)).at(-1);
    this.store.sqlite
      .prepare('DELETE FROM ticket_facts WHERE day = ? AND ticket_id = ?')
      .run(state.branchDay, ticketId);
    this.factStmt.run(factRow(state, server?.event.staffId ?? null));
  }

  /** A ticket row as a terminal's snapshot brings it (the events come with their own table). */
  hasTicket(id: string): boolean {
    return !!this.store.first(this.store.k.selectFrom('tickets').select('id').where('id', '=', id));
  }

  get(id: string): TicketState | undefined {
    const r = this.getStmt.get(id);
    return r ? (JSON.parse(r.state) as TicketState) : undefined;
  }

  hasEvent(id: string): boolean {
    return !!this.hasEventStmt.get(id);
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

  /** The ticket that holds a number of a day and queue here, with the device that issued it. */
  holderOf(branchDay: string, queue: string, number: number): { id: string; issuedBy: string } | undefined {
    return this.store.sqlite
      .prepare<[string, string, number], { id: string; issuedBy: string }>(
        `SELECT t.id, e.device_id AS issuedBy FROM tickets t
           JOIN ticket_events e ON e.ticket_id = t.id AND e.type = 'issue'
          WHERE t.branch_day = ? AND t.queue = ? AND t.number = ?`,
      )
      .get(branchDay, queue, number);
  }

  /**
   * A terminal's copy of a ticket its hub no longer has (the hub went back to a backup copy and printed the number
   * again): out of the queue and its number freed (kept negative), its events and anything recorded against it kept.
   */
  setAside(id: string): TicketState | undefined {
    const state = this.get(id);
    if (!state) return undefined;
    const next: TicketState = { ...state, status: 'cancelled' };
    this.store.sqlite
      .prepare(`UPDATE tickets SET number = -abs(number), status = 'cancelled', state = ? WHERE id = ?`)
      .run(JSON.stringify(next), id);
    return next;
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

  /** The accepted log (refused events are left out: they never shaped the state). */
  events(ticketId?: string): TicketEvent[] {
    let q = this.store.k
      .selectFrom('ticket_events')
      .selectAll()
      .where('accepted', '=', 1)
      .orderBy('at')
      .orderBy('seq');
    if (ticketId) q = q.where('ticket_id', '=', ticketId);
    return this.store.all(q).map(toEvent);
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
