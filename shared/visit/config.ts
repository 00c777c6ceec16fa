import { z } from 'zod';

/** What happens at the counter after the call: outcome capture, follow-ups (定期回访) and complaints (投诉). */

const labelled = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  zh: z.string().min(1).max(40),
  en: z.string().min(1).max(60),
});

export const OUTCOMES = ['accepted', 'interested', 'declined', 'not_suitable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const visitConfigSchema = z.object({
  /** The branch can require an outcome for a customer's suggestions before the visit can be finished. */
  requireOutcome: z.boolean(),
  /** Days until an "interested" follow-up is due when the teller does not pick a date. */
  followUpDefaultDays: z.number().int().min(1).max(90),
  declineReasons: z.array(labelled).min(1),
  complaintCategories: z.array(labelled.extend({ deadlineDays: z.number().int().min(1).max(60) })).min(1),
});
export type VisitConfig = z.infer<typeof visitConfigSchema>;

export const defaultVisitConfig: VisitConfig = {
  requireOutcome: false,
  followUpDefaultDays: 7,
  declineReasons: [
    { key: 'not_interested', zh: '暂不需要', en: 'No need right now' },
    { key: 'no_funds', zh: '资金不足', en: 'No funds available' },
    { key: 'has_elsewhere', zh: '已在他行办理', en: 'Already has it at another bank' },
    { key: 'too_risky', zh: '担心风险', en: 'Worried about the risk' },
    { key: 'no_time', zh: '没时间了解', en: 'No time to hear more' },
    { key: 'other', zh: '其他', en: 'Other' },
  ],
  complaintCategories: [
    { key: 'wait_time', zh: '排队等候时间长', en: 'Long waiting time', deadlineDays: 3 },
    { key: 'attitude', zh: '服务态度', en: 'Staff attitude', deadlineDays: 3 },
    { key: 'fees', zh: '收费问题', en: 'Fees and charges', deadlineDays: 7 },
    { key: 'product', zh: '产品问题', en: 'Product issue', deadlineDays: 10 },
    { key: 'system', zh: '系统或设备故障', en: 'System or machine fault', deadlineDays: 5 },
    { key: 'other', zh: '其他', en: 'Other', deadlineDays: 10 },
  ],
};
