import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from './config';
import type { QueueConfig } from './config';
import type { TicketState } from './machine';
import {
  aheadOf,
  canBePassed,
  laterArrivalPasses,
  orderWaiting,
  pickNext,
  placeInLine,
  transferClass,
} from './order';
import { applyAll, issuePayload, makeEventFactory, T0 } from '../../test/support/queue';

const MIN = 60_000;
const cfg: QueueConfig = { ...defaultQueueConfig, aging: { promoteAfterMinutes: 30 } };
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
    expect(pickNext([a, b, d, c], ['individual'], cfg)?.id).toBe(c.id);
    expect(orderWaiting([a, b, c, d], ['individual'], cfg).map((t) => t.id)).toEqual([
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
    expect(pickNext([a, called], ['individual'], cfg)).toBeNull();
    expect(pickNext([a, b], ['individual'], cfg)?.id).toBe(b.id);
    expect(pickNext([a, b], ['individual', 'vip'], cfg)?.id).toBe(a.id);
    expect(pickNext([], ['individual'], cfg)).toBeNull();
  });
  it('a class is worth promoteAfterMinutes of waiting, and the order never changes with time', () => {
    const old = ticket('individual', 0, T0);
    const care = ticket('individual', 1, T0 + 40 * MIN);
    const vip = ticket('individual', 2, T0 + 50 * MIN);
    expect(placeInLine(old, cfg)).toBe(T0);
    expect(placeInLine(care, cfg)).toBe(T0 + 10 * MIN);
    expect(placeInLine(vip, cfg)).toBe(T0 - 10 * MIN);
    // vip came within 2 × 30 min of old: it goes first; care came 40 min after old, more than its one class.
    expect(orderWaiting([old, care, vip], ['individual'], cfg).map((t) => t.id)).toEqual([
      vip.id,
      old.id,
      care.id,
    ]);
    // A normal ticket that waited 2 × M stands level with a fresh VIP one, and arrived first.
    const fresh = ticket('individual', 2, T0 + 60 * MIN);
    expect(pickNext([fresh, old], ['individual'], cfg)?.id).toBe(old.id);
  });
  it('ahead counts the waiting tickets of the same queue called first', () => {
    const a = ticket('individual', 0, T0);
    const b = ticket('individual', 1, T0 + 10 * MIN);
    const c = ticket('individual', 0, T0 + 5 * MIN);
    const elsewhere = ticket('vip', 2, T0);
    const all = [a, b, c, elsewhere];
    expect(aheadOf(b, all, cfg)).toBe(0);
    expect(aheadOf(a, all, cfg)).toBe(1);
    expect(aheadOf(c, all, cfg)).toBe(2);
  });
  it('only a higher class arriving within (class gap × M) can pass', () => {
    const care = ticket('vip', 1, T0);
    expect(canBePassed(care, [0, 1, 2])).toBe(true);
    expect(canBePassed(care, [0, 1])).toBe(false);
    expect(laterArrivalPasses(care, { at: T0 + 29 * MIN, priority: 2 }, cfg)).toBe(true);
    expect(laterArrivalPasses(care, { at: T0 + 30 * MIN, priority: 2 }, cfg)).toBe(false);
    expect(laterArrivalPasses(care, { at: T0 + MIN, priority: 1 }, cfg)).toBe(false);
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
    expect(pickNext([corp, moved], ['corporate'], cfg)?.id).toBe(moved.id);
  });
  it('ties break by number, then id (a total order)', () => {
    const a = ticket('individual', 0, T0);
    const b = ticket('individual', 0, T0);
    expect(pickNext([b, a], ['individual'], cfg)?.id).toBe(a.id);
  });
});

describe('transferClass', () => {
  it('a transfer is not passed by anyone who arrived after it in the new queue', () => {
    const moved = ticket('individual', 0, T0);
    const before = ticket('vip', 2, T0 - 5 * MIN);
    const later = [1, 2, 3].map((i) => ticket('vip', 2, T0 + i * 5 * MIN));
    const careLater = ticket('vip', 1, T0 + MIN);
    const all = [moved, before, careLater, ...later];
    const level = transferClass(moved, 'vip', all);
    expect(level).toBe(2);
    const arrived = { ...moved, queue: 'vip', priority: level };
    // Only the one who was there first is ahead of it (without its class it would go to the back: 5 ahead).
    expect(aheadOf(arrived, [...all.filter((t) => t.id !== moved.id), arrived], cfg)).toBe(1);
    expect(
      aheadOf(
        { ...moved, queue: 'vip' },
        [...all.filter((t) => t.id !== moved.id), { ...moved, queue: 'vip' }],
        cfg,
      ),
    ).toBe(5);
    // Nobody later in that queue: it keeps its own class.
    expect(transferClass(moved, 'corporate', all)).toBe(0);
  });
});
