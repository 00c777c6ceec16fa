import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultQueueConfig } from '../queue/config';
import type { TicketState } from '../queue/machine';
import { defaultAppointmentConfig, type AppointmentConfig } from './config';
import { FRESH_MIX, nextMix, orderLane, pickMixed, type MixHistory, type TicketAppointment } from './mix';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 4, 1, 0); // 09:00 Shanghai
const LANE = 'appointment';
const cfg: AppointmentConfig = defaultAppointmentConfig;
const qcfg = defaultQueueConfig;

let seq = 0;
function ticket(
  arrivedAt: number,
  appt?: { bookedAt: number; serveQueue?: string },
  priority = 0,
): TicketState {
  seq += 1;
  const appointment: TicketAppointment | null = appt
    ? {
        id: `b${seq}`,
        bookedAt: appt.bookedAt,
        serveQueue: appt.serveQueue ?? 'individual',
        service: 'wealth',
      }
    : null;
  return {
    id: `t${String(seq).padStart(5, '0')}`,
    queue: appointment ? LANE : 'individual',
    number: seq,
    displayNo: `${appointment ? 'Y' : 'A'}${String(seq).padStart(3, '0')}`,
    branchDay: '2026-12-04',
    status: 'waiting',
    priority,
    arrivedAt,
    customerId: null,
    services: ['wealth'],
    servicesDone: [],
    channel: 'counter',
    appointment,
    counterId: null,
    calledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    heldAt: null,
    callCount: 0,
    noShowCount: 0,
    requeueCount: 0,
    requeueLimit: 1,
    transferCount: 0,
    transferredFrom: null,
    overrideCount: 0,
    lastReason: null,
    lastEventAt: arrivedAt,
    lastEventId: 'e',
    eventIds: ['e'],
    version: 1,
  };
}

describe('pickMixed', () => {
  it('calls a checked-in appointment at its booked time ahead of a walk-in who arrived earlier', () => {
    const walk = ticket(T0 + 10 * MIN);
    const appt = ticket(T0 + 12 * MIN, { bookedAt: T0 + 30 * MIN });
    expect(pickMixed([walk, appt], ['individual'], FRESH_MIX, T0 + 20 * MIN, qcfg, cfg)?.ticket.id).toBe(
      walk.id,
    );
    const due = pickMixed([walk, appt], ['individual'], FRESH_MIX, T0 + 30 * MIN, qcfg, cfg);
    expect(due).toMatchObject({ lane: 'appointment', reason: 'ratio' });
    expect(due?.ticket.id).toBe(appt.id);
  });
  it('mixes by the ratio when both wait, and an appointment past its lateness limit goes first', () => {
    const walk = ticket(T0 + 25 * MIN);
    const appt = ticket(T0 + 10 * MIN, { bookedAt: T0 + 30 * MIN });
    const justCalledAppt: MixHistory = { walkInsSinceAppointment: 0 };
    expect(pickMixed([walk, appt], ['individual'], justCalledAppt, T0 + 31 * MIN, qcfg, cfg)?.lane).toBe(
      'walk_in',
    );
    expect(pickMixed([walk, appt], ['individual'], justCalledAppt, T0 + 40 * MIN, qcfg, cfg)).toMatchObject({
      lane: 'appointment',
      reason: 'appointment_late',
    });
  });
  it('never lets a booking starve a walk-in past the aging limit', () => {
    const walk = ticket(T0);
    const appt = ticket(T0 + 10 * MIN, { bookedAt: T0 + 20 * MIN });
    expect(pickMixed([walk, appt], ['individual'], FRESH_MIX, T0 + 30 * MIN, qcfg, cfg)).toMatchObject({
      lane: 'walk_in',
      reason: 'walk_in_aged',
    });
  });
  it('calls an early appointment rather than leave the counter idle, only for counters serving its queue', () => {
    const appt = ticket(T0, { bookedAt: T0 + 30 * MIN, serveQueue: 'vip' });
    expect(pickMixed([appt], ['individual'], FRESH_MIX, T0, qcfg, cfg)).toBeNull();
    expect(pickMixed([appt], ['vip'], FRESH_MIX, T0, qcfg, cfg)?.reason).toBe('only_appointment');
    expect(pickMixed([appt], [LANE], FRESH_MIX, T0, qcfg, cfg)?.ticket.id).toBe(appt.id);
  });
  it('orders the lane by booked time, then arrival', () => {
    const late = ticket(T0, { bookedAt: T0 + 60 * MIN });
    const a = ticket(T0 + 5 * MIN, { bookedAt: T0 + 30 * MIN });
    const b = ticket(T0 + 2 * MIN, { bookedAt: T0 + 30 * MIN });
    expect(orderLane([late, a, b], ['individual'], LANE).map((t) => t.id)).toEqual([b.id, a.id, late.id]);
  });
});

/*
 * Random days: k counters serve one queue; bookings fill slots within capacity and their customers check in on
 * time; walk-ins arrive at random with the load kept below what the counters can do in each half hour ("while
 * capacity allows"). The simulated counters call through pickMixed whenever free.
 */
interface Day {
  counters: number;
  serviceMin: number;
  walkIns: number[];
  bookings: { slot: number; checkIn: number }[];
}
const SLOT = 30;
const SLOTS = 16;
const dayAt = (load: number): fc.Arbitrary<Day> =>
  fc
    .record({ counters: fc.integer({ min: 1, max: 4 }), serviceMin: fc.integer({ min: 3, max: 12 }) })
    .chain(({ counters, serviceMin }) => {
      // Half-hour load per counter at most `load` of what it can serve, shared by walk-ins and bookings.
      const perWindow = Math.max(1, Math.floor(((counters * SLOT) / serviceMin) * load));
      return fc
        .array(
          fc.record({
            walk: fc.array(fc.integer({ min: 0, max: SLOT - 1 }), { maxLength: perWindow }),
            // Slot capacity within what the counters can serve: one booking per counter per slot.
            book: fc.array(fc.integer({ min: -cfg.windows.earlyMinutes, max: cfg.windows.lateMinutes }), {
              maxLength: Math.min(perWindow, counters),
            }),
          }),
          { minLength: SLOTS, maxLength: SLOTS },
        )
        .map((windows) => {
          const walkIns: number[] = [];
          const bookings: Day['bookings'] = [];
          windows.forEach((w, i) => {
            const room = perWindow - Math.min(w.book.length, perWindow);
            for (const m of w.book.slice(0, perWindow))
              bookings.push({ slot: i * SLOT, checkIn: Math.max(0, i * SLOT + m) });
            for (const m of w.walk.slice(0, room)) walkIns.push(i * SLOT + m);
          });
          return { counters, serviceMin, walkIns, bookings };
        });
    });

const day = dayAt(0.6);

function simulate(d: Day, mixCfg: AppointmentConfig) {
  const arrivals = [
    ...d.walkIns.map((m) => ({ at: T0 + m * MIN, appt: undefined })),
    ...d.bookings.map((b) => ({ at: T0 + b.checkIn * MIN, appt: { bookedAt: T0 + b.slot * MIN } })),
  ].sort((a, b) => a.at - b.at);
  const waiting: TicketState[] = [];
  const called = new Map<string, { t: TicketState; at: number }>();
  const freeAt = Array.from({ length: d.counters }, () => T0);
  const hist = Array.from({ length: d.counters }, () => ({ mix: FRESH_MIX }));
  const violations: string[] = [];
  let next = 0;
  for (let now = T0; now < T0 + (SLOTS * SLOT + 240) * MIN; now += MIN) {
    while (next < arrivals.length && (arrivals[next] as { at: number }).at <= now) {
      const a = arrivals[next++] as (typeof arrivals)[number];
      waiting.push(ticket(a.at, a.appt));
    }
    for (let c = 0; c < d.counters; c++) {
      if ((freeAt[c] as number) > now) continue;
      const st = hist[c] as { mix: MixHistory };
      const live = waiting.filter((t) => t.status === 'waiting');
      const pick = pickMixed(live, ['individual'], st.mix, now, qcfg, mixCfg);
      if (!pick) continue;
      // Invariants of each decision.
      const agedWalkIn = live.some(
        (t) => !t.appointment && now - t.arrivedAt >= mixCfg.mixing.walkInMaxWaitMinutes * MIN,
      );
      if (agedWalkIn && pick.lane === 'appointment')
        violations.push('appointment called over an aged walk-in');
      if (called.has(pick.ticket.id)) violations.push(`called twice: ${pick.ticket.id}`);
      called.set(pick.ticket.id, { t: pick.ticket, at: now });
      pick.ticket.status = 'called';
      hist[c] = { mix: nextMix(st.mix, pick) };
      freeAt[c] = now + d.serviceMin * MIN;
    }
  }
  return { waiting, called, violations };
}

describe('fair mixing over random days (property)', () => {
  it('on-time appointments wait at most Z past their slot, walk-ins never starve, nobody is called twice', () => {
    fc.assert(
      fc.property(day, (d) => {
        const { waiting, called, violations } = simulate(d, cfg);
        expect(violations).toEqual([]);
        expect(called.size).toBe(waiting.length);
        // Z: the lateness limit, plus a service for a counter to come free and one for the previous slot's
        // late check-ins, booked earlier and so ahead in the lane.
        const Z = (cfg.mixing.appointmentMaxLateMinutes + 2 * d.serviceMin) * MIN;
        const walkLimit = (cfg.mixing.walkInMaxWaitMinutes + d.serviceMin) * MIN;
        for (const { t, at } of called.values()) {
          if (t.appointment)
            expect(at - Math.max(t.appointment.bookedAt, t.arrivedAt)).toBeLessThanOrEqual(Z);
          else expect(at - t.arrivedAt).toBeLessThanOrEqual(walkLimit);
        }
      }),
      { numRuns: 200 },
    );
  });
  it('with appointments always first (ratio 0) the bounds still hold', () => {
    const strict = { ...cfg, mixing: { ...cfg.mixing, walkInsPerAppointment: 0 } };
    fc.assert(
      fc.property(day, (d) => {
        const { violations, called, waiting } = simulate(d, strict);
        expect(violations).toEqual([]);
        expect(called.size).toBe(waiting.length);
        for (const { t, at } of called.values())
          if (!t.appointment)
            expect(at - t.arrivedAt).toBeLessThanOrEqual(
              (cfg.mixing.walkInMaxWaitMinutes + d.serviceMin) * MIN,
            );
      }),
      { numRuns: 100 },
    );
  });
  it('overloaded days: an appointment is never called over a walk-in past the aging limit', () => {
    const strict = { ...cfg, mixing: { ...cfg.mixing, walkInsPerAppointment: 0 } };
    fc.assert(
      fc.property(dayAt(1.6), (d) => {
        const { violations, called, waiting } = simulate(d, strict);
        expect(violations).toEqual([]);
        expect(called.size).toBe(waiting.length);
      }),
      { numRuns: 60 },
    );
  });
});
