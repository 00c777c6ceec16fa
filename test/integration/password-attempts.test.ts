import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

/**
 * Password guessing that the one-at-a-time lockout tests do not reach: a burst of parallel guesses, one budget
 * per client across every route that takes a password, and an unknown user name answering as slowly as a known one.
 */
let s: TestServer;

function setSecurity(patch: Record<string, number>) {
  const cur = s.ctx.settings.current().config;
  s.ctx.settings.save({ ...cur, security: { ...cur.security, ...patch } }, null, 'test', Date.now());
  s.ctx.invalidateRules();
}

beforeEach(async () => {
  s = await startTestServer();
  setSecurity({ passwordAttemptsPerMinute: 600 });
});
afterEach(async () => {
  await s.stop();
});

describe('parallel wrong passwords', () => {
  it('25 concurrent wrong logins lock the account; the right password is then refused while locked', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        s.post('/api/session', { username: 'teller2', password: `wrong-${i}` }).then((r) => r.status),
      ),
    );
    expect(
      statuses.every((st) => st === 401 || st === 423),
      statuses.join(','),
    ).toBe(true);
    // Five guesses at most (maxFailedLogins): every other one is refused without a password check.
    expect(statuses.filter((st) => st === 401).length).toBeLessThanOrEqual(4);
    const row = s.ctx.staff.byUsername('teller2');
    expect(row?.locked_until).toBeGreaterThan(Date.now());
    expect(row?.failed_logins).toBe(5);
    const right = await s.post('/api/session', { username: 'teller2', password: 'demo1234' });
    expect(right.status).toBe(423);
  });

  it('counts a burst of wrong unlock passwords the same way', async () => {
    const token = await s.login('teller3');
    const statuses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        s.post('/api/session/unlock', { password: `wrong-${i}` }, token).then((r) => r.status),
      ),
    );
    expect(
      statuses.every((st) => st === 401 || st === 423),
      statuses.join(','),
    ).toBe(true);
    expect(s.ctx.staff.byUsername('teller3')?.locked_until).toBeGreaterThan(Date.now());
  });
});

describe('one attempt budget per client', () => {
  it('after the limit is hit on login, enroll, unlock and password change answer 429 too', async () => {
    const token = await s.login('teller1');
    setSecurity({ passwordAttemptsPerMinute: 5 });
    let last = 0;
    for (let i = 0; i < 20 && last !== 429; i++) {
      last = (await s.post('/api/session', { username: 'nobody', password: 'x' })).status;
    }
    expect(last).toBe(429);
    const enroll = await s.post('/api/sync/enroll', {
      username: 'manager1',
      password: 'demo1234',
      deviceId: 'counter-pc-7',
    });
    expect(enroll.status).toBe(429);
    const unlock = await s.post('/api/session/unlock', { password: 'demo1234' }, token);
    expect(unlock.status).toBe(429);
    const change = await s.post(
      '/api/session/password',
      { oldPassword: 'demo1234', newPassword: 'better123' },
      token,
    );
    expect(change.status).toBe(429);
  });
});

describe('unknown user names', () => {
  it('take about as long as a known user with a wrong password', async () => {
    const teller = s.ctx.staff.byUsername('teller1');
    const timed = async (username: string) => {
      const t0 = performance.now();
      const r = await s.post('/api/session', { username, password: 'wrong-password' });
      const ms = performance.now() - t0;
      expect(r.status).toBe(401);
      // Keep the known account below the lockout, so every sample checks a password.
      s.ctx.staff.clearFailures(teller?.id as string, Date.now());
      return ms;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    await timed('teller1'); // warm-up
    for (let i = 0; i < 9; i++) {
      known.push(await timed('teller1'));
      unknown.push(await timed(`nobody-${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    // Generous: a busy machine skews single samples, but a missing hash check is an order of magnitude.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});
