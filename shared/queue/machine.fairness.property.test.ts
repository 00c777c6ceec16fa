import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from './config';
import type { QueueConfig } from './config';
import type { TicketState } from './machine';
import { event, newSim, submit } from './machine.sim';
import { formatTicketNo } from './numbering';
import { pickNext } from './order';
import { T0 } from '../../test/support/queue';

describe('queue state machine, property-based', () => {
  it('a normal ticket is never starved by a stream of priority tickets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 45 }),
        fc.array(fc.record({ priority: fc.nat({ max: 2 }), age: fc.nat({ max: 90 }) }), {
          maxLength: 12,
          size: 'max',
        }),
        fc.nat({ max: 90 }),
        (promote, initial, targetAge) => {
          const config: QueueConfig = { ...defaultQueueConfig, aging: { promoteAfterMinutes: promote } };
          const top = 2;
          const sim = newSim(config, T0);
          sim.now = T0 + 120 * 60_000;
          const mk = (priority: number, arrivedAt: number): TicketState => {
            const n = sim.order.length + 1;
            const id = `T${n}`;
            const saved = sim.now;
            sim.now = arrivedAt;
            submit(
              sim,
              event(sim, id, 'issue', null, {
                queue: 'individual',
                number: n,
                displayNo: formatTicketNo('A', n),
                branchDay: '2025-06-16',
                priority,
                customerId: null,
                services: [],
              }),
            );
            sim.now = saved;
            return sim.tickets.get(id) as TicketState;
          };
          for (const t of initial) mk(t.priority, sim.now - t.age * 60_000);
          const target = mk(0, sim.now - targetAge * 60_000);
          // Nobody arriving (top class × M) or more after it passes it, so it is called within this many calls.
          const bound = initial.length + 2 * top * promote + 2;
          for (let call = 1; call <= bound; call++) {
            // Two fresh VIP tickets arrive before every call, one call a minute.
            mk(top, sim.now);
            mk(top, sim.now);
            const picked = pickNext([...sim.tickets.values()], ['individual'], config);
            expect(picked).not.toBeNull();
            const p = picked as TicketState;
            if (p.id !== target.id)
              expect(p.arrivedAt).toBeLessThan(target.arrivedAt + top * promote * 60_000);
            expect(submit(sim, event(sim, p.id, 'call', 'C1'))).toBe(true);
            submit(sim, event(sim, p.id, 'start', 'C1'));
            submit(sim, event(sim, p.id, 'finish', 'C1'));
            if (p.id === target.id) return;
            sim.now += 60_000;
          }
          throw new Error(`normal ticket not called within ${bound} calls`);
        },
      ),
      { numRuns: 150 },
    );
  });
});
