import { ApiError } from '@shared/api/errors';
import type { SecurityConfig } from '@shared/security/config';
import { afterFailure, lockEnd } from '@shared/staff/lockout';
import type { StaffMember } from '@shared/staff/types';
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
  staff: Pick<StaffRepo, 'recordFailure' | 'clearFailures'>;
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  security: () => Pick<SecurityConfig, 'maxFailedLogins' | 'lockoutMinutes'>;
}

/** Wrong passwords count toward one lockout per account, whichever route took them. */
export class Lockout {
  constructor(private readonly deps: LockoutDeps) {}

  /** Throws 423 while the account is locked. */
  refuseIfLocked(staff: Pick<StaffMember, 'lockedUntil'>): void {
    const locked = lockEnd(staff, this.deps.now());
    if (locked) throw accountLocked(locked);
  }

  /**
   * One wrong password (login, unlock or password change): counts toward the lockout, audited.
   * Returns the lock end if this failure locked the account.
   */
  failed(staff: StaffMember, action: string, at: number): number | null {
    const { failures, until } = afterFailure(staff, at, this.deps.security());
    this.deps.tx(() => {
      this.deps.staff.recordFailure(staff.id, failures, until, at);
      this.deps.audit.append({ at, staffId: staff.id, action, detail: { failures } });
      if (until) {
        this.deps.audit.append({
          at,
          staffId: staff.id,
          action: 'account.locked',
          targetType: 'staff',
          targetId: staff.id,
          detail: { until, after: action },
        });
      }
    });
    return until;
  }

  cleared(staffId: string, at: number): void {
    this.deps.staff.clearFailures(staffId, at);
  }

  /**
   * For every route that takes a staff password outside login (terminal enrollment): the same lockout and failure
   * count as login, so no route can be used to guess around it. Clears the count on success.
   */
  async check(staff: StaffRecord, password: string, failAction: string): Promise<boolean> {
    this.refuseIfLocked(staff);
    if (await verifyPassword(password, staff.passwordHash)) {
      this.cleared(staff.id, this.deps.now());
      return true;
    }
    const until = this.failed(staff, failAction, this.deps.now());
    if (until) throw accountLocked(until);
    return false;
  }
}
