import { PRIVILEGED_ROLES } from '@shared/api/security';
import type { Role } from '@shared/api/types';

export { useStaff } from '../../api/staff';

export type { StaffView } from '@shared/api/security';

export type { CounterView } from '@shared/api/queue';

/** Roles a person can hold; `display` is a lobby TV's token, not a person. */
export const STAFF_ROLES = ['teller', 'lobby', 'rm', 'manager', 'admin'] as const satisfies readonly Role[];
/** Only an administrator may give these. */
export const ADMIN_GRANTED: readonly Role[] = PRIVILEGED_ROLES;

export { useCounters } from '../../api/queue';
