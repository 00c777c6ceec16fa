import { describe, expect, it } from 'vitest';
import { afterFailure, lockEnd } from './lockout';

const cfg = { maxFailedLogins: 3, lockoutMinutes: 10 };

describe('lockout', () => {
  it('counts failures and locks at the limit', () => {
    expect(afterFailure({ failedLogins: 0, lockedUntil: null }, 1000, cfg)).toEqual({
      failures: 1,
      until: null,
    });
    expect(afterFailure({ failedLogins: 2, lockedUntil: null }, 1000, cfg)).toEqual({
      failures: 3,
      until: 1000 + 600_000,
    });
  });

  it('starts afresh once a lockout has run out', () => {
    expect(afterFailure({ failedLogins: 3, lockedUntil: 500 }, 1000, cfg)).toEqual({
      failures: 1,
      until: null,
    });
  });

  it('tells whether an account is locked now', () => {
    expect(lockEnd({ lockedUntil: null }, 1000)).toBeNull();
    expect(lockEnd({ lockedUntil: 1000 }, 1000)).toBeNull();
    expect(lockEnd({ lockedUntil: 2000 }, 1000)).toBe(2000);
  });
});
