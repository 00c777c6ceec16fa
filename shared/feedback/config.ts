import { z } from 'zod';

/**
 * The satisfaction pad (评价器) at each counter: how long it waits for an answer, which optional dimensions it
 * offers, whether it speaks the prompt, and the escalation rules that turn a low score into work for a person.
 * A new section of the rules (added with a default, so settings saved before it still load).
 */

/** The four answers of a Chinese counter pad, best first. `none` is stored when nobody answered (未评价). */
export const FEEDBACK_LEVELS = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'] as const;
export type FeedbackLevel = (typeof FEEDBACK_LEVELS)[number];
export type FeedbackAnswer = FeedbackLevel | 'none';

/** The answers' names, as the pad, the lists and the complaint text say them. */
export const ANSWER_LABELS: Record<FeedbackAnswer, { zh: string; en: string }> = {
  very_satisfied: { zh: '非常满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  neutral: { zh: '一般', en: 'Neutral' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  none: { zh: '未评价', en: 'Not rated' },
};

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const bilingual = z.object({ zh: z.string().min(1).max(60), en: z.string().min(1).max(80) });

export const escalationRuleSchema = z.object({
  key,
  /** The answer that counts toward the rule. */
  level: z.enum(FEEDBACK_LEVELS),
  /** How many such answers: 1 = every one; 2 per staff_day = the second of the day for the same teller. */
  count: z.number().int().min(1).max(20),
  per: z.enum(['visit', 'staff_day']),
  /** A complaint (投诉, with the category's deadline) or a follow-up (回访) for the branch manager. */
  action: z.enum(['complaint', 'follow_up']),
  /** Complaint category key (visit.complaintCategories); for a follow-up, ignored. */
  category: key,
});
export type EscalationRule = z.infer<typeof escalationRuleSchema>;

export const feedbackConfigSchema = z.object({
  enabled: z.boolean(),
  /** Seconds the pad asks after the teller finishes; no answer by then is stored as 未评价. */
  windowSeconds: z.number().int().min(5).max(600),
  /** Seconds the thanks stay on screen before the pad returns to idle. */
  thanksSeconds: z.number().int().min(1).max(30),
  /** Speak the prompt aloud (the lobby display's voice). */
  speak: z.boolean(),
  prompt: bilingual,
  /** Optional dimensions the customer may mark after the overall answer (态度, 效率, 专业). */
  dimensions: z.array(bilingual.extend({ key })).max(6),
  /** First matching rule wins; checked in order. */
  escalation: z.array(escalationRuleSchema).max(10),
  /** Minutes a survey link printed on the ticket slip stays valid after the visit is finished. */
  surveyLinkMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60),
});
export type FeedbackConfig = z.infer<typeof feedbackConfigSchema>;

export const defaultFeedbackConfig: FeedbackConfig = {
  enabled: true,
  windowSeconds: 30,
  thanksSeconds: 4,
  speak: true,
  prompt: { zh: '请对本次服务评价', en: 'Please rate our service' },
  dimensions: [
    { key: 'attitude', zh: '态度', en: 'Attitude' },
    { key: 'efficiency', zh: '效率', en: 'Efficiency' },
    { key: 'expertise', zh: '专业', en: 'Expertise' },
  ],
  escalation: [
    {
      key: 'dissatisfied',
      level: 'dissatisfied',
      count: 1,
      per: 'visit',
      action: 'complaint',
      category: 'attitude',
    },
    {
      key: 'neutral_twice',
      level: 'neutral',
      count: 2,
      per: 'staff_day',
      action: 'follow_up',
      category: 'other',
    },
  ],
  surveyLinkMinutes: 24 * 60,
};
