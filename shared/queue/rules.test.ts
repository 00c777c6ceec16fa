import { describe, expect, it } from 'vitest';
import { applyAll, issuePayload, makeEventFactory, T0 } from '../../test/support/queue';
import { TICKET_STATUSES, type TicketStatus } from './events';
import type { TicketState } from './machine';
import {
  bringsToCounter,
  checkActsForCounter,
  checkCounterFree,
  checkIdentify,
  countersTouched,
  END_OF_DAY_REASON,
  endOfDayCancels,
  endOfDayFate,
  VIP_QUEUE,
  vipRoomLoad,
  vipRoomQueues,
} from './rules';
import { defaultQueueConfig, type QueueDef } from './config';

const ev = makeEventFactory();
const MIN = 60_000;

/** A ticket issued, then moved on by the given events (all at counter c1). */
function ticket(
  id: string,
  no: number,
  steps: ('call' | 'start' | 'hold' | 'finish')[],
  queue = 'individual',
) {
  const events = [
    ev(id, 'issue', T0, { payload: issuePayload({ queue, number: no, displayNo: `A00${no}` }) }),
  ];
  steps.forEach((type, i) => events.push(ev(id, type, T0 + (i + 1) * MIN, { counterId: 'c1' })));
  return applyAll(events);
}

/** Only the fields the rules read. */
function bare(queue: string, status: TicketStatus) {
  return { queue, status };
}

describe('checkCounterFree', () => {
  it('allows a counter with nobody in front of it', () => {
    expect(checkCounterFree([ticket('t1', 1, [])], 'c1')).toEqual({ ok: true });
  });

  it.each([
    ['called', ['call'] as const],
    ['serving', ['call', 'start'] as const],
  ])('refuses a counter whose ticket is %s, naming it, with the server’s message', (_s, steps) => {
    const busy = ticket('t1', 1, [...steps]);
    expect(checkCounterFree([busy, ticket('t2', 2, [])], 'c1')).toEqual({
      ok: false,
      code: 'counter_busy',
      zh: '本窗口正在办理 A001，请先办结或过号',
      en: 'This counter still has A001; finish it or mark a no-show first',
    });
  });

  it('does not count a parked (held) or finished ticket, or another counter’s ticket', () => {
    const held = ticket('t1', 1, ['call', 'start', 'hold']);
    const done = ticket('t2', 2, ['call', 'start', 'finish']);
    const serving = ticket('t3', 3, ['call', 'start']);
    expect(checkCounterFree([held, done], 'c1').ok).toBe(true);
    expect(checkCounterFree([serving], 'c2').ok).toBe(true);
  });

  it('ignores the ticket being brought to the counter itself', () => {
    const called = ticket('t1', 1, ['call']);
    expect(checkCounterFree([called], 'c1', 't1').ok).toBe(true);
    expect(checkCounterFree([called], 'c1', 't2').ok).toBe(false);
  });

  it('needs a free counter for call and resume only', () => {
    expect(bringsToCounter('call')).toBe(true);
    expect(bringsToCounter('resume')).toBe(true);
    for (const t of ['recall', 'start', 'finish', 'no_show', 'hold', 'transfer', 'cancel'] as const)
      expect(bringsToCounter(t)).toBe(false);
  });
});

describe('end of day', () => {
  it('cancels what is waiting, called, held or a no-show and keeps the rest', () => {
    const fate = Object.fromEntries(TICKET_STATUSES.map((s) => [s, endOfDayFate(s)]));
    expect(fate).toEqual({
      waiting: 'cancel',
      called: 'cancel',
      serving: 'keep',
      held: 'cancel',
      done: 'keep',
      no_show: 'cancel',
      transferred: 'keep',
      cancelled: 'keep',
    });
  });

  it('lists the tickets to cancel in the order given', () => {
    const waiting = ticket('t1', 1, []);
    const serving = ticket('t2', 2, ['call', 'start']);
    const held = ticket('t3', 3, ['call', 'hold']);
    const called = ticket('t4', 4, ['call']);
    expect(endOfDayCancels([waiting, serving, held, called]).map((t: TicketState) => t.id)).toEqual([
      't1',
      't3',
      't4',
    ]);
    expect(endOfDayCancels([])).toEqual([]);
  });

  it('writes a bilingual reason', () => {
    expect(END_OF_DAY_REASON).toBe('日终清理 / end of day');
  });
});

describe('vipRoomLoad', () => {
  it('counts VIP-queue customers waiting, called or in service, against the configured capacity', () => {
    const tickets = [
      bare(VIP_QUEUE, 'waiting'),
      bare(VIP_QUEUE, 'called'),
      bare(VIP_QUEUE, 'serving'),
      bare(VIP_QUEUE, 'held'),
      bare(VIP_QUEUE, 'no_show'),
      bare(VIP_QUEUE, 'done'),
      bare(VIP_QUEUE, 'cancelled'),
      bare('individual', 'serving'),
      bare('wealth', 'waiting'),
    ];
    expect(vipRoomLoad(tickets, { vipRoomCapacity: 4 })).toEqual({ capacity: 4, load: 3 });
  });

  it('is empty with no tickets, whatever the capacity', () => {
    expect(vipRoomLoad([], { vipRoomCapacity: 0 })).toEqual({ capacity: 0, load: 0 });
  });
});

describe('vipRoomQueues', () => {
  it('is every queue of the VIP channel', () => {
    expect([...vipRoomQueues(defaultQueueConfig)]).toEqual([VIP_QUEUE]);
    const second: QueueDef = {
      key: 'vip2',
      prefix: 'W',
      channel: 'vip',
      zh: '贵宾二',
      en: 'VIP 2',
      defaultServiceMinutes: 15,
    };
    const queues = [...defaultQueueConfig.queues, second];
    expect([...vipRoomQueues({ queues })]).toEqual(['vip', 'vip2']);
    expect(vipRoomQueues({ queues: queues.filter((q) => q.channel !== 'vip') }).size).toBe(0);
  });
});

describe('checkActsForCounter', () => {
  it('binds a teller and an RM to their own counter', () => {
    expect(checkActsForCounter('teller', 'c1', 'c1')).toEqual({ ok: true, actingFor: false });
    expect(checkActsForCounter('rm', 'c8', 'c8')).toEqual({ ok: true, actingFor: false });
    for (const role of ['teller', 'rm'] as const) {
      const r = checkActsForCounter(role, 'c1', 'c2');
      expect(r.ok).toBe(false);
      if (!r.ok) expect([r.code, !!r.zh, !!r.en]).toEqual(['not_your_counter', true, true]);
    }
  });

  it('refuses a teller with no counter assigned at every counter', () => {
    expect(checkActsForCounter('teller', null, 'c1').ok).toBe(false);
  });

  it('lets the lobby manager, branch manager and admin act for any counter, flagged to audit', () => {
    for (const role of ['lobby', 'manager', 'admin'] as const) {
      expect(checkActsForCounter(role, null, 'c2')).toEqual({ ok: true, actingFor: true });
    }
    expect(checkActsForCounter('lobby', 'c9', 'c9')).toEqual({ ok: true, actingFor: false });
    expect(checkActsForCounter('display', null, 'c2').ok).toBe(false);
  });

  it('lists the counters a ticket event touches', () => {
    expect(countersTouched(null, null)).toEqual([]);
    expect(countersTouched('c2', null)).toEqual(['c2']);
    expect(countersTouched('c2', 'c2')).toEqual(['c2']);
    expect(countersTouched('c2', 'c1')).toEqual(['c2', 'c1']);
    expect(countersTouched(null, 'c1')).toEqual(['c1']);
  });
});

describe('checkIdentify (a walk-in identified at the counter)', () => {
  const t = { counterId: 'C1', status: 'serving' as const, displayNo: 'A007', customerId: null };
  it('allows the anonymous ticket called or served at this counter', () => {
    expect(checkIdentify(t, 'C1').ok).toBe(true);
    expect(checkIdentify({ ...t, status: 'called' }, 'C1').ok).toBe(true);
  });
  it('refuses another counter, no counter, a ticket not at a counter, and one already identified', () => {
    const code = (r: ReturnType<typeof checkIdentify>) => (r.ok ? 'ok' : r.code);
    expect(code(checkIdentify(t, 'C2'))).toBe('not_at_this_counter');
    expect(code(checkIdentify(t, null))).toBe('not_at_this_counter');
    for (const status of ['waiting', 'held', 'done', 'no_show', 'cancelled'] as const)
      expect(code(checkIdentify({ ...t, status }, 'C1'))).toBe('not_at_this_counter');
    const r = checkIdentify({ ...t, customerId: 'cust-1' }, 'C1');
    expect(code(r)).toBe('already_identified');
    if (!r.ok) expect([r.zh, r.en].every((m) => m.includes('A007'))).toBe(true);
  });
});
