import type { StaffView } from '@shared/api/security';
import type { Me, Role } from '@shared/api/types';
import { lockEnd } from '@shared/staff/lockout';
import type { StaffMember } from '@shared/staff/types';
import type { StaffTable } from '../schema';

/** A staff account with its password hash: only the application's password checks see this. */
export interface StaffRecord extends StaffMember {
  passwordHash: string;
}

/** The row's role is one of STAFF_ROLES: the column is written only through the validated inputs. */
export function staffFromRow(r: StaffTable): StaffRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role as Role,
    counterId: r.counter_id,
    active: r.active === 1,
    failedLogins: r.failed_logins,
    lockedUntil: r.locked_until,
    passwordHash: r.password_hash,
  };
}

export function toStaffView(s: StaffMember, now: number): StaffView {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    counterId: s.counterId,
    active: s.active,
    lockedUntil: lockEnd(s, now),
  };
}

export function toMe(s: StaffMember): Me {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    counterId: s.counterId,
  };
}
