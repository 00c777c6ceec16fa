import { describe, expect, it } from 'vitest';
import { homeFor, navFor } from './nav';

describe('role navigation', () => {
  it('sends each role to its main screen', () => {
    expect(homeFor('lobby')).toBe('/lobby');
    expect(homeFor('teller')).toBe('/counter');
    expect(homeFor('rm')).toBe('/counter');
    expect(homeFor('manager')).toBe('/lookup');
    expect(homeFor('admin')).toBe('/lookup');
    expect(homeFor(undefined)).toBe('/lookup');
  });
  it('shows managers every screen and front-line staff their own', () => {
    expect(navFor('lobby')).toEqual(['lobby', 'lookup']);
    expect(navFor('teller')).toEqual(['counter', 'lookup']);
    expect(new Set(navFor('manager'))).toEqual(new Set(['lookup', 'lobby', 'counter', 'import', 'export']));
  });
});
