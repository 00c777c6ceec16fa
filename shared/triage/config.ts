import { z } from 'zod';
import { CORPORATE_GRADES, CUSTOMER_KINDS, SEGMENTS } from '../customer/enums';
import { TIER_KEYS } from '../customer/tier';
import { CHANNELS } from './channel';
import type { Channel } from './channel';

/**
 * Lobby triage (客户分流) rules as data. The engine (engine.ts) only interprets this config:
 * which channels exist and which queue each one feeds, what each visit intent needs, the priority classes,
 * and an ordered list of rules (conditions → effect, each with its reason in zh and en).
 */

const text = z.string().trim().min(1).max(200);
const channel = z.enum(CHANNELS);

/** Visit flags the lobby manager ticks (or that are derived: `elderly` from the birth date, `highRisk` from the profile). */
export const TRIAGE_FLAGS = [
  'elderly',
  'disability',
  'pregnant',
  'withChild',
  'needsHelp',
  'highRisk',
] as const;
export type TriageFlag = (typeof TRIAGE_FLAGS)[number];

export const channelConfigSchema = z.object({
  key: channel,
  zh: text,
  en: text,
  /** The queue (queue config key) a customer sent to this channel waits in. */
  queue: z.string().min(1).max(40),
});
export type ChannelConfig = z.infer<typeof channelConfigSchema>;

export const intentConfigSchema = z
  .object({
    key: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,39}$/,
        '业务代码须为小写字母、数字或下划线 / intent keys are lower_snake_case',
      ),
    zh: text,
    en: text,
    /** Channels where this business can be done. */
    channels: z.array(channel).min(1),
    /** Simple enough to guide the customer to self-service (with lobby help) instead of a teller. */
    selfServiceable: z.boolean(),
    /** Only a corporate counter can do it (对公业务). */
    corporateOnly: z.boolean(),
    /** Typical service time in minutes, for planning and wait estimates. */
    minutes: z.number().positive().max(480).optional(),
  })
  .superRefine((intent, ctx) => {
    if (intent.selfServiceable && !intent.channels.includes('self')) {
      ctx.addIssue({
        code: 'custom',
        path: ['channels'],
        message: '可自助办理的业务须包含自助渠道 / a self-serviceable intent must list the self channel',
      });
    }
    if (intent.corporateOnly && intent.channels.some((c) => c !== 'corporate')) {
      ctx.addIssue({
        code: 'custom',
        path: ['channels'],
        message: '对公业务只能在对公窗口办理 / a corporate-only intent can only list the corporate channel',
      });
    }
  });
export type IntentConfig = z.infer<typeof intentConfigSchema>;

export const priorityClassSchema = z.object({
  level: z.number().int().min(0).max(9),
  key: z.string().min(1).max(40),
  zh: text,
  en: text,
});
export type PriorityClass = z.infer<typeof priorityClassSchema>;

/**
 * All listed conditions must hold (AND); inside one list any member matches (OR).
 * Positive customer conditions (kinds, tiers, segments, corporateGrades) never match an anonymous walk-in;
 * negative ones (notKinds, notTiers) do.
 */
export const ruleConditionsSchema = z.object({
  /** `known`: the customer was identified; `anonymous`: a walk-in without a profile. */
  customer: z.enum(['known', 'anonymous']).optional(),
  kinds: z.array(z.enum(CUSTOMER_KINDS)).min(1).optional(),
  notKinds: z.array(z.enum(CUSTOMER_KINDS)).min(1).optional(),
  tiers: z.array(z.enum(TIER_KEYS)).min(1).optional(),
  notTiers: z.array(z.enum(TIER_KEYS)).min(1).optional(),
  /** The customer is in at least one of these segments. */
  segments: z.array(z.enum(SEGMENTS)).min(1).optional(),
  corporateGrades: z.array(z.enum(CORPORATE_GRADES)).min(1).optional(),
  /** At least one of these flags is set. */
  flags: z.array(z.enum(TRIAGE_FLAGS)).min(1).optional(),
  /** None of these flags is set. */
  notFlags: z.array(z.enum(TRIAGE_FLAGS)).min(1).optional(),
  /** At least one of the visit's intents is in this list. */
  intents: z.array(z.string().min(1)).min(1).optional(),
  /** true: every intent of the visit is self-serviceable; false: at least one is not. */
  allSelfServiceable: z.boolean().optional(),
  /** true: at least one intent is corporate-only; false: none is. */
  anyCorporateOnly: z.boolean().optional(),
});
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export const ruleEffectSchema = z.object({
  /** Try this channel first. Among matching rules, the earlier rule's preference is tried first. */
  prefer: channel.optional(),
  /** Raise the ticket's priority class to at least this level (whatever channel is chosen). */
  priority: z.number().int().min(0).max(9).optional(),
  /** Never send the customer to these channels. */
  forbid: z.array(channel).min(1).optional(),
  /** A lobby staff member should accompany or help the customer (大堂关爱/引导). */
  care: z.boolean().optional(),
  /** Stricter review at the counter (高风险客户严格审核). */
  review: z.boolean().optional(),
  /** Stop evaluating the rules after this one. */
  stop: z.boolean().optional(),
});
export type RuleEffect = z.infer<typeof ruleEffectSchema>;

export const triageRuleSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, '规则编号须为小写字母、数字、-或_ / rule ids are lower-kebab-case'),
  /** Switch a rule off without deleting it. */
  enabled: z.boolean().default(true),
  conditions: ruleConditionsSchema,
  effect: ruleEffectSchema,
  reason: z.object({ zh: text, en: text }),
});
export type TriageRule = z.infer<typeof triageRuleSchema>;

export const triageConfigSchema = z
  .object({
    channels: z.array(channelConfigSchema).min(1),
    intents: z.array(intentConfigSchema).min(1),
    priorities: z.array(priorityClassSchema).min(1),
    /** Ordered: the first matching rule's preference is tried first. */
    rules: z.array(triageRuleSchema),
    /** Channels tried, in this order, after every rule's preference (the default route). */
    fallbackOrder: z.array(channel).min(1),
    /** Profile segments that also count as elderly when the birth date is unknown or younger (老年客户). */
    elderlySegments: z.array(z.enum(SEGMENTS)),
    /**
     * Channels that take customers only while someone is signed in at an open service point serving them
     * (贵宾室暂无人员): an open but empty VIP room is not offered. Stored configs without it get the default.
     */
    staffedChannels: z.array(channel).default(['vip', 'counter', 'corporate']),
  })
  .superRefine((cfg, ctx) => {
    const unique = (values: readonly (string | number)[], path: (string | number)[], what: string) => {
      const seen = new Set<string | number>();
      values.forEach((v, i) => {
        if (seen.has(v))
          ctx.addIssue({ code: 'custom', path: [...path, i], message: `${what}重复 / duplicate ${v}` });
        seen.add(v);
      });
    };
    unique(
      cfg.channels.map((c) => c.key),
      ['channels'],
      '渠道',
    );
    unique(
      cfg.intents.map((i) => i.key),
      ['intents'],
      '业务',
    );
    unique(
      cfg.priorities.map((p) => p.level),
      ['priorities'],
      '优先级',
    );
    unique(
      cfg.rules.map((r) => r.id),
      ['rules'],
      '规则',
    );
    const channels = new Set(cfg.channels.map((c) => c.key));
    const intents = new Set(cfg.intents.map((i) => i.key));
    const levels = new Set(cfg.priorities.map((p) => p.level));
    if (!levels.has(0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['priorities'],
        message: '须有0级(普通)优先级 / priority level 0 (normal) is required',
      });
    }
    cfg.intents.forEach((intent, i) =>
      intent.channels.forEach((c, j) => {
        if (!channels.has(c)) {
          ctx.addIssue({
            code: 'custom',
            path: ['intents', i, 'channels', j],
            message: `未配置的渠道 / unknown channel ${c}`,
          });
        }
      }),
    );
    cfg.staffedChannels.forEach((c, i) => {
      if (!channels.has(c))
        ctx.addIssue({
          code: 'custom',
          path: ['staffedChannels', i],
          message: `未配置的渠道 / unknown channel ${c}`,
        });
    });
    cfg.fallbackOrder.forEach((c, i) => {
      if (!channels.has(c)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fallbackOrder', i],
          message: `未配置的渠道 / unknown channel ${c}`,
        });
      }
    });
    cfg.rules.forEach((rule, i) => {
      const { prefer, priority, forbid } = rule.effect;
      if (prefer !== undefined && !channels.has(prefer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'effect', 'prefer'],
          message: `未配置的渠道 / unknown channel ${prefer}`,
        });
      }
      if (priority !== undefined && !levels.has(priority)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'effect', 'priority'],
          message: `未配置的优先级 / unknown priority level ${priority}`,
        });
      }
      if (prefer !== undefined && forbid?.includes(prefer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'effect'],
          message: '同一规则不能既优先又禁止同一渠道 / a rule cannot prefer and forbid the same channel',
        });
      }
      rule.conditions.intents?.forEach((key, j) => {
        if (!intents.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i, 'conditions', 'intents', j],
            message: `未配置的业务 / unknown intent ${key}`,
          });
        }
      });
    });
  });
export type TriageConfig = z.infer<typeof triageConfigSchema>;

/**
 * Cross-check with the queue config: every channel's queue must exist and belong to that channel.
 * (The rules config can call it in a refinement; it is here so triage/ owns the rule.)
 */
export function channelQueueIssues(
  config: TriageConfig,
  queues: readonly { key: string; channel: Channel }[],
): { zh: string; en: string }[] {
  const issues: { zh: string; en: string }[] = [];
  for (const ch of config.channels) {
    const q = queues.find((x) => x.key === ch.queue);
    if (!q) {
      issues.push({
        zh: `${ch.zh}的队列${ch.queue}不存在`,
        en: `Queue ${ch.queue} of the ${ch.en} does not exist`,
      });
    } else if (q.channel !== ch.key) {
      issues.push({
        zh: `队列${ch.queue}属于${q.channel}渠道，不属于${ch.zh}`,
        en: `Queue ${ch.queue} belongs to channel ${q.channel}, not the ${ch.en}`,
      });
    }
  }
  return issues;
}
