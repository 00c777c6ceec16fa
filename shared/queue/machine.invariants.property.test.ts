import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from './config';
import type { QueueConfig } from './config';
import { TICKET_EVENT_TYPES, TICKET_STATUSES } from './events';
import type { TicketEvent, TicketEventType } from './events';
import { applyEvent, rebuild, rebuildDetailed, ticketAtCounter } from './machine';
import type { TicketState } from './machine';
import { event, newSim, submit } from './machine.sim';
import type { Sim } from './machine.sim';
import { formatTicketNo } from './numbering';
import { orderWaiting, pickNext, placeInLine } from './order';
import { T0 } from '../../test/support/queue';

/*
 * Several counters (each calling from its own queues) and a lobby device drive the simulated branch of
 * machine.sim.ts. Commands mix the normal flow with random (often illegal) and duplicate events.
 */

const QUEUES = ['vip', 'individual', 'corporate', 'self'] as const;
const COUNTERS: Record<string, readonly string[]> = {
  V1: ['vip'],
  C1: ['individual', 'vip'],
  C2: ['individual'],
  B1: ['corporate', 'individual'],
  S1: ['self'],
};
const COUNTER_IDS = Object.keys(COUNTERS);

type Command =
  | { kind: 'issue'; queue: number; priority: number; dt: number }
  | { kind: 'callNext'; counter: number; dt: number }
  | { kind: 'advance'; counter: number; dt: number }
  | {
      kind: 'act';
      counter: number;
      action: 'recall' | 'start' | 'finish' | 'no_show' | 'hold' | 'transfer';
      to: number;
      dt: number;
    }
  | {
      kind: 'lobby';
      ticket: number;
      action: 'requeue' | 'cancel' | 'resume' | 'override';
      counter: number;
      to: number;
      dt: number;
    }
  | { kind: 'random'; ticket: number; type: TicketEventType; counter: number; to: number; dt: number }
  | { kind: 'dup'; event: number; dt: number };

const dt = fc.integer({ min: 0, max: 4 * 60_000 });
const idx = fc.nat({ max: 1000 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('issue' as const),
      queue: fc.nat({ max: 3 }),
      priority: fc.nat({ max: 2 }),
      dt,
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('callNext' as const), counter: idx, dt }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), counter: idx, dt }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      counter: idx,
      action: fc.constantFrom('recall', 'start', 'finish', 'no_show', 'hold', 'transfer'),
      to: fc.nat({ max: 3 }),
      dt,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('lobby' as const),
      ticket: idx,
      action: fc.constantFrom('requeue', 'cancel', 'resume', 'override'),
      counter: idx,
      to: fc.nat({ max: 3 }),
      dt,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('random' as const),
      ticket: idx,
      type: fc.constantFrom(...TICKET_EVENT_TYPES),
      counter: idx,
      to: fc.nat({ max: 3 }),
      dt,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dup' as const), event: idx, dt }) },
);

const configArb: fc.Arbitrary<QueueConfig> = fc
  .record({
    promote: fc.integer({ min: 5, max: 40 }),
    limit: fc.nat({ max: 2 }),
  })
  .map(({ promote, limit }) => ({
    ...defaultQueueConfig,
    aging: { promoteAfterMinutes: promote },
    noShowRequeueLimit: limit,
  }));

function pickTicket(sim: Sim, i: number): string {
  return sim.order.length === 0 ? `ghost-${i}` : (sim.order[i % sim.order.length] as string);
}

function step(sim: Sim, cmd: Command): void {
  sim.now += cmd.dt;
  const counter = 'counter' in cmd ? (COUNTER_IDS[cmd.counter % COUNTER_IDS.length] as string) : null;
  switch (cmd.kind) {
    case 'issue': {
      const queue = QUEUES[cmd.queue] as string;
      const def = sim.config.queues.find((q) => q.key === queue);
      const number = (sim.numbers.get(queue) ?? 0) + 1;
      sim.numbers.set(queue, number);
      const id = `T${sim.order.length + 1}`;
      submit(
        sim,
        event(sim, id, 'issue', null, {
          queue,
          number,
          displayNo: formatTicketNo(def?.prefix ?? 'X', number),
          branchDay: '2025-06-16',
          priority: cmd.priority,
          customerId: null,
          services: ['cash'],
          noShowRequeueLimit: sim.config.noShowRequeueLimit,
        }),
      );
      return;
    }
    case 'callNext': {
      const c = counter as string;
      if (ticketAtCounter(sim.tickets.values(), c)) return;
      const queues = COUNTERS[c] as readonly string[];
      const waiting = [...sim.tickets.values()];
      const picked = pickNext(waiting, queues, sim.config);
      checkPick(sim, waiting, queues, picked);
      if (picked) submit(sim, event(sim, picked.id, 'call', c));
      return;
    }
    case 'advance': {
      // The teller's usual next step: start the called ticket, finish the one being served.
      const c = counter as string;
      const t = ticketAtCounter(sim.tickets.values(), c);
      if (t) submit(sim, event(sim, t.id, t.status === 'called' ? 'start' : 'finish', c));
      return;
    }
    case 'act': {
      const c = counter as string;
      const t =
        ticketAtCounter(sim.tickets.values(), c) ??
        [...sim.tickets.values()].find((x) => x.counterId === c && x.status === 'held');
      if (!t) return;
      const payload: Record<string, unknown> =
        cmd.action === 'transfer' ? { toQueue: QUEUES[cmd.to], reason: '转其他窗口' } : {};
      submit(sim, event(sim, t.id, cmd.action, c, payload));
      return;
    }
    case 'lobby': {
      const wanted = { requeue: 'no_show', cancel: 'waiting', resume: 'held', override: 'waiting' }[
        cmd.action
      ];
      const fit = sim.order.filter((id) => sim.tickets.get(id)?.status === wanted);
      const id = fit.length > 0 ? (fit[cmd.ticket % fit.length] as string) : pickTicket(sim, cmd.ticket);
      const payload: Record<string, unknown> =
        cmd.action === 'override' ? { queue: QUEUES[cmd.to], priority: cmd.to % 3, reason: '大堂调整' } : {};
      submit(sim, event(sim, id, cmd.action, cmd.action === 'resume' ? counter : null, payload));
      return;
    }
    case 'random': {
      const id = pickTicket(sim, cmd.ticket);
      const payload: Record<string, unknown> =
        cmd.type === 'transfer'
          ? { toQueue: QUEUES[cmd.to] }
          : cmd.type === 'override'
            ? { priority: cmd.to % 3, reason: 'x' }
            : cmd.type === 'identify'
              ? { customerId: `cust-${cmd.to}` }
              : cmd.type === 'issue'
                ? {
                    queue: 'individual',
                    number: 999,
                    displayNo: 'A999',
                    branchDay: '2025-06-16',
                    priority: 0,
                    customerId: null,
                    services: [],
                  }
                : {};
      submit(sim, event(sim, id, cmd.type, cmd.to === 0 ? null : counter, payload));
      return;
    }
    case 'dup': {
      if (sim.log.length === 0) return;
      submit(sim, sim.log[cmd.event % sim.log.length] as TicketEvent);
      return;
    }
  }
}

/** The pick honours the ordering rule: the lowest place in line of the counter's queues. */
function checkPick(
  sim: Sim,
  all: readonly TicketState[],
  queues: readonly string[],
  picked: TicketState | null,
): void {
  const eligible = orderWaiting(all, queues, sim.config);
  if (eligible.length === 0) {
    if (picked !== null) sim.violations.push('picked from nothing');
    return;
  }
  if (!picked || picked.status !== 'waiting' || !queues.includes(picked.queue)) {
    sim.violations.push('picked an ineligible ticket');
    return;
  }
  const head = eligible[0] as TicketState;
  if (picked.id !== head.id) sim.violations.push(`picked ${picked.id}, expected ${head.id}`);
  const better = eligible.find((t) => placeInLine(t, sim.config) < placeInLine(picked, sim.config));
  if (better) sim.violations.push(`picked ${picked.id} over ${better.id}, earlier in line`);
}

function runSim(config: QueueConfig, cmds: readonly Command[]): Sim {
  const sim = newSim(config, T0);
  for (const cmd of cmds) step(sim, cmd);
  return sim;
}

describe('queue state machine, property-based', () => {
  it('random multi-counter sequences keep every invariant', () => {
    fc.assert(
      fc.property(
        configArb,
        fc.array(command, { minLength: 20, maxLength: 300, size: 'max' }),
        (config, cmds) => {
          const sim = runSim(config, cmds);
          expect(sim.violations).toEqual([]);

          // rebuild(log) deep-equals the incremental state; so does rebuild of everything attempted.
          expect(rebuild(sim.log)).toEqual(sim.tickets);
          // Replaying every attempted event (the machine itself refusing the illegal and duplicate ones) gives
          // the same states, except events the server's busy-counter guard stopped before the machine saw them.
          const detailed = rebuildDetailed(sim.attempted.filter((e) => !sim.guarded.has(e)));
          expect(detailed.tickets).toEqual(sim.tickets);
          expect(detailed.rejected.length).toBe(sim.attempted.length - sim.guarded.size - sim.log.length);

          // None lost: every issued ticket is there, in a known status, with all its events.
          const issued = sim.log.filter((e) => e.type === 'issue').map((e) => e.ticketId);
          expect(new Set(issued).size).toBe(issued.length);
          expect([...sim.tickets.keys()].sort()).toEqual([...issued].sort());
          for (const t of sim.tickets.values()) {
            expect(TICKET_STATUSES).toContain(t.status);
            expect(t.eventIds).toEqual(sim.log.filter((e) => e.ticketId === t.id).map((e) => e.id));
            // Never served twice: at most one start per leg (the first one and one after each transfer).
            expect(sim.starts.get(t.id) ?? 0).toBeLessThanOrEqual(1 + t.transferCount);
            expect(t.requeueCount).toBeLessThanOrEqual(t.requeueLimit);
            expect(t.status).not.toBe('transferred');
          }

          // No counter works on two tickets at once.
          for (const c of COUNTER_IDS) {
            const active = [...sim.tickets.values()].filter(
              (t) => t.counterId === c && (t.status === 'called' || t.status === 'serving'),
            );
            expect(active.length).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any prefix of the log rebuilds to the state seen at that point', () => {
    fc.assert(
      fc.property(
        configArb,
        fc.array(command, { minLength: 1, maxLength: 150, size: 'max' }),
        fc.nat(),
        (config, cmds, cut) => {
          const sim = runSim(config, cmds);
          const k = sim.log.length === 0 ? 0 : cut % (sim.log.length + 1);
          const prefix = sim.log.slice(0, k);
          const incremental = new Map<string, TicketState>();
          for (const e of prefix) {
            const r = applyEvent(incremental.get(e.ticketId) ?? null, e);
            expect(r.ok).toBe(true);
            if (r.ok) incremental.set(e.ticketId, r.state);
          }
          expect(rebuild(prefix)).toEqual(incremental);
        },
      ),
      { numRuns: 150 },
    );
  });
});
