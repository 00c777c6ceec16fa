import type { RulesConfig } from '@shared/config/schema';
import {
  applyEvent,
  bringsToCounter,
  checkCounterFree,
  countersTouched,
  endOfDayCancels,
  END_OF_DAY_REASON,
  formatTicketNo,
  queueDef,
  type TicketEvent,
  type TicketEventType,
  type TicketState,
} from '@shared/queue';
import { resolveOverride, triage, type TriageDecision, type TriageFlags } from '@shared/triage';
import { marksFromDecision } from '@shared/triage/marks';
import { checkOutcomeBeforeFinish } from '@shared/visit/rules';
import { classifyTier } from '@shared/customer/tier';
import { birthDateFromMonth } from '@shared/customer/age';
import { ApiError, refusal } from '@shared/api/errors';
import type { IssueResult, LiveMessage, QueueSnapshot, TicketEventList, TicketView } from '@shared/api/queue';
import { FRESH_MIX, nextMix, pickMixed, type TicketAppointment } from '@shared/appointments/mix';
import { newId } from '../../db/ids';
import { QueueBoard } from './board';
import type { Actor, QueueDeps } from './deps';
import { mustActFor, type CounterCaller } from './ownership';
import { mustBeOnlyLiveTicket } from './one-ticket';
import { transferPayload } from './transfer';

const ticketNotFound = () => new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');
const counterNotFound = () => new ApiError(404, 'counter_not_found', '窗口不存在', 'No such counter');

/** Replication batches larger than this are sent to the screens as one new board rather than ticket by ticket. */
const BATCH_AS_BOARD = 20;

/**
 * The branch's shared queue: triage, issuing, every ticket event, call-next and end of day. Every change is one
 * synchronous transaction that appends the event and the folded ticket row (and its outbox entry), then updates
 * the board and tells the live feed. Single writer, no awaits inside: two counters can never call the same ticket.
 */
export class QueueApp {
  readonly board: QueueBoard;

  constructor(private readonly d: QueueDeps) {
    this.board = new QueueBoard(d);
  }

  /** The ticket store, for replication and the fault tests (reads only; writes go through this module). */
  get tickets(): QueueDeps['tickets'] {
    return this.d.tickets;
  }

  get counters(): QueueDeps['counters'] {
    return this.d.counters;
  }

  snapshot(now: number = this.d.now()): QueueSnapshot {
    return this.board.snapshot(now);
  }

  subscribe(fn: (m: LiveMessage) => void): () => void {
    return this.board.subscribe(fn);
  }

  private readonly issuedListeners: ((t: TicketState, now: number) => void)[] = [];

  /** Told of every ticket issued here, after it committed (the owner alert of Step 14 listens). */
  onIssued(fn: (t: TicketState, now: number) => void): void {
    this.issuedListeners.push(fn);
  }

  /** Replication tells the live feed about its status and conflict notices. */
  emit(m: LiveMessage): void {
    this.board.emit(m);
  }

  /** Counters changed elsewhere (replication, the demo seeder): the screens get every counter again. */
  countersChanged(now: number): void {
    this.board.countersChanged(now);
  }

  private rules(): RulesConfig {
    return this.d.rules();
  }

  private actor(staffId: string | null): Actor {
    return { staffId, deviceId: this.d.deviceId };
  }

  triage(customerId: string | null, intents: string[], flags: TriageFlags): TriageDecision {
    return this.triageAt(customerId, intents, flags, this.d.now());
  }

  triageAt(customerId: string | null, intents: string[], flags: TriageFlags, now: number): TriageDecision {
    const rules = this.rules();
    let customer = null;
    if (customerId) {
      const c = this.d.customers.get(customerId);
      if (!c) throw new ApiError(404, 'customer_not_found', '客户不存在', 'No such customer');
      customer = {
        kind: c.kind,
        tier: classifyTier(c.aumFen, rules.customer.tiers).tier,
        segments: c.segments,
        // Only the year and month are kept: the month's last day (never elderly before the real birthday).
        birthDate: c.birthMonth ? birthDateFromMonth(c.birthMonth) : null,
        corporateGrade: c.corporateGrade,
        // Imported risk marks (customer_marks.high_risk): the same as the lobby ticking highRisk.
        highRisk: this.d.highRisk(c.id),
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
    return triage({ customer, intents, flags, branch: this.board.branchState(now) }, rules.triage, {
      elderlyAge: rules.customer.elderlyAge,
      timeZone: rules.branch.timezone,
      now,
    });
  }

  /** Folds and stores the events (with their outbox entries) in one transaction; the board follows (./floor too). */
  commit(events: TicketEvent[], prior: TicketState | null): TicketState {
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
    this.d.tx(() => {
      // The outbox gets each event in the same transaction (electron/sync/outbox.ts).
      events.forEach((ev, i) =>
        this.d.tickets.append(ev, states[i] as TicketState, this.d.outbox.ticketEvent(ev)),
      );
    });
    const final = state as TicketState;
    this.board.track(final);
    return final;
  }

  issue(
    input: {
      customerId: string | null;
      intents: string[];
      flags: TriageFlags;
      override?: { channel: string; reason: string } | undefined;
      /** A checked-in booking (electron/app/appointments): the lane ticket, or a walk-in with its reason. */
      appointment?: Omit<TicketAppointment, 'serveQueue'> | undefined;
      /** Why this customer gets a second live ticket (refused without one). */
      secondReason?: string | undefined;
    },
    staffId: string | null,
  ): IssueResult {
    const now = this.d.now();
    const actor = this.actor(staffId);
    const day = this.board.ensureDay(now);
    const rules = this.rules();
    const decision = this.triageAt(input.customerId, input.intents, input.flags, now);
    const second = mustBeOnlyLiveTicket(this.d.audit, this.board.tickets(), input, actor.staffId);
    const sendTo = resolveOverride(decision, input.override, rules.triage);
    if (!sendTo.ok) throw refusal(400, sendTo);
    const { overridden, queue, channel: chosen } = sendTo;
    const appt = input.appointment;
    // An on-time booking waits in the appointment lane (its own numbers, prefix Y) for the counters of `queue`.
    const issuedIn = appt && !appt.walkIn ? rules.appointments.laneQueue : queue;
    const def = queueDef(rules.queue, issuedIn);
    if (!def)
      throw new ApiError(
        409,
        'queue_missing',
        `队列未配置：${issuedIn}`,
        `Queue not configured: ${issuedIn}`,
      );
    const number = this.d.outbox.numbers.next(day, issuedIn, def.prefix);
    const marks = marksFromDecision(decision, rules.triage);
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
          queue: issuedIn,
          number,
          displayNo: formatTicketNo(def.prefix, number),
          branchDay: day,
          priority: decision.priority,
          customerId: input.customerId,
          services: input.intents,
          channel: decision.channel,
          noShowRequeueLimit: rules.queue.noShowRequeueLimit,
          ...(appt ? { appointment: { ...appt, serveQueue: queue } } : {}),
          ...(marks ? { marks } : {}),
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
      this.d.audit.append({
        at: now,
        staffId: actor.staffId,
        action: 'triage.override',
        targetType: 'ticket',
        targetId: ticketId,
        reason: input.override.reason,
        detail: { suggested: decision.channel, chosen },
      });
    }
    second(ticketId, now);
    if (input.customerId) this.d.visits.touchVisit(input.customerId, now);
    const view = this.board.view(state, now);
    this.board.ticketChanged(state, null, now);
    for (const fn of this.issuedListeners) fn(state, now);
    return { ticket: view, decision };
  }

  /** One stored ticket, as the counter sees it. */
  ticket(id: string): TicketView {
    const t = this.d.tickets.get(id);
    if (!t) throw ticketNotFound();
    return this.board.view(t, this.d.now());
  }

  events(id: string): TicketEventList {
    return { events: this.d.tickets.events(id) };
  }

  /**
   * A ticket event from a counter or the lobby. The counter the ticket is at and the one it is brought to must
   * be the caller's own (or the caller one who may act for any counter, audited). Overrides, transfers and
   * cancellations are audited with their reason (they change where, or whether, a customer is served).
   */
  act(
    ticketId: string,
    type: Exclude<TicketEventType, 'issue'>,
    payload: Record<string, unknown>,
    counterId: string | null,
    caller: CounterCaller,
  ): TicketView {
    const now = this.d.now();
    const staffId = caller.id;
    const prior = this.board.get(ticketId) ?? this.d.tickets.get(ticketId) ?? null;
    if (!prior) throw ticketNotFound();
    const actedFor = mustActFor(this.d.audit, caller, countersTouched(prior.counterId, counterId), {
      act: `ticket.${type}`,
      ticketId,
    });
    const view = this.actAt(ticketId, type, payload, counterId, this.actor(staffId), now);
    actedFor(now);
    if (type === 'override' || type === 'transfer' || type === 'cancel') {
      this.d.audit.append({
        at: now,
        staffId,
        action: `ticket.${type}`,
        targetType: 'ticket',
        targetId: ticketId,
        reason: typeof payload.reason === 'string' ? payload.reason : null,
      });
    }
    return view;
  }

  private actAt(
    ticketId: string,
    type: Exclude<TicketEventType, 'issue'>,
    payload: Record<string, unknown>,
    counterId: string | null,
    actor: Actor,
    now: number,
  ): TicketView {
    this.board.ensureDay(now);
    const prior = this.board.get(ticketId) ?? this.d.tickets.get(ticketId) ?? null;
    if (!prior) throw ticketNotFound();
    if (counterId && !this.d.counters.get(counterId)) throw counterNotFound();
    const outcome = checkOutcomeBeforeFinish(type, prior, this.rules().visit, {
      outcomeCount: () => this.d.visits.outcomeCountForTicket(ticketId),
      hadSuggestions: () =>
        !!prior.customerId && this.d.suggestionCount(prior.customerId, prior.services, now) > 0,
    });
    if (!outcome.ok) throw refusal(409, outcome);
    if (bringsToCounter(type) && counterId) {
      // The machine sees one ticket at a time; a counter serving someone else is the branch's knowledge.
      const free = checkCounterFree(this.board.tickets(), counterId, ticketId);
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
      payload:
        type === 'transfer' ? transferPayload(prior, payload, this.rules(), this.board.tickets()) : payload,
    };
    const state = this.commit([ev], prior);
    if (type === 'finish' && state.startedAt) this.board.served(state.queue, now - state.startedAt);
    if (type === 'call' || type === 'recall') this.board.announce(state, now, type === 'recall');
    this.board.ticketChanged(state, prior, now);
    return this.board.view(state, now);
  }

  /** The next ticket for a counter (its queues in calling order, shared/queue/order), called; null if none. */
  callNext(counterId: string, caller: CounterCaller): TicketView | null {
    const now = this.d.now();
    const staffId = caller.id;
    this.board.ensureDay(now);
    const counter = this.d.counters.get(counterId);
    if (!counter) throw counterNotFound();
    const actedFor = mustActFor(this.d.audit, caller, [counterId], { act: 'call_next' });
    if (!counter.open)
      throw new ApiError(
        409,
        'counter_closed',
        '窗口未开放，请先开窗',
        'The counter is closed; open it first',
      );
    const free = checkCounterFree(this.board.tickets(), counterId);
    if (!free.ok) throw refusal(409, free);
    const mix = this.board.mixHistory.get(counterId) ?? FRESH_MIX;
    const rules = this.rules();
    // Walk-ins in the queue core's order, merged with the appointment lane (shared/appointments/mix.ts).
    const picked = pickMixed(this.board.tickets(), counter.queues, mix, now, rules.queue, rules.appointments);
    if (!picked) return null;
    const pick = picked.ticket;
    const view = this.actAt(pick.id, 'call', {}, counterId, this.actor(staffId), now);
    this.board.mixHistory.set(counterId, nextMix(mix, picked));
    actedFor(now);
    return view;
  }

  /**
   * Tickets changed by events from another device (electron/sync/apply.ts): the board follows, the feed tells
   * the screens, and calls made at a terminal are announced on the lobby display too.
   */
  syncApplied(states: readonly TicketState[], called: readonly TicketState[], now: number): void {
    const day = this.board.ensureDay(now);
    const today = states.filter((s) => s.branchDay === day);
    // Where each ticket stood before, so the screens also hear about the queue or counter it left.
    const before = today.map((s) => this.board.get(s.id) ?? null);
    for (const s of today) this.board.track(s);
    if (today.length > BATCH_AS_BOARD) this.board.boardChanged(now);
    else today.forEach((s, i) => this.board.ticketChanged(s, before[i] ?? null, now));
    for (const s of called)
      if (s.branchDay === day && s.status === 'called') this.board.announce(s, now, false);
  }

  /** End of day: cancel what is still open today (the tickets and their events stay, archived by day). */
  endOfDay(staffId: string | null): number {
    const now = this.d.now();
    const actor = this.actor(staffId);
    this.board.ensureDay(now);
    let n = 0;
    for (const t of endOfDayCancels(this.board.tickets())) {
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
    this.d.audit.append({ at: now, staffId, action: 'queue.end_of_day', detail: { cancelled: n } });
    this.board.boardChanged(now);
    return n;
  }
}
