import type { TicketStatus } from '../queue/events';
import type { TriageCustomer, TriageFlags } from '../triage/types';
import type { StaffingConfig } from './config';
import { parseHhmm } from './config';
import { localMinuteOfDay } from './time';

/*
 * A day pattern (日客流模式): what a day at this branch looks like, built from the stored tickets of one recorded day
 * or averaged over several. Per planning interval: arrivals per day (in total and per queue, for Erlang C) and the
 * visits that arrived then (intents and customer facts, replayed through the triage rules by the simulation).
 * Per queue: the recorded service times. Patience: a Kaplan–Meier estimate from the waits of customers who walked
 * away (cancelled while waiting) and of those who stayed until called (censored), so a longer queue in a what-if
 * makes more people leave, as it would.
 */

/** One stored ticket as the pattern needs it (the repo reads it from the ticket's folded state). */
export interface HistoryTicket {
  branchDay: string;
  /** The queue it was issued in (Erlang C counts arrivals there). */
  queue: string;
  status: TicketStatus;
  priority: number;
  services: string[];
  arrivedAt: number;
  /** The last call; null when never called. */
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  transferred: boolean;
  /** Cancelled while waiting by the end-of-day clean-up (not a walk-away). */
  endOfDay: boolean;
  /** Customer facts for triage, null for a walk-in; never a name or a number. */
  customer: TriageCustomer | null;
  flags: TriageFlags;
}

/** A recorded visit as the simulation replays it through triage. */
export interface VisitProfile {
  intents: string[];
  customer: TriageCustomer | null;
  flags: TriageFlags;
  /** The priority class it got that day (flags ticked at the desk raise it; triage cannot know them). */
  priority: number;
}

export interface PatternInterval {
  /** Minutes since local midnight. */
  start: number;
  /** Arrivals per day (average over the pattern's days). */
  arrivals: number;
  byQueue: Record<string, number>;
  /** Indexes into `profiles` of the visits that arrived in this interval, on any of the days. */
  visits: number[];
}

export interface QueueService {
  /** Recorded service durations (start → finish), ms. */
  samples: number[];
  /** Their mean, or the queue's default when none are recorded. */
  meanMs: number;
}

/** A booked visit of the planned day (known.ts): minutes since local midnight and the index of its visit profile. */
export interface KnownArrival {
  minute: number;
  profile: number;
}

export interface DayPattern {
  intervalMinutes: number;
  /** The branch days it was built from. */
  days: string[];
  intervals: PatternInterval[];
  profiles: VisitProfile[];
  service: Record<string, QueueService>;
  /** Patience survival curve: P(patience > atMs[i]) = survival[i]; beyond the last point, nobody else leaves. */
  patience: { atMs: number[]; survival: number[] };
  totals: { arrivals: number; served: number; walkedAway: number; noShows: number };
  /** Booked visits that arrive at their time (known.ts); absent: none. */
  known?: KnownArrival[];
}

/** Kaplan–Meier survival of patience: walk-aways are events at their wait, everyone called is censored. */
export function patienceCurve(obs: readonly { waitedMs: number; left: boolean }[]): DayPattern['patience'] {
  const sorted = [...obs].filter((o) => o.waitedMs >= 0).sort((a, b) => a.waitedMs - b.waitedMs);
  const atMs: number[] = [];
  const survival: number[] = [];
  let atRisk = sorted.length;
  let s = 1;
  let i = 0;
  while (i < sorted.length) {
    const t = (sorted[i] as { waitedMs: number }).waitedMs;
    let left = 0;
    let n = 0;
    while (i < sorted.length && (sorted[i] as { waitedMs: number }).waitedMs === t) {
      if ((sorted[i] as { left: boolean }).left) left++;
      n++;
      i++;
    }
    if (left > 0 && atRisk > 0) {
      s *= 1 - left / atRisk;
      atMs.push(t);
      survival.push(s);
    }
    atRisk -= n;
  }
  return { atMs, survival };
}

/** The grid's interval starts: the configured day, widened to hold every recorded arrival. */
function gridStarts(
  config: Pick<StaffingConfig, 'dayStart' | 'dayEnd' | 'intervalMinutes'>,
  minutes: number[],
): number[] {
  const step = config.intervalMinutes;
  let first = Math.floor(parseHhmm(config.dayStart) / step) * step;
  let end = parseHhmm(config.dayEnd);
  for (const m of minutes) {
    first = Math.min(first, Math.floor(m / step) * step);
    end = Math.max(end, Math.floor(m / step) * step + step);
  }
  const out: number[] = [];
  for (let s = first; s < end; s += step) out.push(s);
  return out;
}

function profileKey(p: VisitProfile): string {
  return JSON.stringify([p.intents, p.customer, p.flags, p.priority]);
}

/**
 * The pattern of `days` from their tickets. `defaultServiceMs` gives a queue's mean when it has no recorded
 * service (its config default). Tickets of other days are ignored.
 */
export function buildPattern(
  tickets: readonly HistoryTicket[],
  days: readonly string[],
  config: Pick<StaffingConfig, 'dayStart' | 'dayEnd' | 'intervalMinutes'>,
  timeZone: string,
  defaultServiceMs: (queue: string) => number,
): DayPattern {
  const daySet = new Set(days);
  const mine = tickets.filter((t) => daySet.has(t.branchDay));
  const minutes = mine.map((t) => localMinuteOfDay(t.arrivedAt, timeZone));
  const starts = gridStarts(config, minutes);
  const step = config.intervalMinutes;
  const first = starts[0] ?? 0;
  const nDays = Math.max(1, days.length);
  const intervals: PatternInterval[] = starts.map((start) => ({
    start,
    arrivals: 0,
    byQueue: {},
    visits: [],
  }));
  const profiles: VisitProfile[] = [];
  const profileIndex = new Map<string, number>();
  const samples = new Map<string, number[]>();
  const patienceObs: { waitedMs: number; left: boolean }[] = [];
  const totals = { arrivals: 0, served: 0, walkedAway: 0, noShows: 0 };

  mine.forEach((t, i) => {
    const cell = intervals[Math.floor(((minutes[i] as number) - first) / step)];
    if (!cell) return;
    totals.arrivals++;
    cell.arrivals += 1 / nDays;
    cell.byQueue[t.queue] = (cell.byQueue[t.queue] ?? 0) + 1 / nDays;
    const profile: VisitProfile = {
      intents: [...t.services],
      customer: t.customer,
      flags: t.flags,
      priority: t.priority,
    };
    const key = profileKey(profile);
    let idx = profileIndex.get(key);
    if (idx === undefined) {
      idx = profiles.length;
      profiles.push(profile);
      profileIndex.set(key, idx);
    }
    cell.visits.push(idx);

    if (t.status === 'no_show') totals.noShows++;
    const walked = t.status === 'cancelled' && t.calledAt === null && !t.endOfDay;
    if (walked) {
      totals.walkedAway++;
      if (t.finishedAt !== null) patienceObs.push({ waitedMs: t.finishedAt - t.arrivedAt, left: true });
    } else if (t.calledAt !== null) {
      patienceObs.push({ waitedMs: t.calledAt - t.arrivedAt, left: false });
    }
    if (t.status === 'done' && t.startedAt !== null && t.finishedAt !== null) {
      totals.served++;
      if (!t.transferred && t.finishedAt > t.startedAt) {
        const list = samples.get(t.queue) ?? [];
        list.push(t.finishedAt - t.startedAt);
        samples.set(t.queue, list);
      }
    }
  });

  const queues = new Set<string>([...samples.keys()]);
  for (const cell of intervals) for (const q of Object.keys(cell.byQueue)) queues.add(q);
  const service: Record<string, QueueService> = {};
  for (const q of queues) {
    const list = samples.get(q) ?? [];
    const meanMs = list.length ? list.reduce((s, d) => s + d, 0) / list.length : defaultServiceMs(q);
    service[q] = { samples: list, meanMs };
  }
  return {
    intervalMinutes: step,
    days: [...days],
    intervals,
    profiles,
    service,
    patience: patienceCurve(patienceObs),
    totals,
  };
}

/** A queue's service: the pattern's, else its config default with no samples (drawn exponential). */
export function serviceOf(pattern: DayPattern, queue: string, defaultMs: number): QueueService {
  return pattern.service[queue] ?? { samples: [], meanMs: defaultMs };
}
