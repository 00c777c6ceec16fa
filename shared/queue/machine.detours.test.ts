import { describe, expect, it } from 'vitest';
import { applyEvent, ticketAtCounter } from './machine';
import { applyAll, issuePayload, makeEventFactory, T0 } from '../../test/support/queue';
import { expectError, MIN, setup } from '../../test/support/queue-machine';

describe('no-show and requeue', () => {
  it('a no-show goes back once, keeping its arrival; the second time is refused', () => {
    const { ev, state } = setup();
    const noShow = applyAll(
      [
        ev('t1', 'call', T0 + MIN, { counterId: 'C1' }),
        ev('t1', 'no_show', T0 + 3 * MIN, { counterId: 'C1' }),
      ],
      state,
    );
    expect(noShow).toMatchObject({ status: 'no_show', noShowCount: 1 });
    const back = applyAll([ev('t1', 'requeue', T0 + 10 * MIN)], noShow);
    expect(back).toMatchObject({
      status: 'waiting',
      arrivedAt: T0,
      requeueCount: 1,
      counterId: null,
      calledAt: null,
    });
    const again = applyAll(
      [
        ev('t1', 'call', T0 + 11 * MIN, { counterId: 'C2' }),
        ev('t1', 'no_show', T0 + 13 * MIN, { counterId: 'C2' }),
      ],
      back,
    );
    expect(again.noShowCount).toBe(2);
    expectError(applyEvent(again, ev('t1', 'requeue', T0 + 14 * MIN)), 'requeue_limit');
    expect(applyAll([ev('t1', 'cancel', T0 + 15 * MIN)], again).status).toBe('cancelled');
  });
  it('requeue only from no_show', () => {
    const { ev, state } = setup();
    expectError(applyEvent(state, ev('t1', 'requeue', T0 + 1)), 'illegal_transition');
  });
  it('a limit of 0 means no requeue', () => {
    const ev = makeEventFactory();
    const s = applyAll([
      ev('t3', 'issue', T0, { payload: issuePayload({ noShowRequeueLimit: 0 }) }),
      ev('t3', 'call', T0 + 1, { counterId: 'C1' }),
      ev('t3', 'no_show', T0 + 2, { counterId: 'C1' }),
    ]);
    expectError(applyEvent(s, ev('t3', 'requeue', T0 + 3)), 'requeue_limit');
  });
});

describe('transfer', () => {
  it('same ticket, new queue, back to waiting, original arrival kept', () => {
    const { ev, state } = setup();
    const serving = applyAll(
      [ev('t1', 'call', T0 + MIN, { counterId: 'C1' }), ev('t1', 'start', T0 + 2 * MIN, { counterId: 'C1' })],
      state,
    );
    const moved = applyAll(
      [
        ev('t1', 'transfer', T0 + 8 * MIN, {
          counterId: 'C1',
          payload: { toQueue: 'corporate', reason: '需对公结算', servicesDone: ['cash'] },
        }),
      ],
      serving,
    );
    expect(moved).toMatchObject({
      id: 't1',
      displayNo: 'A001',
      queue: 'corporate',
      transferredFrom: 'individual',
      status: 'waiting',
      arrivedAt: T0,
      transferCount: 1,
      counterId: null,
      startedAt: null,
      servicesDone: ['cash'],
      lastReason: '需对公结算',
    });
  });
  it('not to its own queue, and not while waiting (that is an override)', () => {
    const { ev, state } = setup();
    const called = applyAll([ev('t1', 'call', T0 + 1, { counterId: 'C1' })], state);
    expectError(
      applyEvent(called, ev('t1', 'transfer', T0 + 2, { payload: { toQueue: 'individual' } })),
      'same_queue',
    );
    expectError(
      applyEvent(state, ev('t1', 'transfer', T0 + 2, { payload: { toQueue: 'vip' } })),
      'illegal_transition',
    );
  });
  it('may set a new priority', () => {
    const { ev, state } = setup();
    const moved = applyAll(
      [
        ev('t1', 'call', T0 + 1, { counterId: 'C1' }),
        ev('t1', 'transfer', T0 + 2, { payload: { toQueue: 'vip', priority: 2 } }),
      ],
      state,
    );
    expect(moved.priority).toBe(2);
  });
});

describe('hold and resume', () => {
  it('parks a visit and resumes it (at another counter too) without starting it twice', () => {
    const { ev, state } = setup();
    const serving = applyAll(
      [ev('t1', 'call', T0 + MIN, { counterId: 'C1' }), ev('t1', 'start', T0 + 2 * MIN, { counterId: 'C1' })],
      state,
    );
    const held = applyAll(
      [ev('t1', 'hold', T0 + 3 * MIN, { counterId: 'C1', payload: { reason: '回家取证件' } })],
      serving,
    );
    expect(held).toMatchObject({
      status: 'held',
      heldAt: T0 + 3 * MIN,
      counterId: 'C1',
      lastReason: '回家取证件',
    });
    expect(ticketAtCounter([held], 'C1')).toBeNull();
    const resumed = applyAll([ev('t1', 'resume', T0 + 30 * MIN, { counterId: 'C2' })], held);
    expect(resumed).toMatchObject({
      status: 'serving',
      counterId: 'C2',
      startedAt: T0 + 2 * MIN,
      heldAt: null,
    });
    expect(ticketAtCounter([resumed], 'C2')?.id).toBe('t1');
  });
  it('hold a called ticket; resume starts it', () => {
    const { ev, state } = setup();
    const held = applyAll([ev('t1', 'call', T0 + 1, { counterId: 'C1' }), ev('t1', 'hold', T0 + 2)], state);
    expectError(applyEvent(held, ev('t1', 'resume', T0 + 3)), 'counter_required');
    const resumed = applyAll([ev('t1', 'resume', T0 + 3, { counterId: 'C1' })], held);
    expect(resumed).toMatchObject({ status: 'serving', counterId: 'C1', startedAt: T0 + 3 });
  });
  it('cannot hold a waiting ticket or resume a serving one', () => {
    const { ev, state } = setup();
    expectError(applyEvent(state, ev('t1', 'hold', T0 + 1)), 'illegal_transition');
    const serving = applyAll(
      [ev('t1', 'call', T0 + 1, { counterId: 'C1' }), ev('t1', 'start', T0 + 2, { counterId: 'C1' })],
      state,
    );
    expectError(applyEvent(serving, ev('t1', 'resume', T0 + 3, { counterId: 'C1' })), 'illegal_transition');
    expectError(applyEvent(serving, ev('t1', 'cancel', T0 + 3)), 'illegal_transition');
  });
});

describe('override (lobby manager, while waiting)', () => {
  it('changes queue, priority and channel with a reason', () => {
    const { ev, state } = setup();
    const o = applyAll(
      [
        ev('t1', 'override', T0 + 1, {
          staffId: 'lobby1',
          payload: { queue: 'vip', priority: 2, channel: 'vip', reason: '客户为私行客户，系统未识别' },
        }),
      ],
      state,
    );
    expect(o).toMatchObject({
      queue: 'vip',
      priority: 2,
      channel: 'vip',
      overrideCount: 1,
      status: 'waiting',
      arrivedAt: T0,
      lastReason: '客户为私行客户，系统未识别',
    });
  });
  it('not once called', () => {
    const { ev, state } = setup();
    const called = applyAll([ev('t1', 'call', T0 + 1, { counterId: 'C1' })], state);
    expectError(
      applyEvent(called, ev('t1', 'override', T0 + 2, { payload: { priority: 1, reason: 'x' } })),
      'illegal_transition',
    );
  });
});

describe('identify (an anonymous walk-in identified at the counter)', () => {
  function anonymousAtCounter() {
    const ev = makeEventFactory();
    const issued = ev('w1', 'issue', T0, { payload: issuePayload({ customerId: null }) });
    const called = applyAll([issued, ev('w1', 'call', T0 + MIN, { counterId: 'C1' })]);
    return { ev, called };
  }
  it('attaches the customer while it is called or served at its counter; the visit goes on', () => {
    const { ev, called } = anonymousAtCounter();
    const serving = applyAll([ev('w1', 'start', T0 + 2 * MIN, { counterId: 'C1' })], called);
    const who = ev('w1', 'identify', T0 + 3 * MIN, { counterId: 'C1', payload: { customerId: 'cust-9' } });
    const r = applyAll([who], serving);
    expect(r).toMatchObject({ customerId: 'cust-9', identifiedAt: T0 + 3 * MIN, status: 'serving' });
    expect(r.counterId).toBe('C1');
    expect(applyAll([ev('w1', 'finish', T0 + 4 * MIN, { counterId: 'C1' })], r).customerId).toBe('cust-9');
    // Called, not yet started: the customer stands at the counter too.
    const early = ev('w1', 'identify', T0 + 2 * MIN, { counterId: 'C1', payload: { customerId: 'cust-9' } });
    expect(applyAll([early], called)).toMatchObject({ customerId: 'cust-9', status: 'called' });
  });
  it('refuses one already identified, another counter, no counter, a waiting or finished ticket', () => {
    const { ev, called } = anonymousAtCounter();
    const id = (at: number, counterId: string | null, customerId = 'cust-9') =>
      ev('w1', 'identify', at, { counterId, payload: { customerId } });
    const identified = applyAll([id(T0 + 2 * MIN, 'C1')], called);
    expectError(applyEvent(identified, id(T0 + 3 * MIN, 'C1', 'cust-7')), 'already_identified');
    expectError(applyEvent(called, id(T0 + 3 * MIN, 'C2')), 'called_elsewhere');
    expectError(applyEvent(called, id(T0 + 3 * MIN, null)), 'counter_required');
    const { state: waiting } = setup();
    expectError(
      applyEvent(waiting, ev('t1', 'identify', T0 + 1, { counterId: 'C1', payload: { customerId: 'x' } })),
      'illegal_transition',
    );
    const done = applyAll(
      [
        ev('w1', 'start', T0 + 3 * MIN, { counterId: 'C1' }),
        ev('w1', 'finish', T0 + 4 * MIN, { counterId: 'C1' }),
      ],
      called,
    );
    expectError(applyEvent(done, id(T0 + 5 * MIN, 'C1')), 'illegal_transition');
    expectError(
      applyEvent(called, ev('w1', 'identify', T0 + 3 * MIN, { counterId: 'C1' })),
      'invalid_payload',
    );
  });
  it('a ticket identified at issue cannot be attached to someone else', () => {
    const { ev, state } = setup();
    const called = applyAll([ev('t1', 'call', T0 + 1, { counterId: 'C1' })], state);
    expectError(
      applyEvent(called, ev('t1', 'identify', T0 + 2, { counterId: 'C1', payload: { customerId: 'c2' } })),
      'already_identified',
    );
  });
});
