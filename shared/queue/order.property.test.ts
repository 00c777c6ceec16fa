import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from './config';
import type { QueueConfig } from './config';
import type { TicketState } from './machine';
import { aheadOf, canBePassed, laterArrivalPasses, pickNext } from './order';
import { T0 } from '../../test/support/queue';

/*
 * The queue keeps its promises (step 10, item 10): "前面 N 人" printed on a ticket is exactly the people in its
 * line when it is printed, and the only others called before it are later arrivals the rule lets pass — a higher
 * class within (class gap × M) minutes — which the ticket warns of whenever a higher class exists.
 */

const MIN = 60_000;
const CLASSES = [0, 1, 2];
const COUNTERS: Record<string, readonly string[]> = {
  V1: ['vip'],
  C1: ['individual', 'vip'],
  C2: ['individual'],
};
const QUEUES = ['vip', 'individual'];

type Step =
  | { kind: 'arrive'; queue: number; priority: number; dt: number }
  | { kind: 'call'; counter: number; dt: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('arrive' as const),
    queue: fc.nat({ max: 1 }),
    priority: fc.nat({ max: 2 }),
    dt: fc.integer({ min: 0, max: 20 * MIN }),
  }),
  fc.record({
    kind: fc.constant('call' as const),
    counter: fc.nat({ max: 2 }),
    dt: fc.integer({ min: 0, max: 20 * MIN }),
  }),
);

interface Printed {
  ticket: TicketState;
  /** When it was printed, on the same clock as the calls. */
  at: number;
  ahead: number;
  /** Ids of the tickets in its line when it was printed that come before it. */
  before: Set<string>;
}

function run(config: QueueConfig, steps: readonly Step[]) {
  const tickets = new Map<string, TicketState>();
  const printed: Printed[] = [];
  const calledAt = new Map<string, number>();
  let now = T0;
  let seq = 0;
  let order = 0;
  const call = (queues: readonly string[]) => {
    const next = pickNext([...tickets.values()], queues, config);
    if (!next) return false;
    tickets.set(next.id, { ...next, status: 'called' });
    calledAt.set(next.id, order++);
    return true;
  };
  for (const s of steps) {
    now += s.dt;
    if (s.kind === 'arrive') {
      seq += 1;
      const t = {
        id: `T${String(seq).padStart(4, '0')}`,
        queue: QUEUES[s.queue] as string,
        number: seq,
        status: 'waiting',
        priority: s.priority,
        arrivedAt: now,
      } as TicketState;
      tickets.set(t.id, t);
      const line = [...tickets.values()].filter(
        (x) => x.status === 'waiting' && x.queue === t.queue && x.id !== t.id,
      );
      printed.push({
        ticket: t,
        at: order++,
        ahead: aheadOf(t, tickets.values(), config),
        before: new Set(line.filter((x) => aheadOf(t, [t, x], config) === 1).map((x) => x.id)),
      });
    } else call(COUNTERS[Object.keys(COUNTERS)[s.counter] as string] as readonly string[]);
  }
  // Closing time: the counters call everyone left.
  while (call(QUEUES));
  return { printed, calledAt };
}

describe('the number printed on a ticket', () => {
  it('is everyone called before it, plus only later arrivals the rule lets pass (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 60 }),
        fc.array(step, { minLength: 1, maxLength: 120 }),
        (promote, steps) => {
          const config: QueueConfig = { ...defaultQueueConfig, aging: { promoteAfterMinutes: promote } };
          const { printed, calledAt } = run(config, steps);
          const byId = new Map(printed.map((p) => [p.ticket.id, p]));
          for (const p of printed) {
            const mine = calledAt.get(p.ticket.id) as number;
            expect(p.before.size).toBe(p.ahead);
            const calledFirst = printed.filter(
              (q) =>
                q.ticket.queue === p.ticket.queue &&
                q.ticket.id !== p.ticket.id &&
                (calledAt.get(q.ticket.id) as number) > p.at &&
                (calledAt.get(q.ticket.id) as number) < mine,
            );
            // Everyone counted was called first: nobody in the line fell behind.
            for (const id of p.before) expect(calledAt.get(id) as number).toBeLessThan(mine);
            const passers = calledFirst.filter(
              (q) => q.ticket.arrivedAt >= p.ticket.arrivedAt && !p.before.has(q.ticket.id),
            );
            // Everyone else called first arrived later and outranks it under the rule…
            for (const q of passers) {
              expect(
                laterArrivalPasses(p.ticket, { at: q.ticket.arrivedAt, priority: q.ticket.priority }, config),
              ).toBe(true);
              expect(q.ticket.priority).toBeGreaterThan(p.ticket.priority);
            }
            expect(calledFirst.length).toBe(p.ahead + passers.length);
            // …so a ticket that cannot be passed (its class is the top one) keeps its number exactly.
            if (!canBePassed(p.ticket, CLASSES)) expect(calledFirst.length).toBe(p.ahead);
            expect(byId.get(p.ticket.id)).toBe(p);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('an override keeps its class: the 72-year-old in the VIP room is told a later 贵宾 may go first', () => {
    const config = defaultQueueConfig;
    const vipWaiting = {
      id: 'V001',
      queue: 'vip',
      number: 1,
      status: 'waiting',
      priority: 2,
      arrivedAt: T0,
    } as TicketState;
    // Sent to the VIP room by override, still 优先(关爱) (class 1).
    const elderly = {
      id: 'V002',
      queue: 'vip',
      number: 2,
      status: 'waiting',
      priority: 1,
      arrivedAt: T0 + MIN,
    } as TicketState;
    expect(aheadOf(elderly, [vipWaiting, elderly], config)).toBe(1);
    expect(canBePassed(elderly, CLASSES)).toBe(true);
    // A 高端 customer 10 minutes later is called first; one 31 minutes later is not.
    expect(laterArrivalPasses(elderly, { at: T0 + 11 * MIN, priority: 2 }, config)).toBe(true);
    expect(laterArrivalPasses(elderly, { at: T0 + 32 * MIN, priority: 2 }, config)).toBe(false);
  });
});
