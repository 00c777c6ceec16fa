import type { Role } from '../api/types';

/** A staff account as the application works with it (electron/db/convert/staff.ts builds it from the row). */
export interface StaffMember {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  counterId: string | null;
  active: boolean;
  failedLogins: number;
  /** Epoch ms; a past value is a lockout that has run out. */
  lockedUntil: number | null;
}
