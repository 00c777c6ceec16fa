import type { StaffTable } from '../db/schema';
import type { AppContext } from './context';
import { ApiError } from './errors';
import { verifyPassword } from './password';

export const accountLocked = (until: number) =>
  new ApiError(
    423,
    'account_locked',
    `密码错误次数过多，账号已锁定至 ${new Date(until).toISOString()}（请稍后再试或联系网点负责人重置密码）`,
    `Too many wrong passwords; the account is locked until ${new Date(until).toISOString()} (wait, or ask the branch manager to reset the password)`,
    { lockedUntil: until },
  );

/**
 * One wrong password (login, unlock or password change): counts toward the lockout, audited.
 * A lockout that has run out starts the count afresh. Returns the lock end if this failure locked the account.
 */
export function passwordFailed(
  ctx: AppContext,
  staff: StaffTable,
  action: string,
  at: number,
): number | null {
  const { maxFailedLogins, lockoutMinutes } = ctx.rules().security;
  const expired = staff.locked_until !== null && staff.locked_until <= at;
  const failures = (expired ? 0 : staff.failed_logins) + 1;
  const until = failures >= maxFailedLogins ? at + lockoutMinutes * 60_000 : null;
  ctx.store.tx(() => {
    ctx.staff.recordFailure(staff.id, failures, until, at);
    ctx.audit.append({ at, staffId: staff.id, action, detail: { failures } });
    if (until) {
      ctx.audit.append({
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

export function lockEnd(staff: StaffTable, now: number): number | null {
  return staff.locked_until !== null && staff.locked_until > now ? staff.locked_until : null;
}

/**
 * For every route that takes a staff password outside login (terminal enrollment): the same lockout and failure
 * count as login, so no route can be used to guess around it. Clears the count on success.
 */
export async function checkStaffPassword(
  ctx: AppContext,
  staff: StaffTable,
  password: string,
  failAction: string,
): Promise<boolean> {
  const locked = lockEnd(staff, ctx.now());
  if (locked) throw accountLocked(locked);
  if (await verifyPassword(password, staff.password_hash)) {
    ctx.staff.clearFailures(staff.id, ctx.now());
    return true;
  }
  const until = passwordFailed(ctx, staff, failAction, ctx.now());
  if (until) throw accountLocked(until);
  return false;
}
