/** The account lockout after wrong passwords (login, unlock, password change, terminal enrollment). */

export interface LockState {
  failedLogins: number;
  /** Epoch ms the lock ends, or null; a past value is a lockout that has run out. */
  lockedUntil: number | null;
}

export interface LockoutConfig {
  maxFailedLogins: number;
  lockoutMinutes: number;
}

/** When the account's lock ends, or null if it is not locked now. */
export function lockEnd(s: Pick<LockState, 'lockedUntil'>, now: number): number | null {
  return s.lockedUntil !== null && s.lockedUntil > now ? s.lockedUntil : null;
}

/**
 * One more wrong password: the new failure count, and the lock end if this failure locks the account.
 * A lockout that has run out starts the count afresh.
 */
export function afterFailure(
  s: LockState,
  at: number,
  cfg: LockoutConfig,
): { failures: number; until: number | null } {
  const expired = s.lockedUntil !== null && s.lockedUntil <= at;
  const failures = (expired ? 0 : s.failedLogins) + 1;
  const until = failures >= cfg.maxFailedLogins ? at + cfg.lockoutMinutes * 60_000 : null;
  return { failures, until };
}
