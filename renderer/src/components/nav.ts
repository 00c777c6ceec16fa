import type { Role } from '@shared/api/types';

export type NavKey =
  | 'dashboard'
  | 'reports'
  | 'lobby'
  | 'floor'
  | 'counter'
  | 'vip'
  | 'book'
  | 'follow-ups'
  | 'complaints'
  | 'lookup'
  | 'import'
  | 'export'
  | 'settings'
  | 'audit'
  | 'staff'
  | 'staffing'
  | 'appointments';

/** Branch administration, grouped under one menu entry; and who may open those screens. */
export const ADMIN_SCREENS: readonly NavKey[] = ['settings', 'audit', 'staff'];
export const ADMIN_ROLES = ['manager', 'admin'] as const satisfies readonly Role[];
/** Who works the lobby floor (大堂现场): the lobby manager, and the branch manager and admin standing in. */
export const FLOOR_ROLES = ['lobby', 'manager', 'admin'] as const satisfies readonly Role[];

/** The screens each role works in, in menu order; the first is where the role lands after login. */
const BY_ROLE: Record<Role, NavKey[]> = {
  lobby: ['lobby', 'floor', 'appointments', 'lookup', 'complaints', 'follow-ups'],
  teller: ['counter', 'appointments', 'follow-ups', 'lookup'],
  // The VIP room is the relationship manager's counter.
  rm: ['vip', 'book', 'appointments', 'follow-ups', 'lookup'],
  // The branch manager lands on the live dashboard.
  manager: [
    'dashboard',
    'reports',
    'lookup',
    'lobby',
    'floor',
    'counter',
    'vip',
    'book',
    'appointments',
    'follow-ups',
    'complaints',
    'import',
    'export',
    'staffing',
    'settings',
    'audit',
    'staff',
  ],
  admin: [
    'lookup',
    'dashboard',
    'reports',
    'lobby',
    'floor',
    'counter',
    'vip',
    'book',
    'appointments',
    'follow-ups',
    'complaints',
    'import',
    'export',
    'staffing',
    'settings',
    'audit',
    'staff',
  ],
  display: [],
};

export function navFor(role: Role | undefined): NavKey[] {
  return role ? BY_ROLE[role] : ['lookup'];
}

export function homeFor(role: Role | undefined): string {
  if (role === 'display') return '/display';
  return `/${navFor(role)[0] ?? 'lookup'}`;
}
