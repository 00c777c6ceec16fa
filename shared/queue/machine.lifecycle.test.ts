import { describe, expect, it } from 'vitest';
import type { TicketEvent } from './events';
import { ticketEventSchema } from './events';
import { applyEvent, rebuild, rebuildDetailed } from './machine';
import type { TicketState } from './machine';
import { applyAll, issuePayload, makeEventFactory, T0 } from '../../test/support/queue';
import { expectError, MIN, setup } from '../../test/support/queue-machine';

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
