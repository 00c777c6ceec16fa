import { z } from 'zod';
import { planIntervalSchema, type CounterPlan } from '../staffing/config';
import type { DayPattern } from '../staffing/pattern';
import type { SimRules } from '../staffing/simulate';

/** What-if staffing (/staffing): the day patterns on record, a pattern with what the simulator needs, the plans. */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD / dates are YYYY-MM-DD');

export interface StaffingDay {
  date: string;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  arrivals: number;
}

export const staffingPatternInput = z.object({
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('day'), date: isoDate }),
    z.object({ kind: z.literal('weekdays'), count: z.number().int().min(1).max(60) }),
  ]),
});
export type StaffingPatternInput = z.infer<typeof staffingPatternInput>;

export interface StaffingQueue {
  key: string;
  zh: string;
  en: string;
}

export interface StaffingPatternReply {
  pattern: DayPattern;
  /** Tomorrow's bookings replayed at their booked time (known arrivals), on top of the recorded walk-ins. */
  bookings: number;
  /** The rules the simulation replays (the rules in force). */
  rules: SimRules;
  queues: StaffingQueue[];
  replications: number;
  seed: number;
  /** The roster to start from: tomorrow's plan if one was applied, else today's counters all day. */
  roster: Record<string, number>[];
  tomorrow: string;
}

export const staffingApplyInput = z.object({
  /** Defaults to tomorrow on the branch clock; never a past day. */
  date: isoDate.optional(),
  intervals: z.array(planIntervalSchema).min(1).max(96),
  note: z.string().trim().max(200).optional(),
});
export type StaffingApplyInput = z.infer<typeof staffingApplyInput>;

export interface StaffingPlanReply {
  date: string;
  plan: CounterPlan | null;
  /** The settings version holding it (after apply: the new version). */
  version: number;
}
