/**
 * Past visits of a branch, deterministic (no I/O): for each branch day, tickets drawn from a day shape, each a
 * real event log (issue, call, recall, start, hold/resume, transfer, no-show and requeue, finish, walk-away)
 * folded by shared/queue's state machine, so whatever stores them stores what a working branch would have.
 * Used by the demo seed (a few weeks of history for the reports and the staffing simulator) and the P7 bench
 * (a year). Served visits of known customers may carry a suggestion outcome (with the campaign that drove
 * it); a few visits end with a complaint.
 */
import type { RulesConfig } from '@shared/config/schema';
import { parseCivil, zonedInstant } from '@shared/import/values';
import { applyEvent, formatTicketNo, type TicketEvent, type TicketState } from '@shared/queue';
import { Rng } from './random';

const MINUTE = 60_000;

/** Arrival weights per half hour from 09:00 to 17:00: the morning and early-afternoon peaks of a city branch. */
const DAY_SHAPE = [4, 6, 9, 10, 8, 7, 6, 5, 5, 7, 9, 10, 8, 6, 5, 3];
/** Relative volume Monday … Sunday (Monday's backlog, a quieter weekend). */
const WEEKDAY_VOLUME = [1.15, 1, 0.95, 1, 1.1, 0.6, 0.4];
/** The share of arrivals per queue (the appointment lane is fed by bookings, not drawn here). */
const QUEUE_MIX: readonly [string, number][] = [
  ['individual', 0.55],
  ['vip', 0.12],
  ['corporate', 0.1],
  ['self', 0.23],
];
/** Mean wait (minutes) per queue at an average half hour; peaks wait longer. */
const MEAN_WAIT: Record<string, number> = { individual: 9, vip: 4, corporate: 8, self: 3 };
const OUTCOMES: readonly [string, number][] = [
  ['accepted', 0.2],
  ['interested', 0.25],
  ['declined', 0.45],
  ['not_suitable', 0.1],
];

export interface HistoryCounter {
  id: string;
  queues: readonly string[];
  /** Who works there (the staff member on events); null: nobody assigned, events carry no staff. */
  staffId: string | null;
}

export interface HistoryCustomer {
  id: string;
  kind: 'individual' | 'corporate';
  /** Their usual queue: VIP tiers go to the VIP room, corporate to the corporate counter. */
  vip: boolean;
}

export interface HistoryOptions {
  /** Branch days (YYYY-MM-DD), oldest first. */
  days: readonly string[];
  /** Arrivals on an average weekday. */
  perDay: number;
  seed: number;
  counters: readonly HistoryCounter[];
  customers: readonly HistoryCustomer[];
  rules: RulesConfig;
  deviceId: string;
  /** Events after this instant are left out (a day in progress); visits issued after it are not generated. */
  until?: number;
  /** Fresh ids (UUIDv7): the caller's source, so the generated data never reuses a stored id. */
  newId: () => string;
}

export interface HistoryOutcome {
  id: string;
  productCode: string;
  campaignId: string | null;
  outcome: string;
  staffId: string;
  at: number;
}

export interface HistoryComplaint {
  id: string;
  category: string;
  createdAt: number;
  deadlineAt: number;
  resolvedAt: number | null;
}

export interface HistoryVisit {
  events: TicketEvent[];
  state: TicketState;
  outcome: HistoryOutcome | null;
  complaint: HistoryComplaint | null;
}

function pickWeighted(rng: Rng, items: readonly [string, number][]): string {
  let u = rng.next();
  for (const [k, w] of items) {
    if (u < w) return k;
    u -= w;
  }
  return (items.at(-1) as [string, number])[0];
}

/** Exponential with the given mean (minutes → ms). */
const expo = (rng: Rng, meanMin: number): number => -Math.log(1 - rng.next()) * meanMin * MINUTE;

/** Monday 0 … Sunday 6 of a civil date. */
function weekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Every visit of the given days, day by day, in arrival order. */
export function* historyVisits(o: HistoryOptions): Generator<HistoryVisit> {
  const rng = new Rng();
  const tz = o.rules.branch.timezone;
  const queues = new Map(o.rules.queue.queues.map((q) => [q.key, q]));
  const campaigns = o.rules.suggest.campaigns;
  const products = o.rules.suggest.products.map((p) => p.code);
  const categories = o.rules.visit.complaintCategories;
  const intents = o.rules.triage.intents.map((i) => i.key).filter((k) => k !== 'corporate_settlement');
  const until = o.until ?? Infinity;
  const shapeTotal = DAY_SHAPE.reduce((s, x) => s + x, 0);
  const vips = o.customers.filter((c) => c.vip && c.kind === 'individual');
  const corporates = o.customers.filter((c) => c.kind === 'corporate');
  const others = o.customers.filter((c) => !c.vip && c.kind === 'individual');

  for (let d = 0; d < o.days.length; d++) {
    const day = o.days[d] as string;
    const civil = parseCivil(day);
    if (!civil.ok) throw new Error(`bad branch day ${day}`);
    const open = zonedInstant({ ...civil.value, minutes: 9 * 60 }, tz);
    if (open > until) return;
    rng.reseed(o.seed, d, 0x5eed);
    const volume = o.perDay * (WEEKDAY_VOLUME[weekday(day)] ?? 1);
    const numbers = new Map<string, number>();
    const visits: { at: number; slot: number }[] = [];
    DAY_SHAPE.forEach((w, slot) => {
      const n = Math.round((volume * w) / shapeTotal);
      for (let k = 0; k < n; k++) visits.push({ at: open + (slot * 30 + rng.next() * 30) * MINUTE, slot });
    });
    visits.sort((a, b) => a.at - b.at);
    for (const v of visits) {
      if (v.at > until) break;
      const queue = pickWeighted(rng, QUEUE_MIX);
      const def = queues.get(queue);
      if (!def) continue;
      const serving = o.counters.filter((c) => c.queues.includes(queue));
      if (serving.length === 0) continue;
      const pool = queue === 'vip' ? vips : queue === 'corporate' ? corporates : others;
      const customer = rng.chance(queue === 'self' ? 0.4 : 0.75) && pool.length ? rng.pick(pool) : null;
      const number = (numbers.get(queue) ?? 0) + 1;
      numbers.set(queue, number);
      const intent = queue === 'corporate' ? 'corporate_settlement' : rng.pick(intents);
      const visit = oneVisit(o, rng, {
        queue,
        prefix: def.prefix,
        serviceMin: def.defaultServiceMinutes,
        number,
        day,
        at: v.at,
        // The peaks wait longer: the weight of the half hour against the average one.
        waitMin: (MEAN_WAIT[queue] ?? 8) * ((DAY_SHAPE[v.slot] ?? 1) / (shapeTotal / DAY_SHAPE.length)),
        counter: rng.pick(serving),
        transferTo: serving.length > 0 && queue === 'individual' ? 'vip' : null,
        customerId: customer?.id ?? null,
        services: rng.chance(0.12) && queue !== 'corporate' ? [intent, 'wealth'] : [intent],
        until,
      });
      if (!visit) continue;
      const { state } = visit;
      const staffId = visit.events.findLast((e) => e.type === 'finish')?.staffId ?? null;
      let outcome: HistoryOutcome | null = null;
      if (state.status === 'done' && customer && staffId && rng.chance(0.35)) {
        const campaign = rng.chance(0.7) ? rng.pick(campaigns) : null;
        outcome = {
          id: o.newId(),
          productCode: campaign ? rng.pick(campaign.productCodes) : rng.pick(products),
          campaignId: campaign?.id ?? null,
          outcome: pickWeighted(rng, OUTCOMES),
          staffId,
          at: state.finishedAt ?? state.lastEventAt,
        };
      }
      let complaint: HistoryComplaint | null = null;
      if (rng.chance(0.004)) {
        const cat = rng.pick(categories);
        const createdAt = state.lastEventAt;
        const deadlineAt = createdAt + cat.deadlineDays * 24 * 60 * MINUTE;
        // Whole milliseconds: a fractional time cannot travel as an HLC stamp to the head office.
        const resolveIn = Math.round(rng.next() * cat.deadlineDays * 1.3 * 24 * 60 * MINUTE);
        complaint = {
          id: o.newId(),
          category: cat.key,
          createdAt,
          deadlineAt,
          resolvedAt: createdAt + resolveIn < until && rng.chance(0.9) ? createdAt + resolveIn : null,
        };
      }
      yield { events: visit.events, state, outcome, complaint };
    }
  }
}

interface VisitDraw {
  queue: string;
  prefix: string;
  serviceMin: number;
  number: number;
  day: string;
  at: number;
  waitMin: number;
  counter: HistoryCounter;
  transferTo: string | null;
  customerId: string | null;
  services: string[];
  until: number;
}

/** One ticket's event log, folded; null when the machine refused an event (never, for these paths). */
function oneVisit(
  o: HistoryOptions,
  rng: Rng,
  v: VisitDraw,
): { events: TicketEvent[]; state: TicketState } | null {
  const events: TicketEvent[] = [];
  const ticketId = o.newId();
  let t = v.at;
  const push = (
    type: TicketEvent['type'],
    payload: Record<string, unknown> = {},
    counter: HistoryCounter | null = null,
  ): void => {
    events.push({
      id: o.newId(),
      ticketId,
      type,
      at: Math.round(t),
      staffId: counter?.staffId ?? null,
      deviceId: o.deviceId,
      counterId: counter?.id ?? null,
      payload,
    });
  };
  push('issue', {
    queue: v.queue,
    number: v.number,
    displayNo: formatTicketNo(v.prefix, v.number),
    branchDay: v.day,
    priority: 0,
    customerId: v.customerId,
    services: v.services,
    channel: null,
    noShowRequeueLimit: o.rules.queue.noShowRequeueLimit,
  });
  const c = v.counter;
  const wait = expo(rng, v.waitMin);
  const path = rng.next();
  if (path < 0.05) {
    // Walked away: patience ran out before the call.
    t += wait * (0.5 + rng.next());
    push('cancel', { reason: '客户离开' });
  } else if (path < 0.08) {
    t += wait;
    push('call', {}, c);
    t += MINUTE;
    push('recall', {}, c);
    t += 2 * MINUTE;
    push('no_show', {}, c);
  } else {
    t += wait;
    push('call', {}, c);
    if (path < 0.12) {
      // A no-show, back in line, called again and served.
      t += 2 * MINUTE;
      push('no_show', {}, c);
      t += 30_000;
      push('requeue', {}, c);
      t += expo(rng, v.waitMin / 2);
      push('call', {}, c);
    }
    if (rng.chance(0.5)) {
      t += 40_000;
      push('recall', {}, c);
    }
    t += 20_000 + rng.next() * 60_000;
    push('start', {}, c);
    if (rng.chance(0.12)) {
      t += rng.next() * 3 * MINUTE;
      push('hold', { reason: '核实资料' }, c);
      t += MINUTE + rng.next() * 4 * MINUTE;
      push('resume', {}, c);
    }
    t += expo(rng, v.serviceMin * 0.8) + v.serviceMin * 0.2 * MINUTE;
    const target = v.transferTo ? o.counters.find((x) => x.queues.includes(v.transferTo as string)) : null;
    if (target && v.services.length > 1) {
      // The second intent (wealth) goes on to the VIP room, in the same ticket.
      push('transfer', { toQueue: v.transferTo, servicesDone: v.services.slice(0, 1) }, c);
      t += expo(rng, 4);
      push('call', {}, target);
      t += 30_000;
      push('start', {}, target);
      t += expo(rng, 10);
      push('finish', { servicesDone: v.services }, target);
    } else {
      push('finish', { servicesDone: v.services }, c);
    }
  }
  let state: TicketState | null = null;
  const kept: TicketEvent[] = [];
  for (const ev of events) {
    if (ev.at > v.until) break;
    const r = applyEvent(state, ev);
    if (!r.ok) return null;
    state = r.state;
    kept.push(ev);
  }
  return state ? { events: kept, state } : null;
}

/** The `count` civil days before `today` (YYYY-MM-DD), oldest first. */
export function daysBefore(today: string, count: number): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const base = Date.UTC(y, m - 1, d);
  return Array.from({ length: count }, (_, i) =>
    new Date(base - (count - i) * 86_400_000).toISOString().slice(0, 10),
  );
}
