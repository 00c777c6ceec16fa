import { describe, expect, it } from 'vitest';
import { rebuild, type TicketEvent, type TicketState } from '../queue';
import {
  addTicket,
  conversionPct,
  defaultDashboardConfig,
  emptySums,
  evaluateAlerts,
  figuresOf,
  idleWithQueue,
  liveGroups,
  slTargetMs,
  ticketIntervals,
  ticketMetrics,
  type LiveTicket,
} from './index';

/** A hand-made morning at a branch: times are minutes after 09:00 UTC of a fixed day. */
const T0 = Date.UTC(2026, 2, 2, 1, 0); // 09:00 in Asia/Shanghai
const at = (min: number) => T0 + min * 60_000;
let seq = 0;
function ev(
  ticketId: string,
  type: TicketEvent['type'],
  min: number,
  extra: Partial<TicketEvent> = {},
): TicketEvent {
  seq += 1;
  return {
    id: `e${seq}`,
    ticketId,
    type,
    at: at(min),
    staffId: 's1',
    deviceId: 'd',
    counterId: extra.counterId ?? null,
    payload: extra.payload ?? {},
  };
}
const issue = (id: string, queue: string, min: number, n: number) =>
  ev(id, 'issue', min, {
    payload: {
      queue,
      number: n,
      displayNo: `${queue === 'vip' ? 'V' : 'A'}${String(n).padStart(3, '0')}`,
      branchDay: '2026-03-02',
      priority: 0,
      customerId: null,
      services: ['deposit'],
    },
  });

const C1 = 'c1';
const events: TicketEvent[] = [
  // A001: served: wait 5, walk 1, service 10, total 16.
  issue('a1', 'individual', 0, 1),
  ev('a1', 'call', 5, { counterId: C1 }),
  ev('a1', 'start', 6, { counterId: C1 }),
  ev('a1', 'finish', 16, { counterId: C1 }),
  // A002: a no-show at its first call, requeued, called again at 30: the wait is the last call (28 min).
  issue('a2', 'individual', 2, 2),
  ev('a2', 'call', 16, { counterId: C1 }),
  ev('a2', 'no_show', 18, { counterId: C1 }),
  ev('a2', 'requeue', 19),
  ev('a2', 'call', 30, { counterId: C1 }),
  ev('a2', 'start', 31, { counterId: C1 }),
  ev('a2', 'finish', 41, { counterId: C1 }),
  // A003: a no-show that was never requeued (service 0, left out of service averages).
  issue('a3', 'individual', 3, 3),
  ev('a3', 'call', 41, { counterId: C1 }),
  ev('a3', 'no_show', 43, { counterId: C1 }),
  // A004: walked away (cancelled while waiting).
  issue('a4', 'individual', 4, 4),
  ev('a4', 'cancel', 20),
  // V001: VIP, served within 4 min (the VIP target is 5).
  issue('v1', 'vip', 10, 1),
  ev('v1', 'call', 14, { counterId: 'c2' }),
  ev('v1', 'start', 15, { counterId: 'c2' }),
  ev('v1', 'finish', 35, { counterId: 'c2' }),
  // A005: still waiting at 50.
  issue('a5', 'individual', 44, 5),
];
const states = rebuild(events);
const st = (id: string) => states.get(id) as TicketState;

describe('metric definitions on a fixture day', () => {
  it('wait, walk, service and total of a served ticket', () => {
    expect(ticketMetrics(st('a1'))).toEqual({
      outcome: 'served',
      waitMs: 5 * 60_000,
      walkMs: 60_000,
      serviceMs: 10 * 60_000,
      totalMs: 16 * 60_000,
    });
  });

  it('a ticket called again after a no-show waits until its last call', () => {
    const m = ticketMetrics(st('a2'));
    expect(m.outcome).toBe('served');
    expect(m.waitMs).toBe(28 * 60_000);
    expect(m.walkMs).toBe(60_000);
    expect(m.serviceMs).toBe(10 * 60_000);
    expect(m.totalMs).toBe(39 * 60_000);
  });

  it('a no-show counts with service 0; walked away is cancelled while waiting', () => {
    expect(ticketMetrics(st('a3'))).toMatchObject({ outcome: 'no_show', serviceMs: 0, waitMs: 38 * 60_000 });
    expect(ticketMetrics(st('a4'))).toMatchObject({ outcome: 'walked_away', waitMs: null, serviceMs: null });
    expect(ticketMetrics(st('a5')).outcome).toBe('open');
  });

  it('a no-show closed by the end of the day stays a no-show', () => {
    const s = rebuild([...events, ev('a3', 'cancel', 60)]).get('a3') as TicketState;
    expect(s.status).toBe('cancelled');
    expect(ticketMetrics(s).outcome).toBe('no_show');
  });

  it('SL%, no-show %, walked-away % and averages of the day', () => {
    const s = emptySums();
    for (const t of states.values())
      addTicket(s, ticketMetrics(t), slTargetMs(defaultDashboardConfig, t.queue));
    const f = figuresOf(s);
    expect(f.arrived).toBe(6);
    expect(f.served).toBe(3);
    // Served within target: A001 (5 ≤ 10) and V001 (4 ≤ 5); A002 waited 28 > 10.
    expect(f.slPct).toBeCloseTo((100 * 2) / 3, 6);
    expect(f.noShowPct).toBeCloseTo((100 * 1) / 6, 6);
    expect(f.walkedAwayPct).toBeCloseTo((100 * 1) / 6, 6);
    // Waits of served and no-shows: 5, 28, 4, 38.
    expect(f.avgWaitMs).toBe(((5 + 28 + 4 + 38) / 4) * 60_000);
    // Service of served only: 10, 10, 20 (the no-show's 0 is left out).
    expect(f.avgServiceMs).toBe((40 / 3) * 60_000);
    expect(f.avgWalkMs).toBe(60_000);
  });

  it('a target exactly met counts', () => {
    const s = emptySums();
    addTicket(s, ticketMetrics(st('a1')), 5 * 60_000);
    expect(figuresOf(s).slPct).toBe(100);
    const s2 = emptySums();
    addTicket(s2, ticketMetrics(st('a1')), 5 * 60_000 - 1);
    expect(figuresOf(s2).slPct).toBe(0);
  });

  it('no served ticket: SL% is unknown, not 0', () => {
    expect(figuresOf(emptySums()).slPct).toBeNull();
  });

  it('conversion = accepted ÷ shown', () => {
    expect(conversionPct(3, 12)).toBe(25);
    expect(conversionPct(0, 0)).toBeNull();
  });
});

describe('live groups', () => {
  it('per queue: waiting now, longest current wait, figures so far', () => {
    const tickets: LiveTicket[] = [...states.values()].map((t) => ({
      ...t,
      tier: t.queue === 'vip' ? 'high' : null,
    }));
    const g = liveGroups(tickets, ['vip', 'individual'], (t) => t.queue, defaultDashboardConfig, at(50));
    const ind = g.find((x) => x.key === 'individual');
    expect(ind?.waitingNow).toBe(1);
    expect(ind?.longestWaitMs).toBe(6 * 60_000);
    expect(ind?.figures.served).toBe(2);
    expect(ind?.figures.noShows).toBe(1);
    expect(g.find((x) => x.key === 'vip')?.figures.slPct).toBe(100);
  });
});

describe('idle with queue', () => {
  const { waiting, busy } = ticketIntervals(events);
  const counters = [
    { id: C1, queues: ['individual'], initial: { open: true, staffState: 'serving' } },
    { id: 'c2', queues: ['vip'], initial: { open: true, staffState: 'serving' } },
  ];

  it('counts the minutes a staffed counter was free while its queue waited', () => {
    const r = idleWithQueue({ from: at(0), now: at(50), counters, changes: [], waiting, busy });
    // C1: free 0–5 with A001 waiting (5); busy 5–18; free 18–19 while A003, A004 (and A002 after requeue) wait (1);
    // 19–30 free with people waiting (11); busy 30–43; free 43–44, nobody waiting (A005 arrives at 44); 44–50 idle (6).
    expect(r.get(C1)?.totalMs).toBe((5 + 1 + 11 + 6) * 60_000);
    expect(r.get(C1)?.idleSince).toBe(at(44));
    // C2: V001 waited 10–14, the counter was free then (4); nobody waits in VIP afterwards.
    expect(r.get('c2')?.totalMs).toBe(4 * 60_000);
    expect(r.get('c2')?.idleSince).toBeNull();
  });

  it('a break is not idle time', () => {
    const r = idleWithQueue({
      from: at(0),
      now: at(50),
      counters,
      changes: [
        { counterId: C1, at: at(19), open: true, staffState: 'break' },
        { counterId: C1, at: at(29), open: true, staffState: 'serving' },
      ],
      waiting,
      busy,
    });
    expect(r.get(C1)?.totalMs).toBe((5 + 1 + 1 + 6) * 60_000);
  });
});

describe('alerts', () => {
  const tickets: LiveTicket[] = [...states.values()].map((t) => ({ ...t, tier: null }));
  it('fire past their thresholds only', () => {
    const cfg = { waitMinutes: 5, serviceMinutes: 20, idleWithQueueMinutes: 5, queueLength: 0 };
    const a = evaluateAlerts({ tickets, idle: [{ counterId: C1, since: at(44) }], now: at(50) }, cfg);
    expect(a.map((x) => x.key)).toEqual(['wait:individual', 'idle:c1', 'queue_length:individual']);
    expect(a[0]).toMatchObject({ value: 6, displayNo: 'A005' });
    const none = evaluateAlerts(
      { tickets, idle: [{ counterId: C1, since: at(44) }], now: at(50) },
      defaultDashboardConfig.alerts,
    );
    expect(none).toEqual([]);
  });
});
