import { z } from 'zod';
import { customerConfigSchema, defaultCustomerConfig } from '../customer/config';

/**
 * The whole rules configuration of a branch, stored as versioned JSON in `settings`.
 * Each domain owns its part (customer/, triage/, queue/, suggest/) and this file only composes them.
 */
export const branchConfigSchema = z.object({
  name: z.string().min(1).max(60),
  code: z.string().min(1).max(20),
  /** IANA zone; used only when displaying times and for the daily reset of ticket numbers. */
  timezone: z.string().min(1),
});

export const rulesConfigSchema = z.object({
  branch: branchConfigSchema,
  customer: customerConfigSchema,
});
export type RulesConfig = z.infer<typeof rulesConfigSchema>;

export const defaultRulesConfig: RulesConfig = {
  branch: { name: '示范支行', code: 'DEMO01', timezone: 'Asia/Shanghai' },
  customer: defaultCustomerConfig,
};
