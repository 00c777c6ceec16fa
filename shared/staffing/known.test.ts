import { describe, expect, it } from 'vitest';
import { counterVisit, flatPattern, testRules } from '../../test/support/staffing-data';
import { bookedQueue, withKnownArrivals, type BookedArrival } from './known';
import type { VisitProfile } from './pattern';
import { F_ARRIVALS, FIELDS, simulate } from './simulate';

const QUEUES = testRules.queue.queues.map((q) => q.key);
const Q = QUEUES.length;
/** 2026-11-25 00:00 in Shanghai; flatPattern's intervals start at 09:00. */
const MIDNIGHT = Date.UTC(2026, 10, 24, 16, 0);
const at = (hh: number, mm: number) => MIDNIGHT + (hh * 60 + mm) * 60_000;

const arrivalsIn = (cells: Float64Array, interval: number, queue: string) =>
  cells[(interval * Q + QUEUES.indexOf(queue)) * FIELDS + F_ARRIVALS] as number;
const total = (cells: Float64Array) => {
  let s = 0;
  for (let i = F_ARRIVALS; i < cells.length; i += FIELDS) s += cells[i] as number;
  return s;
};

const wealthVip: VisitProfile = {
  intents: ['wealth'],
  customer: { kind: 'individual', tier: 'private', segments: [], birthDate: null, corporateGrade: null },
  flags: {},
  priority: 0,
};

describe('known arrivals (tomorrow’s bookings)', () => {
  const pattern = flatPattern({ intervals: 8, perInterval: 6, ahtMs: 300_000 });
  const booked: BookedArrival[] = [
    { at: at(10, 15), queue: bookedQueue(counterVisit, testRules), profile: counterVisit },
    { at: at(10, 20), queue: bookedQueue(wealthVip, testRules), profile: wealthVip },
    { at: at(11, 0), queue: bookedQueue(counterVisit, testRules), profile: counterVisit },
    // Before opening and after the last interval: the branch is closed, they are left out.
    { at: at(7, 0), queue: 'individual', profile: counterVisit },
    { at: at(18, 0), queue: 'individual', profile: counterVisit },
  ];
  const withBookings = withKnownArrivals(pattern, booked, 'Asia/Shanghai');

  it('triage names the queue a booking is served in', () => {
    expect(booked.map((b) => b.queue).slice(0, 3)).toEqual(['individual', 'vip', 'individual']);
  });

  it('counts each booking in its interval and queue for Erlang C, leaving the drawn rate alone', () => {
    expect(withBookings.known).toEqual([
      { minute: 615, profile: 1 },
      { minute: 620, profile: 2 },
      { minute: 660, profile: 3 },
    ]);
    const ten = withBookings.intervals[2];
    expect(ten?.start).toBe(600);
    expect(ten?.byQueue).toEqual({ individual: 7, vip: 1 });
    expect(withBookings.intervals[4]?.byQueue).toEqual({ individual: 7 });
    expect(withBookings.intervals.map((iv) => iv.arrivals)).toEqual(
      pattern.intervals.map((iv) => iv.arrivals),
    );
    // The recorded pattern is not changed.
    expect(pattern.known).toBeUndefined();
    expect(pattern.intervals[2]?.byQueue).toEqual({ individual: 6 });
  });

  it('the simulation replays them at their time on top of the same drawn arrivals, the same for the same seed', () => {
    const roster = pattern.intervals.map(() => ({ individual: 2, vip: 1 }));
    const run = { seed: 11, from: 0, count: 20 };
    const plain = simulate(pattern, roster, testRules, run);
    const booked1 = simulate(withBookings, roster, testRules, run);
    expect(simulate(withBookings, roster, testRules, run)).toEqual(booked1);
    booked1.forEach((cells, r) => {
      const before = plain[r] as Float64Array;
      // Exactly three more arrivals, in the 10:00 interval (two) and the 11:00 one (one).
      expect(total(cells)).toBe(total(before) + 3);
      expect(arrivalsIn(cells, 2, 'individual')).toBe(arrivalsIn(before, 2, 'individual') + 1);
      expect(arrivalsIn(cells, 2, 'vip')).toBe(arrivalsIn(before, 2, 'vip') + 1);
      expect(arrivalsIn(cells, 4, 'individual')).toBe(arrivalsIn(before, 4, 'individual') + 1);
    });
  });
});
