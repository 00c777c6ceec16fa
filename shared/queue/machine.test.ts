import { describe, expect, it } from 'vitest';
import type { TicketEvent } from './events';
import { ticketEventSchema } from './events';
import { applyEvent, rebuild, rebuildDetailed, ticketAtCounter } from './machine';
import type { ApplyResult, TicketState } from './machine';
import { applyAll, issuePayload, makeEventFactory, T0 } from '../../test/support/queue';

const MIN = 60_000;

function setup() {
  const ev = makeEventFactory();
  const issued = ev('t1', 'issue', T0, {
    payload: issuePayload({ customerId: 'c1', services: ['cash', 'statement'] }),
  });
  return { ev, issued, state: applyAll([issued]) };
}

function expectError(r: ApplyResult, code: string) {
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.code).toBe(code);
    expect(r.zh.length).toBeGreaterThan(0);
    expect(r.en.length).toBeGreaterThan(0);
  }
}

describe('issue', () => {
  it('creates a waiting ticket from the payload, arrival = event time', () => {
    const { state, issued } = setup();
    expect(state).toMatchObject({
      id: 't1',
      queue: 'individual',
      number: 1,
      displayNo: 'A001',
      branchDay: '2025-06-16',
      status: 'waiting',
      priority: 0,
      arrivedAt: T0,
      customerId: 'c1',
      services: ['cash', 'statement'],
      servicesDone: [],
      counterId: null,
      callCount: 0,
      requeueLimit: 1,
      version: 1,
      lastEventId: issued.id,
      eventIds: [issued.id],
    });
  });
  it('refuses a second issue and a bad payload', () => {
    const { ev, state } = setup();
    expectError(applyEvent(state, ev('t1', 'issue', T0 + 1, { payload: issuePayload() })), 'already_issued');
    expectError(
      applyEvent(null, ev('t2', 'issue', T0, { payload: { queue: 'individual' } })),
      'invalid_payload',
    );
    expectError(
      applyEvent(null, ev('t2', 'issue', T0, { payload: issuePayload({ number: 0 }) })),
      'invalid_payload',
    );
  });
  it('any other event on a missing ticket is ticket_not_found', () => {
    const ev = makeEventFactory();
    expectError(applyEvent(null, ev('t9', 'call', T0, { counterId: 'C1' })), 'ticket_not_found');
  });
  it('takes the requeue limit from the issue payload when given', () => {
    const ev = makeEventFactory();
    expect(
      applyAll([ev('t2', 'issue', T0, { payload: issuePayload({ noShowRequeueLimit: 3 }) })]).requeueLimit,
    ).toBe(3);
  });
});

describe('happy path: call → start → finish', () => {
  it('moves through the statuses and records who and when', () => {
    const { ev, state } = setup();
    const called = applyAll([ev('t1', 'call', T0 + 5 * MIN, { counterId: 'C1', staffId: 's1' })], state);
    expect(called).toMatchObject({ status: 'called', counterId: 'C1', calledAt: T0 + 5 * MIN, callCount: 1 });
    const recalled = applyAll([ev('t1', 'recall', T0 + 6 * MIN, { counterId: 'C1' })], called);
    expect(recalled).toMatchObject({
      status: 'called',
      calledAt: T0 + 5 * MIN,
      lastCalledAt: T0 + 6 * MIN,
      callCount: 2,
    });
    const serving = applyAll([ev('t1', 'start', T0 + 7 * MIN, { counterId: 'C1' })], recalled);
    expect(serving).toMatchObject({ status: 'serving', startedAt: T0 + 7 * MIN });
    const done = applyAll([ev('t1', 'finish', T0 + 12 * MIN, { counterId: 'C1' })], serving);
    expect(done).toMatchObject({
      status: 'done',
      finishedAt: T0 + 12 * MIN,
      servicesDone: ['cash', 'statement'],
    });
    expect(done.version).toBe(5);
  });
  it('finish may list only the services done', () => {
    const { ev, state } = setup();
    const done = applyAll(
      [
        ev('t1', 'call', T0 + 1, { counterId: 'C1' }),
        ev('t1', 'start', T0 + 2, { counterId: 'C1' }),
        ev('t1', 'finish', T0 + 3, { payload: { servicesDone: ['cash'] } }),
      ],
      state,
    );
    expect(done.servicesDone).toEqual(['cash']);
  });
  it('does not modify the input state', () => {
    const { ev, state } = setup();
    const copy = structuredClone(state);
    applyEvent(state, ev('t1', 'call', T0 + 1, { counterId: 'C1' }));
    expect(state).toEqual(copy);
  });
});

describe('illegal transitions answer ok:false with a clear message', () => {
  it('finish a waiting ticket', () => {
    const { ev, state } = setup();
    const r = applyEvent(state, ev('t1', 'finish', T0 + 1, { counterId: 'C1' }));
    expectError(r, 'illegal_transition');
    if (!r.ok) expect(r.zh).toBe('等候中的号不能办结（A001）');
  });
  it('call a done ticket', () => {
    const { ev, state } = setup();
    const done = applyAll(
      [
        ev('t1', 'call', T0 + 1, { counterId: 'C1' }),
        ev('t1', 'start', T0 + 2, { counterId: 'C1' }),
        ev('t1', 'finish', T0 + 3, { counterId: 'C1' }),
      ],
      state,
    );
    const r = applyEvent(done, ev('t1', 'call', T0 + 4, { counterId: 'C2' }));
    expectError(r, 'illegal_transition');
    if (!r.ok) expect(r.en).toBe('Cannot call A001: it is done');
  });
  it('call a ticket already called by another counter', () => {
    const { ev, state } = setup();
    const called = applyAll([ev('t1', 'call', T0 + 1, { counterId: 'C1' })], state);
    const r = applyEvent(called, ev('t1', 'call', T0 + 2, { counterId: 'C2' }));
    expectError(r, 'called_elsewhere');
    if (!r.ok) expect(r.zh).toContain('C1');
    expectError(applyEvent(called, ev('t1', 'call', T0 + 2, { counterId: 'C1' })), 'already_called');
  });
  it('start, finish, recall, no-show or hold from another counter', () => {
    const { ev, state } = setup();
    const called = applyAll([ev('t1', 'call', T0 + 1, { counterId: 'C1' })], state);
    for (const type of ['start', 'recall', 'no_show', 'hold'] as const) {
      expectError(applyEvent(called, ev('t1', type, T0 + 2, { counterId: 'C2' })), 'called_elsewhere');
    }
    const serving = applyAll([ev('t1', 'start', T0 + 2, { counterId: 'C1' })], called);
    expectError(applyEvent(serving, ev('t1', 'finish', T0 + 3, { counterId: 'C2' })), 'called_elsewhere');
    expectError(applyEvent(serving, ev('t1', 'call', T0 + 3, { counterId: 'C2' })), 'called_elsewhere');
  });
  it('a call needs a counter', () => {
    const { ev, state } = setup();
    expectError(applyEvent(state, ev('t1', 'call', T0 + 1)), 'counter_required');
  });
  it('an event for another ticket', () => {
    const { ev, state } = setup();
    expectError(applyEvent(state, ev('t2', 'call', T0 + 1, { counterId: 'C1' })), 'wrong_ticket');
  });
  it('an unknown type or a bad payload', () => {
    const { ev, state } = setup();
    const bogus = {
      ...ev('t1', 'call', T0 + 1, { counterId: 'C1' }),
      type: 'teleport',
    } as unknown as TicketEvent;
    expectError(applyEvent(state, bogus), 'invalid_payload');
    expectError(
      applyEvent(state, ev('t1', 'override', T0 + 1, { payload: { reason: 'x' } })),
      'invalid_payload',
    );
    expectError(
      applyEvent(state, ev('t1', 'override', T0 + 1, { payload: { queue: 'vip' } })),
      'invalid_payload',
    );
  });
});

describe('duplicates', () => {
  it('the same event id twice is detected (duplicate_event), even if not the last one', () => {
    const { ev, state, issued } = setup();
    const call = ev('t1', 'call', T0 + 1, { counterId: 'C1' });
    const called = applyAll([call], state);
    expectError(applyEvent(called, call), 'duplicate_event');
    const recall = ev('t1', 'recall', T0 + 2, { counterId: 'C1' });
    const recalled = applyAll([recall, ev('t1', 'recall', T0 + 3, { counterId: 'C1' })], called);
    expectError(applyEvent(recalled, recall), 'duplicate_event');
    expectError(applyEvent(recalled, issued), 'duplicate_event');
  });
  it('rebuild skips duplicates and reports them', () => {
    const { ev, issued } = setup();
    const call = ev('t1', 'call', T0 + 1, { counterId: 'C1' });
    const r = rebuildDetailed([issued, call, call, issued]);
    expect(r.tickets.get('t1')?.version).toBe(2);
    expect(r.rejected.map((x) => x.error.code)).toEqual(['duplicate_event', 'duplicate_event']);
  });
});

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

describe('rebuild', () => {
  it('equals incremental application, several tickets interleaved', () => {
    const ev = makeEventFactory();
    const events: TicketEvent[] = [
      ev('a', 'issue', T0, { payload: issuePayload() }),
      ev('b', 'issue', T0 + 1, { payload: issuePayload({ number: 2, displayNo: 'A002', priority: 1 }) }),
      ev('b', 'call', T0 + 2, { counterId: 'C1' }),
      ev('a', 'call', T0 + 3, { counterId: 'C2' }),
      ev('a', 'call', T0 + 3, { counterId: 'C1' }), // refused: C2 has it
      ev('b', 'start', T0 + 4, { counterId: 'C1' }),
      ev('a', 'no_show', T0 + 5, { counterId: 'C2' }),
      ev('b', 'finish', T0 + 6, { counterId: 'C1' }),
      ev('a', 'requeue', T0 + 7),
    ];
    const incremental = new Map<string, TicketState>();
    for (const e of events) {
      const r = applyEvent(incremental.get(e.ticketId) ?? null, e);
      if (r.ok) incremental.set(e.ticketId, r.state);
    }
    expect(rebuild(events)).toEqual(incremental);
    expect(rebuildDetailed(events).rejected.map((r) => r.error.code)).toEqual(['called_elsewhere']);
    expect(incremental.get('a')).toMatchObject({ status: 'waiting', requeueCount: 1 });
    expect(incremental.get('b')).toMatchObject({ status: 'done' });
  });
});

describe('event schema', () => {
  it('accepts a well-formed event and refuses a malformed one', () => {
    const { issued } = setup();
    expect(ticketEventSchema.safeParse(issued).success).toBe(true);
    expect(ticketEventSchema.safeParse({ ...issued, type: 'explode' }).success).toBe(false);
    expect(ticketEventSchema.safeParse({ ...issued, at: -1 }).success).toBe(false);
  });
});
