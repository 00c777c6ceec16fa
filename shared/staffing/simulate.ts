import type { QueueConfig } from '../queue/config';
import type { TicketState } from '../queue/machine';
import { pickNext, transferClass } from '../queue/order';
import type { TriageConfig } from '../triage/config';
import { triage } from '../triage/engine';
import type { ServicePoint, TriageDecision } from '../triage/types';
import type { StaffingTarget } from './config';
import { targetFor } from './config';
import { EventHeap } from './heap';
import type { DayPattern, VisitProfile } from './pattern';
import { serviceOf } from './pattern';
import { exponential, rngFor, type Rng } from './rng';

/*
 * The discrete-event simulation of a branch day. Arrivals are drawn from the pattern (Poisson at each interval's
 * rate, each one a recorded visit of that interval), and then the branch's own rules decide, exactly as at the
 * lobby desk and the counters:
 *  - triage (shared/triage) picks the channel, queue and priority class from the visit's intents and customer,
 *    given which channels the roster has open and how full the VIP room is (the VIP/counter split);
 *  - each counter calls the next ticket with shared/queue's pickNext (place in line = arrival − class × M);
 *  - a visit whose intents one channel cannot all do is transferred after service to the queue triage gives the
 *    rest, keeping its arrival time and with the class transferClass gives it (the queue's transfer rule);
 *  - a customer still waiting when their patience (drawn from the recorded walk-aways) runs out leaves.
 * The roster changes at interval boundaries; a counter closing finishes its customer first. After the last
 * interval no one new arrives and the last interval's counters serve whoever is still inside.
 * Statistics are kept per arrival interval and queue (the queue the ticket was first served or left in).
 */

export interface SimRules {
  triage: TriageConfig;
  queue: QueueConfig;
  targets: readonly StaffingTarget[];
  vipRoomCapacity: number;
  timeZone: string;
  elderlyAge: number;
}

/** Counters per queue key, one entry per pattern interval. */
export type Roster = readonly Readonly<Record<string, number>>[];

/** Per (interval, queue) cell: arrivals, served, served within target, total wait (ms), walked away, never served. */
export const FIELDS = 6;
export const F_ARRIVALS = 0;
export const F_SERVED = 1;
export const F_MET = 2;
export const F_WAIT_MS = 3;
export const F_WALKED = 4;
export const F_UNSERVED = 5;

interface SimTicket extends TicketState {
  profile: VisitProfile;
  profileIdx: number;
  interval: number;
  /** The queue index its statistics go to (first served or left in). */
  statQueue: number;
  pending: string[];
  vip: boolean;
}

interface Server {
  busy: boolean;
  leaving: boolean;
}

type Ev =
  | { at: number; seq: number; kind: 'arrive'; ticket: SimTicket }
  | { at: number; seq: number; kind: 'leave'; ticket: SimTicket }
  | { at: number; seq: number; kind: 'finish'; ticket: SimTicket; queue: number; server: Server }
  | { at: number; seq: number; kind: 'shift'; interval: number };

const MINUTE_MS = 60_000;

function newTicket(
  n: number,
  at: number,
  profile: VisitProfile,
  profileIdx: number,
  interval: number,
): SimTicket {
  return {
    id: String(n),
    queue: '',
    number: n,
    displayNo: String(n),
    branchDay: '',
    status: 'waiting',
    priority: profile.priority,
    arrivedAt: at,
    customerId: null,
    services: profile.intents,
    servicesDone: [],
    channel: null,
    counterId: null,
    calledAt: null,
    lastCalledAt: null,
    startedAt: null,
    finishedAt: null,
    heldAt: null,
    callCount: 0,
    noShowCount: 0,
    requeueCount: 0,
    requeueLimit: 0,
    transferCount: 0,
    transferredFrom: null,
    overrideCount: 0,
    lastReason: null,
    lastEventAt: at,
    lastEventId: '',
    eventIds: [],
    version: 0,
    profile,
    profileIdx,
    interval,
    statQueue: -1,
    pending: [],
    vip: false,
  };
}

/** Draws a patience from the survival curve (Infinity past its last point). */
function drawPatience(rng: Rng, curve: DayPattern['patience']): number {
  if (curve.atMs.length === 0) return Infinity;
  const u = rng();
  for (let i = 0; i < curve.atMs.length; i++)
    if ((curve.survival[i] as number) <= u) return curve.atMs[i] as number;
  return Infinity;
}

/**
 * Triage decisions by (visit, intents, open channels, VIP room full): triage is pure, so replications of one run
 * share them and the engine runs once per distinct situation instead of once per simulated arrival.
 */
export type DecisionCache = Map<string, TriageDecision>;

/** One replication; returns its cells (interval-major, queues in config order). */
export function simulateOnce(
  pattern: DayPattern,
  roster: Roster,
  rules: SimRules,
  rng: Rng,
  decisions: DecisionCache = new Map(),
): Float64Array {
  const queueKeys = rules.queue.queues.map((q) => q.key);
  const Q = queueKeys.length;
  const I = pattern.intervals.length;
  const cells = new Float64Array(I * Q * FIELDS);
  const stepMs = pattern.intervalMinutes * MINUTE_MS;
  const dayStart = (pattern.intervals[0]?.start ?? 0) * MINUTE_MS;
  const qIndex = new Map(queueKeys.map((k, i) => [k, i] as const));
  const vipQueue = rules.triage.channels.find((c) => c.key === 'vip')?.queue ?? null;
  const waitTarget = queueKeys.map(
    (k) => targetFor({ targets: [...rules.targets] }, k).waitMinutes * MINUTE_MS,
  );
  const services = rules.queue.queues.map((q) => {
    const s = serviceOf(pattern, q.key, q.defaultServiceMinutes * MINUTE_MS);
    return { samples: s.samples.length >= rules.queue.wait.minSamples ? s.samples : [], meanMs: s.meanMs };
  });
  const drawService = (qi: number): number => {
    const s = services[qi] as { samples: number[]; meanMs: number };
    if (s.samples.length > 0) return s.samples[Math.floor(rng() * s.samples.length)] as number;
    return exponential(rng, s.meanMs);
  };

  const heap = new EventHeap<Ev>();
  let seq = 0;
  const servers: Server[][] = queueKeys.map(() => []);
  const waiting: SimTicket[][] = queueKeys.map(() => []);
  let vipLoad = 0;
  let openKey = '';
  const ctx = { elderlyAge: rules.elderlyAge, timeZone: rules.timeZone, now: 0 };
  const points: ServicePoint[] = rules.queue.queues.map((q) => ({
    id: q.key,
    channel: q.channel,
    open: false,
    queues: [q.key],
  }));

  const decide = (t: SimTicket, intents: string[]): TriageDecision => {
    const full = vipLoad >= rules.vipRoomCapacity;
    const key =
      intents === t.services
        ? `${t.profileIdx}|${openKey}|${full ? 1 : 0}`
        : `${t.profileIdx}>${intents.join(',')}|${openKey}|${full ? 1 : 0}`;
    let d = decisions.get(key);
    if (!d) {
      d = triage(
        {
          customer: t.profile.customer,
          intents,
          flags: t.profile.flags,
          branch: {
            counters: points,
            vipRoom: { capacity: rules.vipRoomCapacity, load: vipLoad },
            selfServiceUp: true,
          },
        },
        rules.triage,
        ctx,
      );
      decisions.set(key, d);
    }
    return d;
  };

  const cell = (t: SimTicket, field: number) => (t.interval * Q + t.statQueue) * FIELDS + field;

  const enqueue = (t: SimTicket, d: TriageDecision, now: number): number => {
    const qi = qIndex.get(d.queue);
    if (qi === undefined) return -1;
    t.priority =
      t.transferCount > 0
        ? transferClass(t, d.queue, waiting[qi] as SimTicket[])
        : Math.max(t.priority, d.priority);
    t.queue = d.queue;
    t.status = 'waiting';
    t.pending = d.pending;
    t.vip = d.queue === vipQueue;
    if (t.vip) vipLoad++;
    t.lastEventAt = now;
    (waiting[qi] as SimTicket[]).push(t);
    return qi;
  };

  const dispatch = (qi: number, now: number): void => {
    const list = waiting[qi] as SimTicket[];
    for (const s of servers[qi] as Server[]) {
      if (list.length === 0) return;
      if (s.busy) continue;
      const t = pickNext(list, [queueKeys[qi] as string], rules.queue) as SimTicket | null;
      if (!t) return;
      list.splice(list.indexOf(t), 1);
      s.busy = true;
      t.status = 'serving';
      t.callCount++;
      if (t.statQueue < 0) {
        t.statQueue = qi;
        const wait = now - t.arrivedAt;
        cells[cell(t, F_SERVED)]++;
        cells[cell(t, F_WAIT_MS)] += wait;
        if (wait <= (waitTarget[qi] as number)) cells[cell(t, F_MET)]++;
      }
      heap.push({ at: now + drawService(qi), seq: seq++, kind: 'finish', ticket: t, queue: qi, server: s });
    }
  };

  const shift = (interval: number, now: number): void => {
    const row = roster[interval] ?? {};
    queueKeys.forEach((key, qi) => {
      const pool = servers[qi] as Server[];
      const want = Math.max(0, Math.floor(row[key] ?? 0));
      let active = pool.filter((s) => !s.leaving).length;
      for (const s of pool) {
        if (active >= want) break;
        if (s.leaving) {
          s.leaving = false;
          active++;
        }
      }
      while (active < want) {
        pool.push({ busy: false, leaving: false });
        active++;
      }
      for (let i = pool.length - 1; i >= 0 && active > want; i--) {
        const s = pool[i] as Server;
        if (s.leaving) continue;
        if (s.busy) s.leaving = true;
        else pool.splice(i, 1);
        active--;
      }
      (points[qi] as ServicePoint).open = want > 0;
    });
    openKey = queueKeys.map((k) => ((row[k] ?? 0) > 0 ? '1' : '0')).join('');
    for (let qi = 0; qi < Q; qi++) dispatch(qi, now);
  };

  // Arrivals first (so the draws do not depend on how the day unfolds), then the roster changes.
  let n = 0;
  pattern.intervals.forEach((iv, i) => {
    if (iv.arrivals <= 0 || iv.visits.length === 0) return;
    const start = dayStart + i * stepMs;
    const meanGap = stepMs / iv.arrivals;
    for (let at = start + exponential(rng, meanGap); at < start + stepMs; at += exponential(rng, meanGap)) {
      const idx = iv.visits[Math.floor(rng() * iv.visits.length)] as number;
      const t = newTicket(++n, at, pattern.profiles[idx] as VisitProfile, idx, i);
      heap.push({ at, seq: seq++, kind: 'arrive', ticket: t });
      const patience = drawPatience(rng, pattern.patience);
      if (Number.isFinite(patience)) heap.push({ at: at + patience, seq: seq++, kind: 'leave', ticket: t });
    }
  });
  // Known arrivals (bookings) at their booked time, after the drawn ones so those draws stay as they were.
  for (const k of pattern.known ?? []) {
    const at = k.minute * MINUTE_MS;
    const i = Math.floor((at - dayStart) / stepMs);
    if (i < 0 || i >= I) continue;
    const t = newTicket(++n, at, pattern.profiles[k.profile] as VisitProfile, k.profile, i);
    heap.push({ at, seq: seq++, kind: 'arrive', ticket: t });
    const patience = drawPatience(rng, pattern.patience);
    if (Number.isFinite(patience)) heap.push({ at: at + patience, seq: seq++, kind: 'leave', ticket: t });
  }
  for (let i = 0; i < I; i++)
    heap.push({ at: dayStart + i * stepMs, seq: -I + i, kind: 'shift', interval: i });

  for (let ev = heap.pop(); ev; ev = heap.pop()) {
    const now = ev.at;
    if (ev.kind === 'shift') {
      shift(ev.interval, now);
    } else if (ev.kind === 'arrive') {
      const t = ev.ticket;
      const qi = enqueue(t, decide(t, t.services), now);
      if (qi < 0) continue;
      cells[(t.interval * Q + qi) * FIELDS + F_ARRIVALS]++;
      dispatch(qi, now);
    } else if (ev.kind === 'leave') {
      const t = ev.ticket;
      if (t.status !== 'waiting' || t.callCount > 0) continue;
      const qi = qIndex.get(t.queue) as number;
      const list = waiting[qi] as SimTicket[];
      list.splice(list.indexOf(t), 1);
      t.status = 'cancelled';
      if (t.vip) vipLoad--;
      t.statQueue = qi;
      cells[cell(t, F_WALKED)]++;
    } else {
      const { ticket: t, server: s, queue: qi } = ev;
      s.busy = false;
      if (s.leaving) {
        const pool = servers[qi] as Server[];
        pool.splice(pool.indexOf(s), 1);
      }
      if (t.vip) vipLoad--;
      if (t.pending.length > 0 && t.transferCount === 0) {
        t.transferCount++;
        const next = enqueue(t, decide(t, t.pending), now);
        if (next >= 0) dispatch(next, now);
      } else {
        t.status = 'done';
        t.finishedAt = now;
      }
      dispatch(qi, now);
    }
  }
  for (const list of waiting) {
    for (const t of list) {
      if (t.callCount > 0) continue;
      t.statQueue = qIndex.get(t.queue) as number;
      cells[cell(t, F_UNSERVED)]++;
    }
  }
  return cells;
}

export interface SimRun {
  seed: number;
  /** First replication index of this batch (workers run slices; each replication has its own stream). */
  from: number;
  count: number;
}

/** Replications `from … from+count−1`, each seeded by (seed, index): the same seed always gives the same cells. */
export function simulate(
  pattern: DayPattern,
  roster: Roster,
  rules: SimRules,
  run: SimRun,
  onReplication?: (done: number) => void,
): Float64Array[] {
  const out: Float64Array[] = [];
  const decisions: DecisionCache = new Map();
  for (let r = run.from; r < run.from + run.count; r++) {
    out.push(simulateOnce(pattern, roster, rules, rngFor(run.seed, r), decisions));
    onReplication?.(out.length);
  }
  return out;
}
