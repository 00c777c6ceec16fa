import type { RulesConfig } from '@shared/config/schema';
import {
  aheadOf,
  branchDay,
  canBePassed,
  orderWaiting,
  vipRoomLoad,
  withdrawCalls,
  type TicketState,
} from '@shared/queue';
import type { BranchState } from '@shared/triage';
import type {
  CallMessage,
  CounterState,
  LiveMessage,
  PublicTicket,
  QueueSnapshot,
  QueueSummary,
  TicketView,
} from '@shared/api/queue';
import { laneWaitMinutes, orderLane, type MixHistory } from '@shared/appointments/mix';
import type { QueueDeps } from './deps';
import { lastTransfer, QueueWaits } from './waits';

/** A ticket that has left the board for the day. */
const closed = (t: TicketState) =>
  t.status === 'done' || t.status === 'cancelled' || t.status === 'transferred';

/** What may be shown in public (the lobby TV): no customer data. */
export function publicTicket(t: TicketState): PublicTicket {
  return {
    id: t.id,
    displayNo: t.displayNo,
    queue: t.queue,
    status: t.status,
    priority: t.priority,
    counterId: t.counterId,
    arrivedAt: t.arrivedAt,
    calledAt: t.lastCalledAt ?? t.calledAt,
    channel: t.channel,
    appointment: t.appointment
      ? {
          bookedAt: t.appointment.bookedAt,
          serveQueue: t.appointment.serveQueue,
          service: t.appointment.service,
          walkIn: t.appointment.walkIn ?? false,
          notice: t.appointment.notice ?? null,
        }
      : null,
  };
}

/**
 * The branch day's board, held in memory: today's tickets still in play (rebuilt from the DB at start and on a
 * new branch day), each counter's call history, recent service times and calls, and the live feed's listeners.
 * Every view of the queue (a ticket, the snapshot, what a change did to the board) is computed from it.
 */
export class QueueBoard {
  private day = '';
  private live = new Map<string, TicketState>();
  private recentCalls: CallMessage[] = [];
  private listeners = new Set<(m: LiveMessage) => void>();
  /** Per counter: walk-ins called since its last appointment (shared/appointments/mix). */
  readonly mixHistory = new Map<string, MixHistory>();
  private readonly waits: QueueWaits;

  constructor(
    private readonly d: Pick<
      QueueDeps,
      'tickets' | 'counters' | 'rules' | 'log' | 'staffedCounters' | 'staffName'
    >,
  ) {
    this.waits = new QueueWaits(d);
  }

  private rules(): RulesConfig {
    return this.d.rules();
  }

  /** Switches to the branch day of `now`, loading its open tickets; yesterday's stay archived in the DB. */
  ensureDay(now: number): string {
    const d = branchDay(now, this.rules().branch.timezone);
    if (d !== this.day) {
      this.day = d;
      this.live = new Map(this.d.tickets.active(d).map((t) => [t.id, t]));
      this.mixHistory.clear();
      this.recentCalls = [];
    }
    return d;
  }

  /** The branch day the board holds (after ensureDay). */
  get today(): string {
    return this.day;
  }

  /** Today's tickets still in play. */
  tickets(): TicketState[] {
    return [...this.live.values()];
  }

  get(id: string): TicketState | undefined {
    return this.live.get(id);
  }

  /** A ticket's new state: kept while in play today, dropped once closed; another day's is not on the board. */
  track(t: TicketState): void {
    if (t.branchDay !== this.day) return;
    if (closed(t)) this.live.delete(t.id);
    else this.live.set(t.id, t);
  }

  /** A service time, for the wait estimates. */
  served(queue: string, ms: number): void {
    this.waits.served(queue, ms);
  }

  subscribe(fn: (m: LiveMessage) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(m: LiveMessage): void {
    for (const fn of this.listeners) {
      try {
        fn(m);
      } catch (err) {
        this.d.log.warn({ err }, 'live listener failed');
      }
    }
  }

  /** A call (or recall) for the lobby display: it is announced and kept among the recent calls. */
  announce(t: TicketState, now: number, recall: boolean): void {
    const counter = t.counterId ? this.d.counters.get(t.counterId) : undefined;
    const msg: CallMessage = {
      type: 'call',
      at: now,
      ticketId: t.id,
      recall,
      displayNo: t.displayNo,
      queue: t.queue,
      counterName: counter?.name ?? '',
      counterNumber: counter?.number ?? null,
      channel: counter?.channel ?? t.channel ?? '',
      // A late booking served as a walk-in is called as any walk-in.
      ...(t.appointment && !t.appointment.walkIn ? { appointment: true } : {}),
    };
    this.recentCalls = [msg, ...this.recentCalls].slice(0, 10);
    this.emit(msg);
  }

  /**
   * Tells the feed a ticket changed, with what it changed on the board: the queues it was and is in and the
   * counters it was and is at (`before` is its state before the change, when there was one).
   */
  ticketChanged(t: TicketState, before: TicketState | null, now: number): void {
    // A no-show (or a cancel, a requeue, a transfer) withdraws its calls: 正在叫号 stops showing it.
    this.recentCalls = withdrawCalls(this.recentCalls, t.id, t.status);
    if (this.listeners.size === 0) return;
    const queues = new Set([t.queue, ...(before ? [before.queue] : [])]);
    const counters = new Set(
      [t.counterId, before?.counterId].filter((c): c is string => typeof c === 'string'),
    );
    this.emit({
      type: 'ticket',
      at: now,
      ticket: publicTicket(t),
      queues: this.queueSummaries(now, queues),
      counters: this.counterStates(now, counters),
    });
  }

  /** A counter was opened, closed or set up: every counter, and the queues' estimates that count open ones. */
  countersChanged(now: number): void {
    if (this.listeners.size === 0) return;
    this.emit({
      type: 'counters',
      at: now,
      counters: this.counterStates(now),
      queues: this.queueSummaries(now),
    });
  }

  /** Many tickets changed at once: the whole board. */
  boardChanged(now: number): void {
    if (this.listeners.size === 0) return;
    this.emit({ type: 'snapshot', at: now, snapshot: this.snapshot(now) });
  }

  branchState(now: number): BranchState {
    this.ensureDay(now);
    const counters = this.d.counters.all();
    // Who is signed in where: triage offers a staffed channel (the VIP room) only with someone there.
    const staffed = this.d.staffedCounters(now);
    const waiting: Record<string, number> = {};
    for (const t of this.live.values()) {
      if (t.status === 'waiting') waiting[t.queue] = (waiting[t.queue] ?? 0) + 1;
    }
    return {
      counters: counters.map((c) => ({
        id: c.id,
        channel: c.channel as 'vip',
        open: c.open,
        staffed: staffed.has(c.id),
        queues: c.queues,
      })),
      vipRoom: vipRoomLoad(this.live.values(), this.rules().branch),
      selfServiceUp: counters.some((c) => c.channel === 'self' && c.open),
      waiting,
    };
  }

  /**
   * Place and wait of a waiting ticket: a walk-in by the queue core's order in its queue, a lane ticket by booked
   * time among those of its serving queue (shared/appointments/mix.ts), and not before its booked time.
   */
  private place(t: TicketState, now: number): { ahead: number; waitMinutes: number | null; servers: number } {
    const rules = this.rules();
    const all = [...this.live.values()];
    const laneFor = t.queue === rules.appointments.laneQueue ? t.appointment?.serveQueue : undefined;
    if (t.status === 'waiting' && laneFor) {
      const lane = orderLane(all, [laneFor], t.queue);
      const aheadOfIt = lane.slice(
        0,
        Math.max(
          0,
          lane.findIndex((x) => x.id === t.id),
        ),
      );
      const wait = this.waits.forPosition(laneFor, aheadOfIt, all, now);
      return {
        ahead: aheadOfIt.length,
        waitMinutes: wait.minutes === null ? null : laneWaitMinutes(t, now, wait.minutes),
        servers: wait.servers,
      };
    }
    const wait = this.waits.forTicket(t, all, now);
    if (t.status !== 'waiting') return { ahead: 0, waitMinutes: null, servers: wait.servers };
    return { ahead: aheadOf(t, all, rules.queue), waitMinutes: wait.minutes, servers: wait.servers };
  }

  view(t: TicketState, now: number): TicketView {
    const rules = this.rules();
    const waiting = t.status === 'waiting';
    const counter = t.counterId ? this.d.counters.get(t.counterId) : undefined;
    return {
      ...publicTicket(t),
      customerId: t.customerId,
      services: t.services,
      servicesDone: t.servicesDone,
      ...this.place(t, now),
      mayBePassed:
        waiting &&
        canBePassed(
          t,
          rules.triage.priorities.map((p) => p.level),
        ),
      transfer: t.transferCount > 0 ? lastTransfer(t, this.d) : null,
      counterName: counter?.name ?? null,
      lastReason: t.lastReason,
      branchName: rules.branch.name,
      marks: t.marks ?? null,
    };
  }

  /** The configured queues (or those of `only`), in calling order. */
  private queueSummaries(now: number, only?: ReadonlySet<string>): QueueSummary[] {
    const rules = this.rules();
    const all = [...this.live.values()];
    const defs = only ? rules.queue.queues.filter((q) => only.has(q.key)) : rules.queue.queues;
    const ctx = this.waits.context(all, now);
    return defs.map((q) => {
      const waiting = orderWaiting(all, [q.key], rules.queue);
      const wait =
        q.key === rules.appointments.laneQueue
          ? this.laneWait(waiting, now)
          : this.waits.forNewArrival(q.key, waiting, ctx);
      return {
        key: q.key,
        prefix: q.prefix,
        zh: q.zh,
        en: q.en,
        waiting: waiting.length,
        waitMinutes: wait.minutes,
        servers: wait.servers,
        tickets: waiting.map(publicTicket),
      };
    });
  }

  /**
   * The appointment lane on the board: no counter calls from it by name (each ticket is called by the counters of
   * the queue it names), so its wait is its tickets' own — the longest of them — not "暂无窗口办理".
   */
  private laneWait(
    waiting: readonly TicketState[],
    now: number,
  ): { minutes: number | null; servers: number } {
    if (waiting.length === 0) return { minutes: 0, servers: 0 };
    const places = waiting.map((t) => this.place(t, now));
    const known = places.map((p) => p.waitMinutes).filter((m): m is number => m !== null);
    return {
      minutes: known.length > 0 ? Math.max(...known) : null,
      servers: Math.max(...places.map((p) => p.servers)),
    };
  }

  /** The counters' states (only those in `only`: a ticket's change touches one or two of them). */
  private counterStates(now: number, only?: ReadonlySet<string>): CounterState[] {
    const counters = only ? this.d.counters.all().filter((c) => only.has(c.id)) : this.d.counters.all();
    if (counters.length === 0) return [];
    const all = [...this.live.values()];
    const staffed = this.d.staffedCounters(now);
    return counters.map((c) => {
      // The ticket in front of the counter comes first; parked (held) visits are listed so a reloaded screen keeps them.
      const here = all.filter((t) => t.counterId === c.id);
      const current = here.find((t) => t.status === 'called' || t.status === 'serving');
      return {
        ...c,
        staffed: staffed.has(c.id),
        current: current ? publicTicket(current) : null,
        held: here.filter((t) => t.status === 'held').map(publicTicket),
      };
    });
  }

  snapshot(now: number): QueueSnapshot {
    this.ensureDay(now);
    return {
      branchDay: this.day,
      branchName: this.rules().branch.name,
      at: now,
      queues: this.queueSummaries(now),
      counters: this.counterStates(now),
      recentCalls: this.recentCalls,
      noShows: [...this.live.values()].filter((t) => t.status === 'no_show').map(publicTicket),
    };
  }
}
