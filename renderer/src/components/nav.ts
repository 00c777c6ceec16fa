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
  | 'appointments'
  | 'backups';

/** Branch administration, grouped under one menu entry; and who may open those screens. */
export const ADMIN_SCREENS: readonly NavKey[] = ['settings', 'audit', 'staff', 'backups'];
export const ADMIN_ROLES = ['manager', 'admin'] as const satisfies readonly Role[];
/** Who works the lobby floor (大堂现场): the lobby manager, and the branch manager and admin standing in. */
export const FLOOR_ROLES = ['lobby', 'manager', 'admin'] as const satisfies readonly Role[];

/** The screens each role works in, in menu order; the first is where the role lands after login. */
const BY_ROLE: Record<Role, NavKey[]> = {
  lobby: ['lobby', 'floor', 'appointments', 'lookup', 'complaints', 'follow-ups'],
  teller: ['counter', 'appointments', 'follow-ups', 'lookup'],
  // An RM's home is their book (客户经营); the VIP room, their counter, is one click away.
  rm: ['book', 'vip', 'appointments', 'follow-ups', 'lookup'],
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
    'backups',
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
    'backups',
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

/** Groups of screens for roles whose menu would not fit a 1366 px header flat. */
export type NavGroup = 'frontline' | 'customers' | 'analysis' | 'data' | 'admin';
export type MenuEntry = NavKey | { group: NavGroup; keys: NavKey[] };
const GROUPS: Record<NavGroup, readonly NavKey[]> = {
  frontline: ['lobby', 'floor', 'counter', 'vip'],
  customers: ['book', 'appointments', 'follow-ups', 'complaints'],
  analysis: ['reports', 'staffing'],
  data: ['import', 'export'],
  admin: ADMIN_SCREENS,
};
/**
 * Front-line staff see a few screens, flat. Beyond this many, Ant Design folds the overflow under "···", where a
 * manager would not find 网点管理 or 数据导入; so screens fold into named groups instead.
 */
const MAX_FLAT = 8;

/** The menu of a role: its screens in order, grouped when there are too many; administration is always grouped. */
export function menuFor(role: Role | undefined): MenuEntry[] {
  const keys = navFor(role);
  const everyday = keys.filter((k) => !ADMIN_SCREENS.includes(k));
  const groupOf = (k: NavKey): NavGroup | undefined =>
    (Object.keys(GROUPS) as NavGroup[]).find((g) => GROUPS[g].includes(k));
  const out: MenuEntry[] = [];
  const seen = new Set<NavGroup>();
  for (const k of keys) {
    const g = groupOf(k);
    const fold = g === 'admin' || (g !== undefined && everyday.length > MAX_FLAT);
    if (!fold || !g) out.push(k);
    else if (!seen.has(g)) {
      seen.add(g);
      out.push({ group: g, keys: keys.filter((x) => GROUPS[g].includes(x)) });
    }
  }
  return out;
}
