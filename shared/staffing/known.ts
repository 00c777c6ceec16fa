import { triage } from '../triage/engine';
import type { DayPattern, KnownArrival, VisitProfile } from './pattern';
import type { SimRules } from './simulate';
import { localMinuteOfDay } from './time';

/*
 * Known arrivals (预约): tomorrow's bookings are not drawn from the recorded pattern, they are on the books. Each one
 * arrives at its booked time in the simulation, through triage like any visit (its booked service carries the triage
 * intent), and counts in its queue's arrivals for Erlang C. The recorded day's own checked-in bookings are left out
 * of the pattern by the caller, so a booking is never counted twice.
 */

/** A booked visit, in the branch day the pattern plans. */
export interface BookedArrival {
  /** The booked time (epoch ms). */
  at: number;
  /** The queue triage sends it to (Erlang C counts it there). */
  queue: string;
  profile: VisitProfile;
}

/**
 * The pattern with `bookings` as known arrivals: each adds one arrival to its interval's queue (Erlang C) and is
 * replayed at its time by the simulation. Bookings outside the pattern's intervals are left out (the branch is closed then).
 */
export function withKnownArrivals(
  pattern: DayPattern,
  bookings: readonly BookedArrival[],
  timeZone: string,
): DayPattern {
  const step = pattern.intervalMinutes;
  const first = pattern.intervals[0]?.start ?? 0;
  const intervals = pattern.intervals.map((iv) => ({
    ...iv,
    byQueue: { ...iv.byQueue },
    visits: [...iv.visits],
  }));
  const profiles = [...pattern.profiles];
  const known: KnownArrival[] = [...(pattern.known ?? [])];
  for (const b of bookings) {
    const minute = localMinuteOfDay(b.at, timeZone) + (b.at % 60_000) / 60_000;
    const iv = intervals[Math.floor((minute - first) / step)];
    if (!iv || minute < first) continue;
    // `arrivals` stays the rate the simulation draws walk-ins at; the booking arrives on its own, at its time.
    iv.byQueue[b.queue] = (iv.byQueue[b.queue] ?? 0) + 1;
    known.push({ minute, profile: profiles.length });
    profiles.push(b.profile);
  }
  known.sort((a, b) => a.minute - b.minute || a.profile - b.profile);
  return { ...pattern, intervals, profiles, known };
}

/** The queue triage sends a booked visit to with every queue's counters open (the plan is still to be made). */
export function bookedQueue(profile: VisitProfile, rules: SimRules): string {
  const d = triage(
    {
      customer: profile.customer,
      intents: profile.intents,
      flags: profile.flags,
      branch: {
        counters: rules.queue.queues.map((q) => ({
          id: q.key,
          channel: q.channel,
          open: true,
          queues: [q.key],
        })),
        vipRoom: { capacity: rules.vipRoomCapacity, load: 0 },
        selfServiceUp: true,
      },
    },
    rules.triage,
    { elderlyAge: rules.elderlyAge, timeZone: rules.timeZone, now: 0 },
  );
  return d.queue;
}
