import { z } from 'zod';
import { CHANNELS } from '../triage/channel';

/** Ticket queues (排队叫号) as data: which queues exist, how priority ages, no-show policy, wait-estimate defaults. */

export const queueDefSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, '队列代码须为小写字母、数字或下划线 / queue keys are lower_snake_case'),
  /** Letter(s) printed before the number: A012. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/, '号码前缀须为1–2个大写字母 / the prefix is 1–2 capital letters'),
  channel: z.enum(CHANNELS),
  zh: z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(40),
  /** Typical minutes per ticket when too few recent services are known. */
  defaultServiceMinutes: z.number().positive().max(240),
});
export type QueueDef = z.infer<typeof queueDefSchema>;

export const queueConfigSchema = z
  .object({
    queues: z.array(queueDefSchema).min(1),
    aging: z.object({
      /**
       * One priority class is worth this many minutes of waiting: a ticket's place in line is its arrival moved
       * forward this much per class (shared/queue/order.ts), so a normal ticket that has waited this long stands
       * level with a fresh ticket one class up, and nobody waits forever. (A stored `maxPriorityStreak` from
       * earlier versions is dropped on load: the streak rule made printed positions untrue.)
       */
      promoteAfterMinutes: z.number().int().min(1).max(600),
    }),
    /** How many times a no-show ticket may be put back in the queue. */
    noShowRequeueLimit: z.number().int().min(0).max(5),
    /** The wait estimate (shared/queue/wait.ts); fields added later default, so stored versions still load. */
    wait: z.object({
      /** How many of the most recent service durations count. */
      recentWindow: z.number().int().min(1).max(500),
      /** Fewer recent durations than this → the prior alone (the intents' configured minutes). */
      minSamples: z.number().int().min(1).max(100),
      /** `median`, or the mean without the top and bottom `trimFraction`. */
      method: z.enum(['median', 'trimmed_mean']),
      trimFraction: z.number().min(0).max(0.4),
      /**
       * The prior (the configured minutes of the visits waiting) counts as this many recent services: a few quick
       * services early in the day do not make "5 人等候 预计约 1 分钟".
       */
      priorWeight: z.number().min(0).max(100).default(5),
      /** The typical service time is never below this share of the prior. */
      floorFraction: z.number().min(0).max(1).default(0.5),
      /**
       * How far through their current service the busy counters are, on average, when a ticket is issued
       * (0.5: half way): the first counter frees up after this share of a service time.
       */
      residualShare: z.number().min(0).max(1).default(0.5),
    }),
  })
  .superRefine((cfg, ctx) => {
    const keys = new Set<string>();
    const prefixes = new Set<string>();
    cfg.queues.forEach((q, i) => {
      if (keys.has(q.key))
        ctx.addIssue({
          code: 'custom',
          path: ['queues', i, 'key'],
          message: `队列重复 / duplicate queue ${q.key}`,
        });
      if (prefixes.has(q.prefix)) {
        ctx.addIssue({
          code: 'custom',
          path: ['queues', i, 'prefix'],
          message: `号码前缀重复 / duplicate prefix ${q.prefix}`,
        });
      }
      keys.add(q.key);
      prefixes.add(q.prefix);
    });
  });
export type QueueConfig = z.infer<typeof queueConfigSchema>;

export const defaultQueueConfig: QueueConfig = {
  queues: [
    { key: 'vip', prefix: 'V', channel: 'vip', zh: '贵宾', en: 'VIP', defaultServiceMinutes: 15 },
    {
      key: 'individual',
      prefix: 'A',
      channel: 'counter',
      zh: '个人业务',
      en: 'Personal',
      defaultServiceMinutes: 8,
    },
    {
      key: 'corporate',
      prefix: 'B',
      channel: 'corporate',
      zh: '对公业务',
      en: 'Corporate',
      defaultServiceMinutes: 12,
    },
    {
      key: 'self',
      prefix: 'S',
      channel: 'self',
      zh: '自助引导',
      en: 'Self-service',
      defaultServiceMinutes: 4,
    },
    // Checked-in bookings (shared/appointments): called by the counters of the queue each one names.
    {
      key: 'appointment',
      prefix: 'Y',
      channel: 'counter',
      zh: '预约',
      en: 'Appointment',
      defaultServiceMinutes: 10,
    },
  ],
  aging: { promoteAfterMinutes: 30 },
  noShowRequeueLimit: 1,
  wait: {
    recentWindow: 20,
    minSamples: 3,
    method: 'trimmed_mean',
    trimFraction: 0.1,
    priorWeight: 5,
    floorFraction: 0.5,
    residualShare: 0.5,
  },
};

export function queueDef(config: QueueConfig, key: string): QueueDef | undefined {
  return config.queues.find((q) => q.key === key);
}
