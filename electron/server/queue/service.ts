import type { RulesConfig } from '@shared/config/schema';
import {
  applyEvent,
  branchDay,
  bringsToCounter,
  checkCounterFree,
  endOfDayCancels,
  END_OF_DAY_REASON,
  estimateWaitMinutes,
  formatTicketNo,
  nextHistory,
  orderWaiting,
  pickNext,
  queueDef,
  type PickHistory,
  type TicketEvent,
  type TicketEventType,
  type TicketState,
  vipRoomLoad,
} from '@shared/queue';
import { checkOutcomeBeforeFinish } from '@shared/visit/rules';
import {
  resolveOverride,
  triage,
  type BranchState,
  type TriageDecision,
  type TriageFlags,
} from '@shared/triage';
import { classifyTier } from '@shared/customer/tier';
import { newId } from '../../db/ids';
import { CounterRepo, type CounterView } from '../../db/repos/counters';
import { TicketRepo } from '../../db/repos/tickets';
import type { AppContext } from '../context';
import { refusal } from '@shared/api/errors';
import { ApiError } from '../errors';
import type { CallMessage, LiveMessage, PublicTicket, QueueSnapshot, TicketView } from '@shared/api/queue';

type Actor = { staffId: string | null; deviceId: string };

/**
 * The branch's shared queue. Today's tickets that are still in play are held in memory (rebuilt from the DB at
 * start and on a new branch day); every change is one synchronous transaction that appends the event and the
 * folded ticket row, then updates memory and tells the live feed. Single writer, no awaits inside: two counters
 * can never call the same ticket.
 */
export class QueueService {
  readonly tickets: TicketRepo;
  readonly counters: CounterRepo;
  private day = '';
  private live = new Map<string, TicketState>();
  private history = new Map<string, PickHistory>();
  private durations = new Map<string, number[]>();
  private recentCalls: CallMessage[] = [];
  private listeners = new Set<(m: LiveMessage) => void>();

  constructor(private readonly ctx: AppContext) {
    this.tickets = new TicketRepo(ctx.store);
    this.counters = new CounterRepo(ctx.store);
  }

  private rules(): RulesConfig {
    return this.ctx.rules();
  }

  /** Switches to the branch day of `now`, loading its open tickets; yesterday's stay archived in the DB. */
  private ensureDay(now: number): string {
    const d = branchDay(now, this.rules().branch.timezone);
    if (d !== this.day) {
      this.day = d;
      this.live = new Map(this.tickets.active(d).map((t) => [t.id, t]));
      this.history.clear();
      this.recentCalls = [];
    }
    return d;
  }

  subscribe(fn: (m: LiveMessage) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Public so replication (electron/sync) can tell the live feed about status and conflict notices. */
  emit(m: LiveMessage): void {
    for (const fn of this.listeners) {
      try {
        fn(m);
      } catch (err) {
        this.ctx.log.warn({ err }, 'live listener failed');
      }
    }
  }

  branchState(now: number): BranchState {
    this.ensureDay(now);
    const counters = this.counters.all();
    const waiting: Record<string, number> = {};
    for (const t of this.live.values()) {
      if (t.status === 'waiting') waiting[t.queue] = (waiting[t.queue] ?? 0) + 1;
    }
    return {
      counters: counters.map((c) => ({
        id: c.id,
        channel: c.channel as 'vip',
        open: c.open,
        queues: c.queues,
      })),
      vipRoom: vipRoomLoad(this.live.values(), this.rules().branch),
      selfServiceUp: counters.some((c) => c.channel === 'self' && c.open),
      waiting,
    };
  }

  triageFor(customerId: string | null, intents: string[], flags: TriageFlags, now: number): TriageDecision {
    const rules = this.rules();
    let customer = null;
    if (customerId) {
      const c = this.ctx.customersApp.require(customerId);
      customer = {
        kind: c.kind,
        tier: classifyTier(c.aumFen, rules.customer.tiers).tier,
        segments: c.segments,
        birthDate: c.birthDate,
        corporateGrade: c.corporateGrade,
      };
    }
    const unknown = intents.filter((i) => !rules.triage.intents.some((x) => x.key === i));
    if (unknown.length) {
      throw new ApiError(
        400,
        'unknown_intent',
        `未知业务类型：${unknown.join('、')}`,
        `Unknown visit intent: ${unknown.join(', ')}`,
      );
    }
    return triage({ customer, intents, flags, branch: this.branchState(now) }, rules.triage, {
      elderlyAge: rules.customer.elderlyAge,
      timeZone: rules.branch.timezone,
      now,
    });
  }

  private commit(events: TicketEvent[], prior: TicketState | null): TicketState {
    const states: TicketState[] = [];
    let state = prior;
    for (const ev of events) {
      const r = applyEvent(state, ev);
      if (!r.ok) {
        const status = r.code === 'ticket_not_found' ? 404 : r.code === 'invalid_payload' ? 400 : 409;
        throw new ApiError(status, r.code, r.zh, r.en);
      }
      state = r.state;
      states.push(r.state);
    }
    this.ctx.store.tx(() => {
      // The outbox gets each event in the same transaction (electron/sync/outbox.ts).
      events.forEach((ev, i) =>
        this.tickets.append(ev, states[i] as TicketState, this.ctx.sync.ticketEvent(ev)),
      );
    });
    const final = state as TicketState;
    if (final.branchDay !== this.day) return final;
    if (final.status === 'done' || final.status === 'cancelled' || final.status === 'transferred')
      this.live.delete(final.id);
    else this.live.set(final.id, final);
    return final;
  }

  issue(
    input: {
      customerId: string | null;
      intents: string[];
      flags: TriageFlags;
      override?: { channel: string; reason: string } | undefined;
    },
    actor: Actor,
    now: number,
  ): { ticket: TicketView; decision: TriageDecision } {
    const day = this.ensureDay(now);
    const rules = this.rules();
    const decision = this.triageFor(input.customerId, input.intents, input.flags, now);
    const sendTo = resolveOverride(decision, input.override, rules.triage);
    if (!sendTo.ok) throw refusal(400, sendTo);
    const { overridden, queue, channel: chosen } = sendTo;
    const def = queueDef(rules.queue, queue);
    if (!def)
      throw new ApiError(409, 'queue_missing', `队列未配置：${queue}`, `Queue not configured: ${queue}`);
    const number = this.ctx.sync.numbers.next(day, queue, def.prefix);
    const ticketId = newId();
    const base = { ticketId, at: now, staffId: actor.staffId, deviceId: actor.deviceId };
    // The ticket is issued where it will be served; the issue event keeps the engine's suggestion and the
    // override event the lobby manager's choice and reason.
    const events: TicketEvent[] = [
      {
        ...base,
        id: newId(),
        type: 'issue',
        payload: {
          queue,
          number,
          displayNo: formatTicketNo(def.prefix, number),
          branchDay: day,
          priority: decision.priority,
          customerId: input.customerId,
          services: input.intents,
          channel: decision.channel,
          noShowRequeueLimit: rules.queue.noShowRequeueLimit,
        },
      },
    ];
    if (overridden && input.override) {
      events.push({
        ...base,
        id: newId(),
        type: 'override',
        payload: { channel: chosen, reason: input.override.reason },
      });
    }
    const state = this.commit(events, null);
    if (overridden && input.override) {
      this.ctx.audit.append({
        at: now,
        staffId: actor.staffId,
        action: 'triage.override',
        targetType: 'ticket',
        targetId: ticketId,
        reason: input.override.reason,
        detail: { suggested: decision.channel, chosen },
      });
    }
    if (input.customerId) this.ctx.visits.touchVisit(input.customerId, now);
    const view = this.view(state, now);
    this.emit({ type: 'ticket', ticket: this.publicTicket(state), at: now });
    return { ticket: view, decision };
  }

  /**
   * Tickets changed by events from another device (electron/sync/apply.ts): the live queue follows, the feed
   * tells the screens, and calls made at a terminal are announced on the lobby display too.
   */
  syncApplied(states: readonly TicketState[], called: readonly TicketState[], now: number): void {
    this.ensureDay(now);
    for (const s of states) {
      if (s.branchDay !== this.day) continue;
      if (s.status === 'done' || s.status === 'cancelled' || s.status === 'transferred')
        this.live.delete(s.id);
      else this.live.set(s.id, s);
      this.emit({ type: 'ticket', ticket: this.publicTicket(s), at: now });
    }
    for (const s of called)
      if (s.branchDay === this.day && s.status === 'called') this.announce(s, now, false);
  }

  act(
    ticketId: string,
    type: Exclude<TicketEventType, 'issue'>,
    payload: Record<string, unknown>,
    counterId: string | null,
    actor: Actor,
    now: number,
  ): TicketView {
    this.ensureDay(now);
    const prior = this.live.get(ticketId) ?? this.tickets.get(ticketId) ?? null;
    if (!prior) throw new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');
    if (counterId && !this.counters.get(counterId))
      throw new ApiError(404, 'counter_not_found', '窗口不存在', 'No such counter');
    const outcome = checkOutcomeBeforeFinish(type, prior, this.rules().visit, {
      outcomeCount: () => this.ctx.visits.outcomeCountForTicket(ticketId),
      hadSuggestions: () => this.hadSuggestions(prior, now),
    });
    if (!outcome.ok) throw refusal(409, outcome);
    if (bringsToCounter(type) && counterId) {
      // The machine sees one ticket at a time; a counter serving someone else is the branch's knowledge.
      const free = checkCounterFree(this.live.values(), counterId, ticketId);
      if (!free.ok) throw refusal(409, free);
    }
    const ev: TicketEvent = {
      id: newId(),
      ticketId,
      type,
      at: now,
      staffId: actor.staffId,
      deviceId: actor.deviceId,
      counterId,
      payload,
    };
    const state = this.commit([ev], prior);
    if (type === 'finish' && state.startedAt) {
      const list = this.durations.get(state.queue) ?? [];
      list.push(now - state.startedAt);
      if (list.length > 200) list.shift();
      this.durations.set(state.queue, list);
    }
    if (type === 'call' || type === 'recall') this.announce(state, now, type === 'recall');
    this.emit({ type: 'ticket', ticket: this.publicTicket(state), at: now });
    return this.view(state, now);
  }

  callNext(counterId: string, actor: Actor, now: number): TicketView | null {
    this.ensureDay(now);
    const counter = this.counters.get(counterId);
    if (!counter) throw new ApiError(404, 'counter_not_found', '窗口不存在', 'No such counter');
    if (!counter.open)
      throw new ApiError(
        409,
        'counter_closed',
        '窗口未开放，请先开窗',
        'The counter is closed; open it first',
      );
    const free = checkCounterFree(this.live.values(), counterId);
    if (!free.ok) throw refusal(409, free);
    const hist = this.history.get(counterId) ?? { priorityStreak: 0 };
    const pick = pickNext([...this.live.values()], counter.queues, hist, now, this.rules().queue);
    if (!pick) return null;
    const view = this.act(pick.id, 'call', {}, counterId, actor, now);
    this.history.set(counterId, nextHistory(hist, pick));
    return view;
  }

  private hadSuggestions(t: TicketState, now: number): boolean {
    if (!t.customerId) return false;
    return (this.ctx.customersApp.suggestionsFor(t.customerId, t.services, now)?.items.length ?? 0) > 0;
  }

  private announce(t: TicketState, now: number, recall: boolean): void {
    const counter = t.counterId ? this.counters.get(t.counterId) : undefined;
    const msg: CallMessage = {
      type: 'call',
      at: now,
      recall,
      displayNo: t.displayNo,
      queue: t.queue,
      counterName: counter?.name ?? '',
      counterNumber: counter?.number ?? null,
      channel: counter?.channel ?? t.channel ?? '',
    };
    this.recentCalls = [msg, ...this.recentCalls].slice(0, 10);
    this.emit(msg);
  }

  private waitFor(queue: string, ahead: number, counters: CounterView[]): number | null {
    let samples = this.durations.get(queue);
    if (!samples) {
      samples = this.tickets.recentDurations(queue, this.rules().queue.wait.recentWindow).reverse();
      this.durations.set(queue, samples);
    }
    const open = counters.filter((c) => c.open && c.queues.includes(queue)).length;
    return estimateWaitMinutes(
      { queue, ahead, openServicePoints: open, recentDurationsMs: samples },
      this.rules().queue,
    );
  }

  view(t: TicketState, now: number): TicketView {
    const rules = this.rules();
    const order =
      t.status === 'waiting' ? orderWaiting([...this.live.values()], [t.queue], now, rules.queue) : [];
    const ahead = t.status === 'waiting' ? order.findIndex((x) => x.id === t.id) : 0;
    const counter = t.counterId ? this.counters.get(t.counterId) : undefined;
    return {
      ...this.publicTicket(t),
      customerId: t.customerId,
      services: t.services,
      servicesDone: t.servicesDone,
      ahead: Math.max(0, ahead),
      waitMinutes:
        t.status === 'waiting' ? this.waitFor(t.queue, Math.max(0, ahead), this.counters.all()) : null,
      counterName: counter?.name ?? null,
      lastReason: t.lastReason,
      branchName: rules.branch.name,
    };
  }

  /** What may be shown in public (the lobby TV): no customer data. */
  publicTicket(t: TicketState): PublicTicket {
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
    };
  }

  snapshot(now: number): QueueSnapshot {
    this.ensureDay(now);
    const rules = this.rules();
    const counters = this.counters.all();
    const all = [...this.live.values()];
    return {
      branchDay: this.day,
      branchName: rules.branch.name,
      at: now,
      queues: rules.queue.queues.map((q) => {
        const waiting = orderWaiting(all, [q.key], now, rules.queue);
        return {
          key: q.key,
          prefix: q.prefix,
          zh: q.zh,
          en: q.en,
          waiting: waiting.length,
          waitMinutes: this.waitFor(q.key, waiting.length, counters),
          tickets: waiting.map((t) => this.publicTicket(t)),
        };
      }),
      counters: counters.map((c) => {
        // The ticket in front of the counter comes first; parked (held) visits are listed so a reloaded screen keeps them.
        const here = all.filter((t) => t.counterId === c.id);
        const current = here.find((t) => t.status === 'called' || t.status === 'serving');
        return {
          ...c,
          current: current ? this.publicTicket(current) : null,
          held: here.filter((t) => t.status === 'held').map((t) => this.publicTicket(t)),
        };
      }),
      recentCalls: this.recentCalls,
      noShows: all.filter((t) => t.status === 'no_show').map((t) => this.publicTicket(t)),
    };
  }

  setCounter(counterId: string, patch: { open?: boolean; staffState?: string }, now: number): CounterView {
    if (!this.counters.get(counterId))
      throw new ApiError(404, 'counter_not_found', '窗口不存在', 'No such counter');
    this.counters.setState(counterId, patch, now);
    this.emit({ type: 'counters', at: now });
    return this.counters.get(counterId) as CounterView;
  }

  /** A counter was added or re-configured elsewhere (settings): screens and displays refetch. */
  countersChanged(now: number): void {
    this.emit({ type: 'counters', at: now });
  }

  /** End of day: cancel what is still open today (the tickets and their events stay, archived by day). */
  endOfDay(actor: Actor, now: number): number {
    this.ensureDay(now);
    let n = 0;
    for (const t of endOfDayCancels(this.live.values())) {
      const ev: TicketEvent = {
        id: newId(),
        ticketId: t.id,
        type: 'cancel',
        at: now,
        staffId: actor.staffId,
        deviceId: actor.deviceId,
        counterId: t.counterId,
        payload: { reason: END_OF_DAY_REASON },
      };
      const r = applyEvent(t, ev);
      if (r.ok) {
        this.commit([ev], t);
        n++;
      }
    }
    this.emit({ type: 'counters', at: now });
    return n;
  }
}
