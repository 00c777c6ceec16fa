import type { QueueConfig } from '@shared/queue/config';
import type { TicketState } from '@shared/queue/machine';
import { aheadOf, callsBefore, pickNext } from '@shared/queue/order';
import { meanPriorMs, servingCapacity, visitPriorMs, type ServingPoint } from '@shared/queue/wait';
import { defaultTriageConfig } from '@shared/triage/defaults';

/*
 * Recorded branch days for the wait estimate: a seeded simulation of one day at a branch like the demo one
 * (arrivals by the hour, visits drawn from the configured intents, service times scattered around their
 * configured minutes with quick and long outliers, tellers at lunch, one counter set up but nobody signed in).
 * Every ticket keeps what the screens knew when it was issued and the wait that actually followed, so any
 * estimator can be replayed against what happened.
 */

const MIN = 60_000;
const STEP = 15_000;
/** Walking to the counter after the call. */
const WALK = 30_000;
const DAY_MINUTES = 480;

/** mulberry32: small, fast and deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CounterPlan {
  id: string;
  queues: string[];
  /** Minutes of the day (from opening) when someone is signed in and serving: [from, to) pairs. */
  staffed: [number, number][];
}

const FOREVER = 10_000;
const COUNTERS: CounterPlan[] = [
  // Lunch 12:00–12:45.
  {
    id: 'C1',
    queues: ['individual'],
    staffed: [
      [0, 180],
      [225, FOREVER],
    ],
  },
  // Lunch 12:00–14:00.
  {
    id: 'C2',
    queues: ['individual'],
    staffed: [
      [0, 180],
      [300, FOREVER],
    ],
  },
  // The corporate counter also calls personal tickets; away 12:00–13:00.
  {
    id: 'C3',
    queues: ['corporate', 'individual'],
    staffed: [
      [0, 180],
      [240, FOREVER],
    ],
  },
  // Set up and open, but nobody ever signs in there.
  { id: 'C4', queues: ['individual'], staffed: [] },
];

/** Arrivals per hour, hour by hour from opening. */
const RATES: Record<string, number[]> = {
  individual: [8, 11, 10, 6, 6, 10, 9, 5],
  corporate: [2, 3, 2, 1, 2, 3, 2, 1],
};

/** Visit mixes: intent key and weight. */
const MIX: Record<string, [string, number][]> = {
  individual: [
    ['cash', 30],
    ['transfer', 15],
    ['statement', 15],
    ['bill_payment', 10],
    ['card', 10],
    ['password_reset', 8],
    ['account_open', 5],
    ['wealth', 4],
    ['loan', 3],
  ],
  corporate: [
    ['corporate_settlement', 70],
    ['account_open', 20],
    ['loan', 10],
  ],
};

/** What was known when a ticket was issued, and what then happened. */
export interface ReplayTicket {
  queue: string;
  arrivedAt: number;
  ahead: number;
  /** Counters set up and open for the queue (what the old estimate counted). */
  openCounters: number;
  /** Open, staffed, serving capacity for the queue and how many such counters were free. */
  servers: number;
  free: number;
  recentDurationsMs: number[];
  priorMs: number | null;
  /** Call − arrival, the wait that actually happened. */
  actualWaitMs: number;
}

function pick<T>(r: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of items) {
    x -= w;
    if (x < 0) return v;
  }
  return (items[items.length - 1] as [T, number])[0];
}

/** A standard normal draw (Box–Muller). */
function normal(r: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
}

const staffedAt = (c: CounterPlan, minute: number) => c.staffed.some(([a, b]) => minute >= a && minute < b);

/** One simulated day; the same seed gives the same day. */
export function simulateDay(seed: number, config: QueueConfig, t0: number): ReplayTicket[] {
  const r = rng(seed);
  const intents = defaultTriageConfig.intents;
  const dayFactor = 0.75 + r() * 0.5;
  const tickets = new Map<string, TicketState>();
  const meta = new Map<string, { prior: number | null; serviceMs: number; record: ReplayTicket }>();
  const current = new Map<string, { id: string; endsAt: number; startedAt: number } | null>(
    COUNTERS.map((c) => [c.id, null]),
  );
  const durations: Record<string, number[]> = { individual: [], corporate: [] };
  const numbers: Record<string, number> = { individual: 0, corporate: 0 };
  const out: ReplayTicket[] = [];

  const issue = (queue: string, now: number) => {
    const mix = MIX[queue] as [string, number][];
    const services = [pick(r, mix)];
    if (r() < 0.15) services.push(pick(r, mix));
    const prior = visitPriorMs(services, intents);
    const base = prior ?? 5 * MIN;
    const roll = r();
    const serviceMs =
      roll < 0.08
        ? (0.3 + r() * 0.7) * MIN
        : base * dayFactor * Math.exp(0.45 * normal(r)) * (roll > 0.97 ? 2.5 : 1);
    numbers[queue] = (numbers[queue] ?? 0) + 1;
    const id = `${queue}-${numbers[queue]}`;
    const t = {
      id,
      queue,
      number: numbers[queue],
      status: 'waiting',
      priority: r() < 0.12 ? 1 : 0,
      arrivedAt: now,
    } as TicketState;
    tickets.set(id, t);
    const waiting = [...tickets.values()].filter((x) => x.status === 'waiting');
    const ahead = waiting.filter((x) => x.queue === queue && x.id !== id);
    const minute = (now - t0) / MIN;
    const points: ServingPoint[] = COUNTERS.map((c) => ({
      open: true,
      staffState: 'serving',
      staffed: staffedAt(c, minute),
      queues: c.queues,
      free: current.get(c.id) === null,
    }));
    const byQueue: Record<string, number> = {};
    for (const x of waiting) byQueue[x.queue] = (byQueue[x.queue] ?? 0) + 1;
    const cap = servingCapacity(points, queue, byQueue);
    const record: ReplayTicket = {
      queue,
      arrivedAt: now,
      ahead: aheadOf(t, tickets.values(), config),
      openCounters: COUNTERS.filter((c) => c.queues.includes(queue)).length,
      servers: cap.servers,
      free: cap.free,
      recentDurationsMs: [...(durations[queue] ?? [])],
      priorMs: meanPriorMs(
        ahead.filter((x) => callsBefore(x, t, config)).map((x) => meta.get(x.id)?.prior ?? null),
      ),
      actualWaitMs: Number.NaN,
    };
    meta.set(id, { prior, serviceMs, record });
    out.push(record);
  };

  let now = t0;
  for (;;) {
    const minute = (now - t0) / MIN;
    if (minute < DAY_MINUTES) {
      const hour = Math.floor(minute / 60);
      for (const queue of Object.keys(RATES)) {
        const perStep = (((RATES[queue] as number[])[hour] ?? 0) / (60 * MIN)) * STEP;
        if (r() < perStep) issue(queue, now);
      }
    }
    for (const c of COUNTERS) {
      const cur = current.get(c.id);
      if (cur && now >= cur.endsAt) {
        const t = tickets.get(cur.id) as TicketState;
        tickets.set(cur.id, { ...t, status: 'done' });
        (durations[t.queue] as number[]).push(cur.endsAt - cur.startedAt);
        current.set(c.id, null);
      }
      if (current.get(c.id) === null && staffedAt(c, minute)) {
        const next = pickNext([...tickets.values()], c.queues, config);
        if (next) {
          const m = meta.get(next.id);
          if (!m) throw new Error('lost ticket');
          m.record.actualWaitMs = now - next.arrivedAt;
          tickets.set(next.id, { ...next, status: 'serving' });
          current.set(c.id, { id: next.id, startedAt: now + WALK, endsAt: now + WALK + m.serviceMs });
        }
      }
    }
    const open = [...tickets.values()].some((t) => t.status !== 'done');
    if (minute >= DAY_MINUTES && !open) break;
    now += STEP;
  }
  return out;
}
