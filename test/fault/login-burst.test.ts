import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../integration/harness';

/**
 * A burst of parallel wrong passwords against one account (the login route fuzzed in fuzz-routes.test.ts, hit all
 * at once): no 5xx, an error body on every answer, and the account locked at the end.
 */
let s: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestServer({ customers: 60 });
  tokens.admin = await s.login('admin');
}, 60_000);

afterAll(async () => {
  await s.stop();
});

describe('fuzzing every route', () => {
  it('takes a burst of parallel wrong passwords without a 5xx and ends with the account locked', async () => {
    const admin = { authorization: `Bearer ${tokens.admin as string}` };
    const made = await s.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: admin,
      payload: { username: 'fuzzburst', displayName: 'fuzzburst', role: 'teller', password: 'fuzz12345' },
    });
    expect(made.statusCode).toBe(201);
    // A fresh client address, as beside the fuzzing (fuzz-routes.test.ts), which spends the default one's
    // password-attempt budget: the burst must meet the account lockout, not that budget.
    const from = { remoteAddress: '10.9.8.7' };
    const loginAs = (username: string, password: string) =>
      s.app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, ...from });
    const burst = await Promise.all([
      ...Array.from({ length: 24 }, (_, i) => loginAs('fuzzburst', `wrong-${i}`)),
      loginAs('no-such-user', 'wrong'),
      loginAs('fuzzburst', ''),
    ]);
    const bad = burst.filter((r) => r.statusCode >= 500 || !(r.json() as { error?: unknown }).error);
    expect(bad.map((r) => `${r.statusCode} ${r.body.slice(0, 120)}`)).toEqual([]);
    expect(burst.every((r) => [400, 401, 423, 429].includes(r.statusCode))).toBe(true);
    expect(s.ctx.staff.byUsername('fuzzburst')?.locked_until).toBeGreaterThan(Date.now());
    expect((await loginAs('fuzzburst', 'fuzz12345')).statusCode).toBe(423);
  });
});
