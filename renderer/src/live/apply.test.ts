import { describe, expect, it } from 'vitest';
import type { CallMessage, CounterState, PublicTicket, QueueSnapshot, QueueSummary } from '@shared/api/queue';
import { applyLive, newer } from './apply';

const ticket = (id: string, over: Partial<PublicTicket> = {}): PublicTicket => ({
  id,
  displayNo: id.toUpperCase(),
  queue: 'general',
  status: 'waiting',
  priority: 0,
  counterId: null,
  arrivedAt: 1,
  calledAt: null,
  channel: 'counter',
  ...over,
});

const queue = (key: string, tickets: PublicTicket[]): QueueSummary => ({
  key,
  prefix: key.slice(0, 1).toUpperCase(),
  zh: key,
  en: key,
  waiting: tickets.length,
  waitMinutes: tickets.length * 5,
  servers: 1,
  tickets,
});

const counter = (id: string, over: Partial<CounterState> = {}): CounterState => ({
  id,
  number: Number(id.replace(/\D/g, '')) || 1,
  name: `${id} window`,
  channel: 'counter',
  queues: ['general'],
  corporateOnly: false,
  open: true,
  staffState: 'serving',
  staffed: true,
  breakReason: null,
  stateSince: null,
  current: null,
  held: [],
  ...over,
});

const call = (displayNo: string, at: number, ticketId = displayNo): CallMessage => ({
  type: 'call',
  at,
  ticketId,
  recall: false,
  displayNo,
  queue: 'general',
  counterName: 'c1 window',
  counterNumber: 1,
  channel: 'counter',
});

const board = (): QueueSnapshot => ({
  branchDay: '2025-03-03',
  branchName: 'Demo',
  at: 100,
  queues: [
    queue('general', [ticket('a1'), ticket('a2')]),
    queue('corporate', [ticket('b1', { queue: 'corporate' })]),
  ],
  counters: [counter('c1'), counter('c2')],
  recentCalls: [],
  noShows: [],
});

describe('applyLive', () => {
  it('takes a hello or a whole board when it is newer, and keeps the newer board otherwise', () => {
    const prev = board();
    const later = { ...board(), at: 200, branchName: 'later' };
    expect(applyLive(null, { type: 'hello', at: 200, snapshot: later })).toBe(later);
    expect(applyLive(prev, { type: 'snapshot', at: 200, snapshot: later })).toBe(later);
    const older = { ...board(), at: 50 };
    expect(applyLive(prev, { type: 'hello', at: 50, snapshot: older })).toBe(prev);
    expect(newer(undefined, older)).toBe(older);
  });

  it('puts a call first among the recent calls at once, keeps ten, and does not list it twice', () => {
    let s: QueueSnapshot | null = board();
    for (let i = 1; i <= 12; i++) s = applyLive(s, call(`A00${i}`, 100 + i));
    expect(s?.recentCalls).toHaveLength(10);
    expect(s?.recentCalls[0]?.displayNo).toBe('A0012');
    const again = applyLive(s, call('A0012', 112));
    expect(again).toBe(s);
  });

  it('applies a called ticket: it leaves its queue and stands at its counter; other queues and counters stay', () => {
    const prev = board();
    const called = ticket('a1', { status: 'called', counterId: 'c1', calledAt: 150 });
    const next = applyLive(prev, {
      type: 'ticket',
      at: 150,
      ticket: called,
      queues: [queue('general', [ticket('a2')])],
      counters: [counter('c1', { current: called })],
    });
    expect(next?.at).toBe(150);
    expect(next?.queues.map((q) => [q.key, q.waiting])).toEqual([
      ['general', 1],
      ['corporate', 1],
    ]);
    expect(next?.queues[1]).toBe(prev.queues[1]);
    expect(next?.counters[0]?.current?.id).toBe('a1');
    expect(next?.counters[1]).toBe(prev.counters[1]);
    // The cached board itself is not changed (TanStack Query compares by reference).
    expect(prev.queues[0]?.waiting).toBe(2);
    expect(prev.counters[0]?.current).toBeNull();
  });

  it('moves a ticket into the no-shows and out again when it is requeued', () => {
    const missed = ticket('a1', { status: 'no_show', counterId: 'c1' });
    const s1 = applyLive(board(), {
      type: 'ticket',
      at: 150,
      ticket: missed,
      queues: [queue('general', [ticket('a2')])],
      counters: [counter('c1')],
    });
    expect(s1?.noShows.map((t) => t.id)).toEqual(['a1']);
    const s2 = applyLive(s1, {
      type: 'ticket',
      at: 160,
      ticket: ticket('a1'),
      queues: [queue('general', [ticket('a2'), ticket('a1')])],
      counters: [],
    });
    expect(s2?.noShows).toEqual([]);
    expect(s2?.queues[0]?.tickets.map((t) => t.id)).toEqual(['a2', 'a1']);
    expect(s2?.counters).toEqual(s1?.counters);
  });

  it('withdraws the calls of a ticket marked a no-show, so 正在叫号 no longer shows it', () => {
    let s = applyLive(board(), call('A001', 101, 'a1'));
    s = applyLive(s, call('A002', 102, 'a2'));
    const missed = applyLive(s, {
      type: 'ticket',
      at: 150,
      ticket: ticket('a2', { status: 'no_show', counterId: 'c1' }),
      queues: [],
      counters: [counter('c1')],
    });
    expect(missed?.recentCalls.map((c) => [c.displayNo, c.withdrawn ?? false])).toEqual([
      ['A002', true],
      ['A001', false],
    ]);
    // Served and finished: the call stands.
    const done = applyLive(missed, {
      type: 'ticket',
      at: 160,
      ticket: ticket('a1', { status: 'done', counterId: 'c2' }),
      queues: [],
      counters: [],
    });
    expect(done?.recentCalls).toBe(missed?.recentCalls);
  });

  it('ignores a ticket change older than the board (a resync taken after it already holds it)', () => {
    const prev = board();
    const stale = applyLive(prev, {
      type: 'ticket',
      at: 99,
      ticket: ticket('a1', { status: 'cancelled' }),
      queues: [queue('general', [ticket('a2')])],
      counters: [],
    });
    expect(stale).toBe(prev);
  });

  it('replaces every counter and queue on a counter change, so a new counter shows', () => {
    const counters = [counter('c1', { open: false, staffState: 'closed' }), counter('c2'), counter('c3')];
    const queues = [queue('general', [ticket('a1'), ticket('a2')])];
    const next = applyLive(board(), { type: 'counters', at: 120, counters, queues });
    expect(next?.counters.map((c) => [c.id, c.open])).toEqual([
      ['c1', false],
      ['c2', true],
      ['c3', true],
    ]);
    expect(next?.queues).toBe(queues);
  });

  it('waits for the first board before applying changes, and leaves the board alone for sync messages', () => {
    expect(applyLive(null, call('A001', 1))).toBeNull();
    expect(applyLive(undefined, { type: 'counters', at: 1, counters: [], queues: [] })).toBeNull();
    const prev = board();
    expect(
      applyLive(prev, {
        type: 'notice',
        at: 200,
        notice: {
          id: 'n',
          at: 200,
          ticketId: null,
          displayNo: null,
          counterId: null,
          code: 'x',
          zh: 'x',
          en: 'x',
        },
      }),
    ).toBe(prev);
  });
});
