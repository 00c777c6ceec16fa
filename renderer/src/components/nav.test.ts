import { describe, expect, it } from 'vitest';
import { homeFor, menuFor, navFor } from './nav';

describe('role navigation', () => {
  it('sends each role to its main screen', () => {
    expect(homeFor('lobby')).toBe('/lobby');
    expect(homeFor('teller')).toBe('/counter');
    expect(homeFor('rm')).toBe('/book');
    expect(homeFor('manager')).toBe('/dashboard');
    expect(homeFor('admin')).toBe('/lookup');
    expect(homeFor(undefined)).toBe('/lookup');
  });
  it('shows managers every screen and front-line staff their own', () => {
    expect(navFor('lobby')).toEqual(['lobby', 'floor', 'appointments', 'lookup', 'complaints', 'follow-ups']);
    expect(navFor('teller')).toEqual(['counter', 'appointments', 'follow-ups', 'lookup']);
    expect(navFor('rm')).toEqual(['book', 'vip', 'appointments', 'follow-ups', 'lookup']);
    expect(new Set(navFor('manager'))).toEqual(
      new Set([
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
      ]),
    );
    expect(new Set(navFor('admin'))).toEqual(new Set(navFor('manager')));
  });
  it('keeps branch administration to the branch manager and the administrator', () => {
    for (const role of ['teller', 'lobby', 'rm', 'display'] as const) {
      for (const k of ['settings', 'audit', 'staff', 'backups'] as const)
        expect(navFor(role)).not.toContain(k);
    }
  });
  it("folds a manager's many screens into named groups, and keeps front-line menus flat", () => {
    const manager = menuFor('manager');
    // Few enough entries for a 1366 px header; every screen is still reachable exactly once.
    expect(manager.length).toBeLessThanOrEqual(8);
    const flat = manager.flatMap((e) => (typeof e === 'string' ? [e] : e.keys));
    expect(flat.sort()).toEqual([...navFor('manager')].sort());
    expect(manager).toContainEqual({ group: 'data', keys: ['import', 'export'] });
    expect(manager).toContainEqual({ group: 'admin', keys: ['settings', 'audit', 'staff', 'backups'] });
    expect(manager[0]).toBe('dashboard');
    expect(menuFor('teller')).toEqual(navFor('teller'));
    expect(menuFor('lobby')).toEqual(navFor('lobby'));
  });
});
