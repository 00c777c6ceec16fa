import type { Allowed, Refusal } from '../refusal';
import { ALLOWED, refuse } from '../refusal';

/** The account being changed, as stored. */
export interface StaffAccount {
  id: string;
  role: string;
  active: boolean;
}

/** The requested change; undefined = left as is. */
export interface StaffChange {
  role?: string | undefined;
  active?: boolean | undefined;
}

/** Whether the change moves the account to another role. */
export function changesRole(target: Pick<StaffAccount, 'role'>, change: StaffChange): boolean {
  return change.role !== undefined && change.role !== target.role;
}

/** Nobody changes their own role or disables their own account (they could lock themselves out). */
export function checkOwnAccount(
  callerId: string,
  target: StaffAccount,
  change: StaffChange,
): Allowed | Refusal<'own_account'> {
  if (target.id === callerId && (changesRole(target, change) || change.active === false)) {
    return refuse(
      'own_account',
      '不能更改自己的岗位或停用自己的账号',
      'You cannot change your own role or disable your own account',
    );
  }
  return ALLOWED;
}

/**
 * The last active admin cannot be disabled or moved to another role: someone must always be able to
 * change settings and staff. `activeAdmins` is asked only when the change would take an admin away.
 */
export function checkLastAdmin(
  target: StaffAccount,
  change: StaffChange,
  activeAdmins: () => number,
): Allowed | Refusal<'last_admin'> {
  const leavesAdmins =
    target.role === 'admin' && target.active && (changesRole(target, change) || change.active === false);
  if (leavesAdmins && activeAdmins() <= 1) {
    return refuse('last_admin', '必须保留至少一个启用的管理员', 'At least one active admin must remain');
  }
  return ALLOWED;
}
