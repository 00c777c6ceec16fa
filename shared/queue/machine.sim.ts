import type { QueueConfig } from './config';
import type { TicketEvent, TicketEventType } from './events';
import { applyEvent, ticketAtCounter } from './machine';
import type { TicketState } from './machine';

/*
 * Shared by the machine.*.property.test.ts files: a simulated branch. Counters and a lobby device send events
 * through a thin "server" that does what the real one must: dedupe by event id in the log, refuse a call/resume
 * at a busy counter, then `applyEvent`. The clock's start is handed in because shared/ modules other than tests
 * may not import test/ (lint:deps), where T0 lives.
 */

export interface Sim {
  config: QueueConfig;
  now: number;
  seq: number;
  tickets: Map<string, TicketState>;
  order: string[];
  log: TicketEvent[];
  attempted: TicketEvent[];
  /** Refused by the server's busy-counter guard, before the machine saw them. */
  guarded: Set<TicketEvent>;
  logIds: Set<string>;
  numbers: Map<string, number>;
  starts: Map<string, number>;
  violations: string[];
}

export function newSim(config: QueueConfig, start: number): Sim {
  return {
    config,
    now: start,
    seq: 0,
    tickets: new Map(),
    order: [],
    log: [],
    attempted: [],
    guarded: new Set(),
    logIds: new Set(),
    numbers: new Map(),
    starts: new Map(),
    violations: [],
  };
}

export function event(
  sim: Sim,
  ticketId: string,
  type: TicketEventType,
  counterId: string | null,
  payload: Record<string, unknown> = {},
): TicketEvent {
  sim.seq += 1;
  return {
    id: `e${sim.seq}`,
    ticketId,
    type,
    at: sim.now,
    staffId: counterId ? `staff-${counterId}` : 'lobby',
    deviceId: counterId ?? 'lobby-pad',
    counterId,
    payload,
  };
}

/** What the server does with one event. */
export function submit(sim: Sim, ev: TicketEvent): boolean {
  sim.attempted.push(ev);
  const before = sim.tickets.get(ev.ticketId) ?? null;
  if (sim.logIds.has(ev.id)) {
    // Already in the log: the machine must say so and nothing changes.
    const r = applyEvent(before, ev);
    if (r.ok || r.code !== 'duplicate_event') sim.violations.push(`duplicate ${ev.id} not detected`);
    return false;
  }
  if ((ev.type === 'call' || ev.type === 'resume') && ev.counterId) {
    const busy = ticketAtCounter(sim.tickets.values(), ev.counterId);
    if (busy && busy.id !== ev.ticketId) {
      sim.guarded.add(ev);
      return false;
    }
  }
  const r = applyEvent(before, ev);
  if (!r.ok) {
    if (r.zh.length === 0 || r.en.length === 0) sim.violations.push(`empty message for ${r.code}`);
    return false;
  }
  if (before && r.state.arrivedAt !== before.arrivedAt)
    sim.violations.push(`${ev.ticketId} changed its arrival`);
  if (r.state.version !== r.state.eventIds.length) sim.violations.push(`${ev.ticketId} version drift`);
  if ((r.state.status === 'called' || r.state.status === 'serving') && r.state.counterId === null) {
    sim.violations.push(`${ev.ticketId} ${r.state.status} without a counter`);
  }
  if (
    before &&
    (before.status === 'called' || before.status === 'serving') &&
    (r.state.status === 'called' || r.state.status === 'serving') &&
    r.state.counterId !== before.counterId
  ) {
    sim.violations.push(`${ev.ticketId} taken from ${before.counterId} by ${r.state.counterId}`);
  }
  if (
    before &&
    ev.counterId &&
    before.counterId &&
    (before.status === 'called' || before.status === 'serving' || before.status === 'held') &&
    ['call', 'recall', 'start', 'finish', 'no_show', 'hold'].includes(ev.type) &&
    ev.counterId !== before.counterId
  ) {
    sim.violations.push(`${ev.ticketId} (at ${before.counterId}) accepted ${ev.type} from ${ev.counterId}`);
  }
  if (ev.type === 'start') sim.starts.set(ev.ticketId, (sim.starts.get(ev.ticketId) ?? 0) + 1);
  if (!before) sim.order.push(ev.ticketId);
  sim.tickets.set(ev.ticketId, r.state);
  sim.log.push(ev);
  sim.logIds.add(ev.id);
  return true;
}
