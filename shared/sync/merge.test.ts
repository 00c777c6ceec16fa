import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePayload, makeEventFactory, T0 } from '../../test/support/queue';
import type { TicketEvent } from '../queue';
import {
  conflictNotices,
  lastWriterWins,
  mergeTicketEvents,
  replayInHlcOrder,
  type StampedTicketEvent,
} from './merge';

const hlc = (ms: number, node: string, c = 0) =>
  `${String(T0 + ms).padStart(13, '0')}:${c.toString(16).padStart(4, '0')}:${node}`;
const evA = makeEventFactory('hub');
const evB = makeEventFactory('t1');
const evC = makeEventFactory('t2');

function s(event: TicketEvent, stamp: string): StampedTicketEvent {
  return { event, hlc: stamp };
}

const issue = s(
  evA('k', 'issue', T0, { payload: issuePayload({ displayNo: 'A012', number: 12 }) }),
  hlc(0, 'hub'),
);
const call1 = s(evB('k', 'call', T0 + 1000, { counterId: 'c1' }), hlc(1000, 't1'));
const call2 = s(evC('k', 'call', T0 + 2000, { counterId: 'c2' }), hlc(2000, 't2'));
const start2 = s(evC('k', 'start', T0 + 3000, { counterId: 'c2' }), hlc(3000, 't2'));
const finish2 = s(evC('k', 'finish', T0 + 4000, { counterId: 'c2' }), hlc(4000, 't2'));

describe('ticket merge', () => {
  it('the earlier call stands; the later one and what followed it at that counter do not', () => {
    const m = mergeTicketEvents([issue, call2, start2, finish2, call1]);
    expect(m.state?.counterId).toBe('c1');
    expect(m.state?.status).toBe('called');
    expect(m.ordered.map((o) => [o.item.event.type, o.accepted])).toEqual([
      ['issue', true],
      ['call', true],
      ['call', false],
      ['start', false],
      ['finish', false],
    ]);
    const lost = m.ordered.filter((o) => !o.accepted);
    const notices = conflictNotices(lost, m.state, (id) => (id === 'c1' ? '1号窗口' : null));
    expect(notices).toHaveLength(1);
    expect(notices[0]?.counterId).toBe('c2');
    expect(notices[0]?.zh).toContain('A012');
    expect(notices[0]?.zh).toContain('1号窗口');
    expect(notices[0]?.en).toContain('did not stand');
  });

  it('a repeated event counts once', () => {
    const m = mergeTicketEvents([issue, call1, call1, issue]);
    expect(m.ordered).toHaveLength(2);
    expect(m.state?.version).toBe(2);
  });

  it('property: the result does not depend on arrival order', () => {
    const all = [issue, call1, call2, start2, finish2];
    const reference = mergeTicketEvents(all);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (order) => {
        const m = mergeTicketEvents(order);
        expect(m.state).toEqual(reference.state);
        expect(m.ordered.map((o) => o.accepted)).toEqual(reference.ordered.map((o) => o.accepted));
      }),
    );
  });

  it('replays many tickets independently', () => {
    const other = s(
      evA('j', 'issue', T0, { payload: issuePayload({ displayNo: 'A013', number: 13 }) }),
      hlc(5, 'hub'),
    );
    const states = replayInHlcOrder([call2, other, issue, call1]);
    expect(states.get('k')?.counterId).toBe('c1');
    expect(states.get('j')?.status).toBe('waiting');
  });

  it('tells a counter whose call came after a cancel; no notice for an event that names no counter', () => {
    const cancel = s(evA('k', 'cancel', T0 + 500, {}), hlc(500, 'hub'));
    const cancelAgain = s(evB('k', 'cancel', T0 + 600, {}), hlc(600, 't1'));
    const m = mergeTicketEvents([issue, call1, cancel, cancelAgain]);
    expect(m.state?.status).toBe('cancelled');
    const notices = conflictNotices(
      m.ordered.filter((o) => !o.accepted),
      m.state,
      () => null,
    );
    expect(notices.map((n) => n.counterId)).toEqual(['c1']);
    expect(notices[0]?.zh).toContain('已取消');
  });
});

describe('identify merges like any ticket event', () => {
  const anon = s(
    evA('w', 'issue', T0, { payload: issuePayload({ displayNo: 'A020', number: 20, customerId: null }) }),
    hlc(0, 'hub'),
  );
  const callW = s(evB('w', 'call', T0 + 1000, { counterId: 'c1' }), hlc(1000, 't1'));
  const startW = s(evB('w', 'start', T0 + 2000, { counterId: 'c1' }), hlc(2000, 't1'));
  const idAt = (ms: number, node: string, customerId: string, ev = node === 't1' ? evB : evC) =>
    s(ev('w', 'identify', T0 + ms, { counterId: 'c1', payload: { customerId } }), hlc(ms, node));

  it('a terminal’s identification, replayed in any arrival order, attaches the customer', () => {
    const who = idAt(3000, 't1', 'cust-1');
    const finishW = s(evB('w', 'finish', T0 + 4000, { counterId: 'c1' }), hlc(4000, 't1'));
    const all = [anon, callW, startW, who, finishW];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }), (order) => {
        const m = mergeTicketEvents(order);
        expect(m.state).toMatchObject({ customerId: 'cust-1', status: 'done', identifiedAt: T0 + 3000 });
        expect(m.ordered.every((o) => o.accepted)).toBe(true);
      }),
    );
    expect(replayInHlcOrder([who, startW, anon, callW]).get('w')?.customerId).toBe('cust-1');
  });

  it('two identifications of one visit: the earlier stands, the later is refused and its counter told', () => {
    const first = idAt(3000, 't1', 'cust-1');
    const second = idAt(3500, 't2', 'cust-2');
    const m = mergeTicketEvents([second, startW, first, callW, anon]);
    expect(m.state?.customerId).toBe('cust-1');
    const lost = m.ordered.filter((o) => !o.accepted);
    expect(lost.map((o) => [o.item.event.id, o.error?.code])).toEqual([
      [second.event.id, 'already_identified'],
    ]);
    const notices = conflictNotices(lost, m.state, () => null);
    expect(notices[0]?.zh).toContain('识别客户');
    expect(notices[0]?.en).toContain('identify the customer');
  });

  it('an identification stamped before the call (a clock behind) does not stand', () => {
    const tooEarly = idAt(500, 't1', 'cust-1');
    const m = mergeTicketEvents([anon, callW, tooEarly]);
    expect(m.state?.customerId).toBeNull();
    expect(m.ordered.find((o) => o.item.event.id === tooEarly.event.id)?.error?.code).toBe(
      'illegal_transition',
    );
  });
});

describe('last writer wins', () => {
  const w = (value: unknown, ms: number, node: string) => ({ value, hlc: hlc(ms, node), deviceId: node });
  it('the later stamp wins whichever arrives first; the loser is reported', () => {
    const a = w(1, 100, 't1');
    const b = w(2, 200, 't2');
    expect(lastWriterWins(a, b)).toEqual({ winner: b, loser: a });
    expect(lastWriterWins(b, a)).toEqual({ winner: b, loser: a });
    expect(lastWriterWins(null, a)).toEqual({ winner: a, loser: null });
    expect(lastWriterWins(a, a)).toEqual({ winner: a, loser: null });
  });
});
