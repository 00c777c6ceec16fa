import { z } from 'zod';
import { epochMs } from '../api/dates';
import { FEEDBACK_LEVELS } from './config';

/**
 * A rating as it replicates (the `feedback_rating` event's row): the same bounds as the API, parsed by the hub
 * before it reaches a table. Ratings only append: the unique ticket key keeps the first answer of a visit.
 */
const id = z.string().min(1).max(64);
const optId = id.nullable().optional().default(null);
const jsonText = (check: z.ZodType) =>
  z
    .string()
    .max(2000)
    .refine((s) => {
      try {
        return check.safeParse(JSON.parse(s)).success;
      } catch {
        return false;
      }
    }, 'not the expected JSON');

export const feedbackRatingRow = z.object({
  id,
  ticket_id: id,
  counter_id: optId,
  staff_id: optId,
  services: jsonText(z.array(z.string().max(40)).max(20)),
  answer: z.enum([...FEEDBACK_LEVELS, 'none']),
  dimensions: jsonText(z.record(z.string().max(40), z.enum(['good', 'poor']))),
  channel: z.enum(['pad', 'survey', 'timeout']),
  branch_day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  finished_at: epochMs(),
  at: epochMs(),
  escalation: z.string().max(40).nullable().optional().default(null),
  complaint_id: optId,
  follow_up_id: optId,
});
