import { z } from 'zod';

/** Access rules of a branch as data: idle lock, session length, lockout after failed passwords, login rate. */
export const securityConfigSchema = z.object({
  /** Minutes without activity after which a staff session is locked until the password is typed again. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** Hours a login lasts at most, active or not. */
  sessionHours: z.number().int().min(1).max(24),
  /** Wrong passwords in a row (login or unlock) that lock the account. */
  maxFailedLogins: z.number().int().min(3).max(20),
  /** How long a locked account stays locked. */
  lockoutMinutes: z.number().int().min(1).max(1440),
  /** Password attempts (login, unlock, password change, enrollment: one budget) per client address per minute. */
  passwordAttemptsPerMinute: z.number().int().min(5).max(600),
  /**
   * Full ID or phone numbers one staff member may reveal per window; past it the reveal is refused and a
   * `reveal.limit` audit row alerts the branch manager. Defaults for settings saved before these existed.
   */
  revealsPerWindow: z.number().int().min(1).max(200).default(10),
  revealWindowMinutes: z.number().int().min(1).max(1440).default(10),
});
export type SecurityConfig = z.infer<typeof securityConfigSchema>;

export const defaultSecurityConfig: SecurityConfig = {
  idleLockMinutes: 10,
  sessionHours: 12,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  passwordAttemptsPerMinute: 30,
  revealsPerWindow: 10,
  revealWindowMinutes: 10,
};

/** Staff passwords: at least 8 characters with letters and digits (the bar of most bank IT policies). */
export const passwordSchema = z
  .string()
  .min(8, '密码至少 8 位 / at least 8 characters')
  .max(128, '密码最多 128 位 / at most 128 characters')
  .regex(/[A-Za-z]/, '密码须包含字母 / must contain a letter')
  .regex(/\d/, '密码须包含数字 / must contain a digit');
