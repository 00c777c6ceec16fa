import { z } from 'zod';

/**
 * The branch manager's dashboard as data: the service-level target of each queue (SL% = served within the
 * target ÷ served) and the alert thresholds, in the spirit of QSystem's service standards.
 */

const minutes = z.number().positive().max(240);

export const BREAK_REASONS = ['lunch', 'training', 'meeting', 'other'] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

export const dashboardConfigSchema = z.object({
  /** Per queue: the wait (minutes) within which a served ticket counts toward SL%. */
  slTargets: z.array(z.object({ queue: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), minutes })).max(20),
  /** For a queue without its own target. */
  defaultSlMinutes: minutes,
  alerts: z.object({
    /** A ticket has waited longer than this. */
    waitMinutes: minutes,
    /** A ticket has been in service longer than this. */
    serviceMinutes: minutes,
    /** An open, staffed counter has not served while tickets it could serve waited, for longer than this. */
    idleWithQueueMinutes: minutes,
    /** More tickets than this wait in one queue. */
    queueLength: z.number().int().min(1).max(500),
  }),
});
export type DashboardConfig = z.infer<typeof dashboardConfigSchema>;

export const defaultDashboardConfig: DashboardConfig = {
  slTargets: [
    { queue: 'vip', minutes: 5 },
    { queue: 'individual', minutes: 10 },
    { queue: 'corporate', minutes: 10 },
    { queue: 'self', minutes: 5 },
  ],
  defaultSlMinutes: 10,
  alerts: { waitMinutes: 10, serviceMinutes: 20, idleWithQueueMinutes: 10, queueLength: 8 },
};

/** The SL target of a queue, in ms. */
export function slTargetMs(config: DashboardConfig, queue: string): number {
  const t = config.slTargets.find((x) => x.queue === queue);
  return (t ? t.minutes : config.defaultSlMinutes) * 60_000;
}
