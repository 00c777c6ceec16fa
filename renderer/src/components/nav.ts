import type { Role } from '@shared/api/types';

export type NavKey = 'lobby' | 'counter' | 'lookup' | 'import' | 'export';

/** The screens each role works in, in menu order; the first is where the role lands after login. */
const BY_ROLE: Record<Role, NavKey[]> = {
  lobby: ['lobby', 'lookup'],
  teller: ['counter', 'lookup'],
  rm: ['counter', 'lookup'],
  manager: ['lookup', 'lobby', 'counter', 'import', 'export'],
  admin: ['lookup', 'lobby', 'counter', 'import', 'export'],
  display: [],
};

export function navFor(role: Role | undefined): NavKey[] {
  return role ? BY_ROLE[role] : ['lookup'];
}

export function homeFor(role: Role | undefined): string {
  if (role === 'display') return '/display';
  return `/${navFor(role)[0] ?? 'lookup'}`;
}
