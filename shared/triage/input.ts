import { z } from 'zod';
import { CORPORATE_GRADES, CUSTOMER_KINDS, SEGMENTS } from '../customer/enums';
import { TIER_KEYS } from '../customer/tier';
import { CHANNELS } from './channel';
import type { TriageConfig } from './config';
import type { TriageInput } from './types';

/** Request shape for `POST /api/triage` (the server fills `customer` from the profile and `branch` from live state). */
export const triageCustomerSchema = z.object({
  kind: z.enum(CUSTOMER_KINDS),
  tier: z.enum(TIER_KEYS),
  segments: z.array(z.enum(SEGMENTS)),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  corporateGrade: z.enum(CORPORATE_GRADES).nullable(),
  highRisk: z.boolean().optional(),
});

export const triageFlagsSchema = z.object({
  elderly: z.boolean().optional(),
  disability: z.boolean().optional(),
  pregnant: z.boolean().optional(),
  withChild: z.boolean().optional(),
  needsHelp: z.boolean().optional(),
  highRisk: z.boolean().optional(),
});

export const branchStateSchema = z.object({
  counters: z.array(
    z.object({
      id: z.string().min(1),
      channel: z.enum(CHANNELS),
      open: z.boolean(),
      staffed: z.boolean().optional(),
      queues: z.array(z.string().min(1)),
    }),
  ),
  vipRoom: z.object({ capacity: z.number().int().nonnegative(), load: z.number().int().nonnegative() }),
  selfServiceUp: z.boolean(),
  waiting: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

export const triageInputSchema = z.object({
  customer: triageCustomerSchema.nullable(),
  intents: z.array(z.string().min(1)).min(1).max(12),
  flags: triageFlagsSchema,
  branch: branchStateSchema,
});

// Compile-time check that the schema and the hand-written types agree.
const _schemaMatchesType: z.ZodType<TriageInput> = triageInputSchema;
void _schemaMatchesType;

/** Intent keys the config does not know (the server answers 400 with them; the engine would ignore them). */
export function unknownIntents(intents: readonly string[], config: TriageConfig): string[] {
  return intents.filter((key) => !config.intents.some((i) => i.key === key));
}
