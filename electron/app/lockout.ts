import { ApiError } from '@shared/api/errors';
import type { SecurityConfig } from '@shared/security/config';
import { afterFailure, lockEnd } from '@shared/staff/lockout';
import type { StaffRecord } from '../db/convert/staff';
import type { AuditRepo } from '../db/repos/settings';
import type { StaffRepo } from '../db/repos/staff';
import { verifyPassword } from './password';

export const accountLocked = (until: number) =>
  new ApiError(
    423,
    'account_locked',
    `密码错误次数过多，账号已锁定至 ${new Date(until).toISOString()}（请稍后再试或联系网点负责人重置密码）`,
    `Too many wrong passwords; the account is locked until ${new Date(until).toISOString()} (wait, or ask the branch manager to reset the password)`,
    { lockedUntil: until },
  );

export interface LockoutDeps {
  staff: Pick<StaffRepo, 'member' | 'recordFailure' | 'clearFailures'>;
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  security: () => Pick<SecurityConfig, 'maxFailedLogins' | 'lockoutMinutes'>;
}

/** A checked password: right, or wrong (with the lock end if this wrong one locked the account). */
export type Attempt = { ok: true } | { ok: false; until: number | null };

/** Wrong passwords count toward one lockout per account, whichever route took them. */
export class Lockout {
  constructor(private readonly deps: LockoutDeps) {}

  /**
   * One password attempt on an account (login, unlock, password change, terminal enrollment). The attempt is
   * counted as a failure BEFORE the slow asynchronous hash check, in one synchronous transaction that re-reads the
   * account: parallel guesses each see the ones before them, so a burst gets at most maxFailedLogins checks and the
   * rest are refused as locked. A right password then clears the count (as a login always has).
   * Throws 423 (after auditing `refusedAction`, if given) when the account is locked.
   */
  async attempt(
    staff: StaffRecord,
    password: string,
    failAction: string,
    refusedAction?: string,
  ): Promise<Attempt> {
    const { deps } = this;
    const at = deps.now();
    const counted = deps.tx(() => {
      const fresh = deps.staff.member(staff.id) ?? staff;
      const locked = lockEnd(fresh, at);
      if (locked) return { locked };
      const next = afterFailure(fresh, at, deps.security());
      deps.staff.recordFailure(staff.id, next.failures, next.until, at);
      return next;
    });
    if ('locked' in counted) {
      if (refusedAction) deps.audit.append({ at, staffId: staff.id, action: refusedAction });
      throw accountLocked(counted.locked);
    }
    if (await verifyPassword(password, staff.passwordHash)) {
      deps.staff.clearFailures(staff.id, deps.now());
      return { ok: true };
    }
    const { failures, until } = counted;
    deps.tx(() => {
      deps.audit.append({ at, staffId: staff.id, action: failAction, detail: { failures } });
      if (until) {
        deps.audit.append({
          at,
          staffId: staff.id,
          action: 'account.locked',
          targetType: 'staff',
          targetId: staff.id,
          detail: { until, after: failAction },
        });
      }
    });
    return { ok: false, until };
  }

  /**
   * For every route that takes a staff password outside login (terminal enrollment): the same lockout and failure
   * count as login, so no route can be used to guess around it. Throws 423 when this failure locks the account.
   */
  async check(staff: StaffRecord, password: string, failAction: string): Promise<boolean> {
    const r = await this.attempt(staff, password, failAction);
    if (!r.ok && r.until) throw accountLocked(r.until);
    return r.ok;
  }
}
