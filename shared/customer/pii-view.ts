import type { AgeBand, Role } from '../api/types';

/**
 * What each role may see of a customer's identity (DOMAIN §3, 个人信息保护法). The ID mask (`330106********0313`)
 * hides exactly the 8 birth-date digits, so a reply must never carry anything that pins the birth date:
 * - roles that may reveal (a logged action) see the age in whole years: a year of birthdays, of which the
 *   check digit keeps ~1/11, leaves ≈ 365 / 11 ≈ 33 candidate IDs, so they still have to reveal;
 * - the others (lobby, admin) see a ten-year age band: ≈ 3,650 / 11 ≈ 330 candidates.
 * Nobody gets the birth date: the elderly flag and every age rule are computed on the server.
 */
export const REVEAL_ROLES: readonly Role[] = ['teller', 'rm', 'manager'];

export function mayReveal(role: Role | null | undefined): boolean {
  return !!role && REVEAL_ROLES.includes(role);
}

export type { AgeBand };

const BAND = 10;
const OPEN_FROM = 90;

export function ageBand(age: number): AgeBand {
  const from = Math.min(Math.floor(age / BAND) * BAND, OPEN_FROM);
  return { from, to: from >= OPEN_FROM ? null : from + BAND - 1 };
}

/** The age fields of a profile as `role` may see them. */
export function ageFor(
  role: Role | null | undefined,
  age: number | null,
): { age: number | null; ageBand: AgeBand | null } {
  if (age === null) return { age: null, ageBand: null };
  return mayReveal(role) ? { age, ageBand: ageBand(age) } : { age: null, ageBand: ageBand(age) };
}
