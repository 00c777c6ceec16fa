import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from './config';
import type { QueueConfig } from './config';
import type { TicketState } from './machine';
import { effectivePriority, nextHistory, orderWaiting, pickNext } from './order';
import { applyAll, issuePayload, makeEventFactory, T0 } from '../../test/support/queue';

const MIN = 60_000;
const cfg: QueueConfig = { ...defaultQueueConfig, aging: { maxPriorityStreak: 3, promoteAfterMinutes: 30 } };
const ev = makeEventFactory();
let n = 0;

function ticket(queue: string, priority: number, arrivedAt: number): TicketState {
  n += 1;
  return applyAll([
    ev(`t${n}`, 'issue', arrivedAt, {
      payload: issuePayload({ queue, priority, number: n, displayNo: `A${String(n).padStart(3, '0')}` }),
    }),
  ]);
}

describe('pickNext', () => {
  it('priority class first, then arrival', () => {
    const a = ticket('individual', 0, T0);
    const b = ticket('individual', 1, T0 + MIN);
    const c = ticket('individual', 2, T0 + 2 * MIN);
    const d = ticket('individual', 2, T0 + 3 * MIN);
    const now = T0 + 5 * MIN;
    expect(pickNext([a, b, d, c], ['individual'], { priorityStreak: 0 }, now, cfg)?.id).toBe(c.id);
    expect(orderWaiting([a, b, c, d], ['individual'], now, cfg).map((t) => t.id)).toEqual([
      c.id,
      d.id,
      b.id,
      a.id,
    ]);
  });
  it('only waiting tickets of the given queues', () => {
    const a = ticket('vip', 2, T0);
    const b = ticket('individual', 0, T0 + MIN);
    const called = applyAll([ev(b.id, 'call', T0 + 2 * MIN, { counterId: 'C1' })], b);
    expect(pickNext([a, called], ['individual'], { priorityStreak: 0 }, T0 + 3 * MIN, cfg)).toBeNull();
    expect(pickNext([a, b], ['individual'], { priorityStreak: 0 }, T0 + 3 * MIN, cfg)?.id).toBe(b.id);
    expect(pickNext([a, b], ['individual', 'vip'], { priorityStreak: 0 }, T0 + 3 * MIN, cfg)?.id).toBe(a.id);
    expect(pickNext([], ['individual'], { priorityStreak: 0 }, T0, cfg)).toBeNull();
  });
  it('after maxPriorityStreak priority tickets, the oldest normal one goes next', () => {
    const normal1 = ticket('individual', 0, T0);
    const normal2 = ticket('individual', 0, T0 - MIN);
    const vip = ticket('individual', 2, T0 + MIN);
    const now = T0 + 2 * MIN;
    const all = [normal1, normal2, vip];
    expect(pickNext(all, ['individual'], { priorityStreak: 2 }, now, cfg)?.id).toBe(vip.id);
    expect(pickNext(all, ['individual'], { priorityStreak: 3 }, now, cfg)?.id).toBe(normal2.id);
    // No normal ticket waiting: the streak does not matter.
    expect(pickNext([vip], ['individual'], { priorityStreak: 9 }, now, cfg)?.id).toBe(vip.id);
  });
  it('waiting promoteAfterMinutes lifts a ticket one class per step', () => {
    const old = ticket('individual', 0, T0);
    const care = ticket('individual', 1, T0 + 40 * MIN);
    const vip = ticket('individual', 2, T0 + 50 * MIN);
    expect(effectivePriority(old, T0 + 29 * MIN, cfg)).toBe(0);
    expect(effectivePriority(old, T0 + 30 * MIN, cfg)).toBe(1);
    expect(effectivePriority(old, T0 + 61 * MIN, cfg)).toBe(2);
    // At 55 min: old is 1 (aged), care 1 → old arrived first wins over care; vip (2) wins overall.
    expect(pickNext([old, care, vip], ['individual'], { priorityStreak: 0 }, T0 + 55 * MIN, cfg)?.id).toBe(
      vip.id,
    );
    expect(pickNext([old, care], ['individual'], { priorityStreak: 0 }, T0 + 55 * MIN, cfg)?.id).toBe(old.id);
    // At 61 min old counts as 2 and arrived before vip.
    expect(pickNext([old, care, vip], ['individual'], { priorityStreak: 0 }, T0 + 61 * MIN, cfg)?.id).toBe(
      old.id,
    );
  });
  it('a transferred ticket keeps its place by original arrival', () => {
    const early = ticket('individual', 0, T0);
    const moved = applyAll(
      [
        ev(early.id, 'call', T0 + MIN, { counterId: 'C1' }),
        ev(early.id, 'transfer', T0 + 5 * MIN, { payload: { toQueue: 'corporate' } }),
      ],
      early,
    );
    const corp = ticket('corporate', 0, T0 + 2 * MIN);
    expect(pickNext([corp, moved], ['corporate'], { priorityStreak: 0 }, T0 + 6 * MIN, cfg)?.id).toBe(
      moved.id,
    );
  });
  it('ties break by number, then id (a total order)', () => {
    const a = ticket('individual', 0, T0);
    const b = ticket('individual', 0, T0);
    expect(pickNext([b, a], ['individual'], { priorityStreak: 0 }, T0, cfg)?.id).toBe(a.id);
  });
});

describe('nextHistory', () => {
  it('counts priority tickets in a row and resets on a normal one', () => {
    const p = ticket('individual', 1, T0);
    const z = ticket('individual', 0, T0);
    expect(nextHistory({ priorityStreak: 2 }, p)).toEqual({ priorityStreak: 3 });
    expect(nextHistory({ priorityStreak: 2 }, z)).toEqual({ priorityStreak: 0 });
  });
});
