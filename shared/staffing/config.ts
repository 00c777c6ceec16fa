import { z } from 'zod';

/**
 * What-if staffing (人员排班测算) as data: the planning grid (day start/end, interval length), the service-level
 * target of each queue, the simulation's replications and seed, and the counter plans the manager applied
 * (one per date; tomorrow's is shown where counters are managed). Saved with the rules, so every plan applied is a
 * settings version: audited and reversible by rollback.
 */

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const hhmm = z.string().regex(HHMM, '时间格式为 HH:MM / times are HH:MM');

export const staffingTargetSchema = z.object({
  queue: z.string().min(1).max(40),
  /** A served ticket meets the target when its wait (call − arrival) is at most this. */
  waitMinutes: z.number().min(0.5).max(240),
  /** The share of served tickets that must meet it (service level, %). */
  percent: z.number().min(1).max(100),
});
export type StaffingTarget = z.infer<typeof staffingTargetSchema>;

export const planIntervalSchema = z.object({
  /** Local start time of the interval on the branch's clock. */
  start: hhmm,
  /** Counters open per queue key in this interval. */
  counters: z.record(z.string().min(1).max(40), z.number().int().min(0).max(50)),
});
export type PlanInterval = z.infer<typeof planIntervalSchema>;

export const counterPlanSchema = z.object({
  /** The branch day `YYYY-MM-DD` this plan is for. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  intervals: z.array(planIntervalSchema).min(1).max(96),
  /** Where it came from, for the version list: e.g. "recommendation from the average of 5 weekdays". */
  note: z.string().max(200).optional(),
});
export type CounterPlan = z.infer<typeof counterPlanSchema>;

export const staffingConfigSchema = z
  .object({
    /** Length of a planning interval in minutes (30: the classic half-hour roster). */
    intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
    /** First and last planning interval boundaries on the branch clock. */
    dayStart: hhmm,
    dayEnd: hhmm,
    targets: z.array(staffingTargetSchema),
    /** Simulation replications (R) and the seed: the same seed gives the same answer. */
    replications: z.number().int().min(10).max(1000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
    /** Plans applied, newest date last; older ones are pruned when a plan is applied. */
    plans: z.array(counterPlanSchema).max(62),
  })
  .superRefine((cfg, ctx) => {
    if (cfg.dayEnd <= cfg.dayStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['dayEnd'],
        message: '结束时间须晚于开始时间 / the day must end after it starts',
      });
    }
    // One target per queue: targetFor reads the first, so a second row for a queue would be silently ignored.
    const queues = new Set<string>();
    cfg.targets.forEach((t, i) => {
      if (queues.has(t.queue)) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', i, 'queue'],
          message: `同一队列只能有一个服务目标 / one target per queue (${t.queue})`,
        });
      }
      queues.add(t.queue);
    });
    const dates = new Set<string>();
    cfg.plans.forEach((p, i) => {
      if (dates.has(p.date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['plans', i, 'date'],
          message: `同一日期只能有一份排班 / one plan per date (${p.date})`,
        });
      }
      dates.add(p.date);
    });
  });
export type StaffingConfig = z.infer<typeof staffingConfigSchema>;

export const defaultStaffingConfig: StaffingConfig = {
  intervalMinutes: 30,
  dayStart: '09:00',
  dayEnd: '17:00',
  targets: [
    { queue: 'vip', waitMinutes: 5, percent: 80 },
    { queue: 'individual', waitMinutes: 10, percent: 80 },
    { queue: 'corporate', waitMinutes: 10, percent: 80 },
    { queue: 'self', waitMinutes: 5, percent: 80 },
  ],
  replications: 100,
  seed: 20261203,
  plans: [],
};

/** The target of a queue: its own, else the first one configured, else 10 minutes at 80 %. */
export function targetFor(config: Pick<StaffingConfig, 'targets'>, queue: string): StaffingTarget {
  return config.targets.find((t) => t.queue === queue) ?? { queue, waitMinutes: 10, percent: 80 };
}

export function parseHhmm(s: string): number {
  const [h, m] = s.split(':');
  return Number(h) * 60 + Number(m);
}

export function formatHhmm(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60) % 24;
  const m = minuteOfDay % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** The plan for a date, if one was applied. */
export function planFor(config: Pick<StaffingConfig, 'plans'>, date: string): CounterPlan | null {
  return config.plans.find((p) => p.date === date) ?? null;
}

/**
 * The plans after applying `plan`: it replaces any plan of the same date; plans dated before `today` are dropped
 * (yesterday's plan is history, the settings versions keep it), and at most the config's limit stays.
 */
export function withPlan(plans: readonly CounterPlan[], plan: CounterPlan, today: string): CounterPlan[] {
  const kept = plans.filter((p) => p.date !== plan.date && p.date >= today);
  return [...kept, plan].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).slice(-62);
}
