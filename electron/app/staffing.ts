import { ApiError } from '@shared/api/errors';
import type {
  StaffingApplyInput,
  StaffingDay,
  StaffingPatternInput,
  StaffingPatternReply,
  StaffingPlanReply,
} from '@shared/api/staffing';
import type { RulesConfig } from '@shared/config/schema';
import { ageFromMonth } from '@shared/customer/age';
import { classifyTier } from '@shared/customer/tier';
import { branchDay } from '@shared/queue';
import {
  addDays,
  bookedQueue,
  buildPattern,
  formatHhmm,
  parseHhmm,
  planFor,
  weekdayOf,
  withKnownArrivals,
  withPlan,
  type BookedArrival,
  type CounterPlan,
  type HistoryTicket,
  type VisitProfile,
} from '@shared/staffing';
import type { StaffingTicketRecord } from '../db/convert/staffing';
import type { StaffingRepo } from '../db/repos/staffing';
import type { SettingsApp } from './settings';

export interface StaffingDeps {
  repo: Pick<StaffingRepo, 'days' | 'tickets' | 'bookings'>;
  rules: () => RulesConfig;
  settings: Pick<SettingsApp, 'current' | 'save'>;
  /** The branch's counters: their first queue is the one they are rostered on. */
  counters: () => readonly { queues: readonly string[]; channel: string }[];
  now: () => number;
}

/** How many recorded days the picker lists. */
const DAYS_LISTED = 120;

const noHistory = () =>
  new ApiError(
    404,
    'no_history',
    '所选日期没有取号记录，无法生成客流模式',
    'No tickets are recorded for the chosen days, so there is no day pattern to simulate',
  );

/**
 * The what-if staffing simulator's server side: day patterns from the stored tickets (the simulation itself runs in
 * the manager's browser, in a worker, so it never takes the server's event loop from the queue, lobby or TV), and
 * applying a roster as a day's counter plan, saved as a new settings version (audited, reversible by rollback).
 */
export class StaffingApp {
  constructor(private readonly d: StaffingDeps) {}

  private today(): string {
    return branchDay(this.d.now(), this.d.rules().branch.timezone);
  }

  days(): StaffingDay[] {
    return this.d.repo.days(DAYS_LISTED).map((r) => ({ ...r, weekday: weekdayOf(r.date) }));
  }

  pattern(input: StaffingPatternInput): StaffingPatternReply {
    const rules = this.d.rules();
    let days: string[];
    if (input.source.kind === 'day') {
      days = [input.source.date];
    } else {
      // The last N weekdays before today that have tickets (today is not over yet).
      const today = this.today();
      days = this.d.repo
        .days(DAYS_LISTED)
        .map((r) => r.date)
        .filter((d) => d < today && weekdayOf(d) >= 1 && weekdayOf(d) <= 5)
        .slice(0, input.source.count);
    }
    const records = this.d.repo.tickets(days);
    if (records.length === 0) throw noHistory();
    const tz = rules.branch.timezone;
    const simRules = {
      triage: rules.triage,
      queue: rules.queue,
      targets: rules.staffing.targets,
      vipRoomCapacity: rules.branch.vipRoomCapacity,
      timeZone: tz,
      elderlyAge: rules.customer.elderlyAge,
    };
    // The recorded day's checked-in bookings are not drawn again: tomorrow's own bookings stand in for them.
    const lane = rules.appointments.laneQueue;
    const tickets = records.filter((r) => r.queue !== lane).map((r) => toHistory(r, rules));
    const recorded = buildPattern(tickets, days, rules.staffing, tz, (q) => {
      const def = rules.queue.queues.find((x) => x.key === q);
      return (def?.defaultServiceMinutes ?? 10) * 60_000;
    });
    const tomorrow = addDays(this.today(), 1);
    const booked: BookedArrival[] = this.d.repo.bookings(tomorrow).map((b) => {
      const profile: VisitProfile = {
        intents: [b.intent],
        customer: triageCustomer(b.customer, rules),
        flags: elderlyFlags(b.customer, b.slotAt, rules),
        priority: 0,
      };
      return { at: b.slotAt, queue: bookedQueue(profile, simRules), profile };
    });
    const pattern = withKnownArrivals(recorded, booked, tz);
    return {
      pattern,
      bookings: pattern.known?.length ?? 0,
      rules: simRules,
      queues: rules.queue.queues.map((q) => ({ key: q.key, zh: q.zh, en: q.en })),
      replications: rules.staffing.replications,
      seed: rules.staffing.seed,
      roster: this.startRoster(
        pattern.intervals.map((iv) => iv.start),
        planFor(rules.staffing, tomorrow),
      ),
      tomorrow,
    };
  }

  /** Tomorrow's plan where it covers an interval, else the branch's counters as they are (by first queue). */
  private startRoster(starts: number[], plan: CounterPlan | null): Record<string, number>[] {
    const rules = this.d.rules();
    const now: Record<string, number> = Object.fromEntries(rules.queue.queues.map((q) => [q.key, 0]));
    for (const c of this.d.counters()) {
      const q = c.queues[0] ?? rules.triage.channels.find((ch) => ch.key === c.channel)?.queue;
      if (q !== undefined && q in now) now[q] = (now[q] ?? 0) + 1;
    }
    const byStart = new Map((plan?.intervals ?? []).map((iv) => [parseHhmm(iv.start), iv.counters]));
    return starts.map((s) => ({ ...now, ...(byStart.get(s) ?? {}) }));
  }

  tomorrow(): StaffingPlanReply {
    const date = addDays(this.today(), 1);
    const cur = this.d.settings.current();
    return { date, plan: planFor(cur.config.staffing, date), version: cur.version };
  }

  apply(input: StaffingApplyInput, by: string): StaffingPlanReply {
    const today = this.today();
    const date = input.date ?? addDays(today, 1);
    if (date < today) {
      throw new ApiError(400, 'past_day', '不能为已过去的日期排班', 'A plan cannot be applied to a past day');
    }
    const keys = new Set(this.d.rules().queue.queues.map((q) => q.key));
    const unknown = input.intervals.flatMap((iv) => Object.keys(iv.counters)).filter((k) => !keys.has(k));
    if (unknown.length > 0) {
      throw new ApiError(
        400,
        'unknown_queue',
        `未知队列：${[...new Set(unknown)].join('、')}`,
        `Unknown queue: ${[...new Set(unknown)].join(', ')}`,
      );
    }
    const intervals = [...input.intervals]
      .map((iv) => ({ start: formatHhmm(parseHhmm(iv.start)), counters: iv.counters }))
      .sort((a, b) => (a.start < b.start ? -1 : 1));
    const plan: CounterPlan = { date, intervals, ...(input.note ? { note: input.note } : {}) };
    const cur = this.d.settings.current();
    const config: RulesConfig = {
      ...cur.config,
      staffing: { ...cur.config.staffing, plans: withPlan(cur.config.staffing.plans, plan, today) },
    };
    const note = `窗口排班 ${date} / counter plan for ${date}${input.note ? `: ${input.note}` : ''}`;
    const saved = this.d.settings.save(config, by, note);
    return { date, plan, version: saved.version };
  }
}

type Customer = StaffingTicketRecord['customer'];

/** The tier as triage would see it today; no name, number or birth date leaves the server. */
function triageCustomer(c: Customer, rules: RulesConfig): HistoryTicket['customer'] {
  return c
    ? {
        kind: c.kind,
        tier: classifyTier(c.aumFen, rules.customer.tiers).tier,
        segments: c.segments,
        birthDate: null,
        corporateGrade: c.corporateGrade,
      }
    : null;
}

function elderlyFlags(c: Customer, at: number, rules: RulesConfig): HistoryTicket['flags'] {
  const elderly =
    c?.birthMonth != null &&
    ageFromMonth(c.birthMonth, at, rules.branch.timezone) >= rules.customer.elderlyAge;
  return elderly ? { elderly: true } : {};
}

function toHistory(r: StaffingTicketRecord, rules: RulesConfig): HistoryTicket {
  return {
    branchDay: r.branchDay,
    queue: r.queue,
    status: r.status,
    priority: r.priority,
    services: r.services,
    arrivedAt: r.arrivedAt,
    calledAt: r.calledAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    transferred: r.transferred,
    endOfDay: r.endOfDay,
    customer: triageCustomer(r.customer, rules),
    flags: elderlyFlags(r.customer, r.arrivedAt, rules),
  };
}
