import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Health } from '@shared/api/types';
import { startTestServer, type TestServer } from './harness';

/** Sessions, idle lock, lockout and passwords against a real server with a hand-driven clock. */
let s: TestServer;
let clock = Date.parse('2026-03-02T01:00:00Z');
const MIN = 60_000;

type Res = { statusCode: number; json: () => unknown; body: string };
const err = (r: Res) => (r.json() as { error: { code: string; details?: unknown } }).error;

function req(
  method: string,
  url: string,
  token?: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  return s.app.inject({
    method: method as 'GET',
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
const login = (username: string, password = 'demo1234') =>
  req('POST', '/api/session', undefined, { username, password });
const auditCount = (action: string) =>
  (s.store.sqlite.prepare('SELECT count(*) n FROM audit_log WHERE action = ?').get(action) as { n: number })
    .n;

function setSecurity(patch: Record<string, number>) {
  const cur = s.ctx.settings.current().config;
  s.ctx.settings.save({ ...cur, security: { ...cur.security, ...patch } }, null, 'test', clock);
  s.ctx.invalidateRules();
}

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  // Many logins from one address in this file: the rate limit gets its own test at the end.
  setSecurity({ passwordAttemptsPerMinute: 600 });
});
afterAll(async () => {
  await s.stop();
});

describe('demo mode and health', () => {
  it('says demo mode, setup done', async () => {
    const h = (await req('GET', '/api/health')).json() as Health;
    expect(h).toMatchObject({ mode: 'demo', needsSetup: false });
    expect(
      (
        await req('POST', '/api/setup', undefined, {
          username: 'late',
          displayName: 'x',
          password: 'abcd1234',
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('lockout after wrong passwords', () => {
  it('locks after maxFailedLogins failures, refuses the right password while locked, then lets in', async () => {
    const before = auditCount('login.failed');
    for (let i = 1; i <= 4; i++) {
      const r = await login('teller2', 'wrong-' + i);
      expect(r.statusCode).toBe(401);
      expect(err(r).code).toBe('bad_credentials');
    }
    const fifth = await login('teller2', 'wrong-5');
    expect(fifth.statusCode).toBe(423);
    expect(err(fifth)).toMatchObject({ code: 'account_locked', details: { lockedUntil: clock + 15 * MIN } });
    expect(auditCount('login.failed')).toBe(before + 5);
    expect(auditCount('account.locked')).toBe(1);

    expect((await login('teller2')).statusCode).toBe(423);
    clock += 15 * MIN + 1;
    expect((await login('teller2')).statusCode).toBe(200);
    expect(s.ctx.staff.byUsername('teller2')?.failed_logins).toBe(0);
  });

  it('takes maxFailedLogins and lockoutMinutes from the settings', async () => {
    const admin = ((await login('admin')).json() as { token: string }).token;
    const cur = (await req('GET', '/api/settings', admin)).json() as {
      config: { security: Record<string, number> };
    };
    const config = {
      ...cur.config,
      security: { ...cur.config.security, maxFailedLogins: 3, lockoutMinutes: 2 },
    };
    expect((await req('PUT', '/api/settings', admin, { config, note: 'stricter' })).statusCode).toBe(200);
    await login('rm1', 'x1');
    await login('rm1', 'x2');
    const third = await login('rm1', 'x3');
    expect(err(third)).toMatchObject({ code: 'account_locked', details: { lockedUntil: clock + 2 * MIN } });
    // An admin reset lifts the lockout at once.
    const rm1 = s.ctx.staff.byUsername('rm1')?.id as string;
    expect(
      (await req('POST', `/api/staff/${rm1}/password`, admin, { password: 'newpass123' })).statusCode,
    ).toBe(200);
    expect((await login('rm1', 'newpass123')).statusCode).toBe(200);
    const back = { ...cur.config, security: { ...cur.config.security } };
    expect((await req('PUT', '/api/settings', admin, { config: back, note: 'back' })).statusCode).toBe(200);
  });
});

describe('session expiry and idle lock', () => {
  it('expires a session after sessionHours', async () => {
    const t = ((await login('teller1')).json() as { token: string }).token;
    // Busy all day (a request every 9 minutes keeps the idle lock away) …
    for (let i = 0; i < 79; i++) {
      clock += 9 * MIN;
      expect((await req('GET', '/api/queues', t)).statusCode).toBe(200);
    }
    // … and still out after 12 hours.
    clock += 9 * MIN;
    const r = await req('GET', '/api/queues', t);
    expect(r.statusCode).toBe(401);
    expect(err(r).code).toBe('session_expired');
  });

  it('locks an idle session on the server and unlocks it with the password', async () => {
    const body = (await login('teller1')).json() as { token: string; idleLockMinutes: number };
    const t = body.token;
    expect(body.idleLockMinutes).toBe(10);
    clock += 9 * MIN;
    expect((await req('GET', '/api/queues', t)).statusCode).toBe(200);
    clock += 9 * MIN; // 9 minutes after the last request: still open
    expect((await req('GET', '/api/session', t)).statusCode).toBe(200);
    clock += 10 * MIN + 1;
    for (const url of ['/api/queues', '/api/session', '/api/customers/lookup?q=%E5%BC%A0']) {
      const r = await req('GET', url, t);
      expect(r.statusCode, url).toBe(401);
      expect(err(r).code, url).toBe('session_locked');
    }
    const wrong = await req('POST', '/api/session/unlock', t, { password: 'nope' });
    expect(wrong.statusCode).toBe(401);
    expect(err(wrong).code).toBe('bad_password');
    expect((await req('GET', '/api/queues', t)).statusCode).toBe(401);
    expect((await req('POST', '/api/session/unlock', t, { password: 'demo1234' })).statusCode).toBe(200);
    expect((await req('GET', '/api/queues', t)).statusCode).toBe(200);
    expect(auditCount('unlock')).toBeGreaterThanOrEqual(1);
    expect(auditCount('unlock.failed')).toBeGreaterThanOrEqual(1);
  });

  it('does not count background requests (x-background: 1) as activity', async () => {
    const t = ((await login('teller1')).json() as { token: string }).token;
    for (let i = 0; i < 2; i++) {
      clock += 4 * MIN;
      expect((await req('GET', '/api/queues', t, undefined, { 'x-background': '1' })).statusCode).toBe(200);
    }
    // 11 minutes since the login, the last thing the user did.
    clock += 3 * MIN;
    const r = await req('GET', '/api/queues', t, undefined, { 'x-background': '1' });
    expect(err(r).code).toBe('session_locked');
  });

  it('lets a locked session log out, and counts unlock failures toward the lockout', async () => {
    const t = ((await login('lobby1')).json() as { token: string }).token;
    clock += 11 * MIN;
    let last: Res | null = null;
    for (let i = 0; i < 5; i++) last = await req('POST', '/api/session/unlock', t, { password: 'guess' + i });
    expect(last?.statusCode).toBe(423);
    expect(err(last as Res).code).toBe('account_locked');
    // The locked-out session is gone; the account is locked for new logins too.
    expect(err(await req('POST', '/api/session/unlock', t, { password: 'demo1234' })).code).toBe(
      'session_expired',
    );
    expect((await login('lobby1')).statusCode).toBe(423);
    clock += 16 * MIN;
    const t2 = ((await login('lobby1')).json() as { token: string }).token;
    clock += 11 * MIN;
    expect((await req('DELETE', '/api/session', t2)).statusCode).toBe(200);
    expect(err(await req('GET', '/api/queues', t2)).code).toBe('session_expired');
  });
});

describe('password change', () => {
  it('checks the old password and the rules, ends my other sessions, keeps this one', async () => {
    const a = ((await login('teller3')).json() as { token: string }).token;
    const b = ((await login('teller3')).json() as { token: string }).token;
    const wrong = await req('POST', '/api/session/password', a, {
      oldPassword: 'nope',
      newPassword: 'better123',
    });
    expect(wrong.statusCode).toBe(400);
    expect(err(wrong).code).toBe('bad_password');
    for (const weak of ['short1', 'onlyletters', '1234567890']) {
      const r = await req('POST', '/api/session/password', a, { oldPassword: 'demo1234', newPassword: weak });
      expect(r.statusCode, weak).toBe(400);
      expect(err(r).code).toBe('invalid_input');
    }
    const ok = await req('POST', '/api/session/password', a, {
      oldPassword: 'demo1234',
      newPassword: 'better123',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, otherSessionsEnded: 1 });
    expect((await req('GET', '/api/queues', a)).statusCode).toBe(200);
    expect((await req('GET', '/api/queues', b)).statusCode).toBe(401);
    expect((await login('teller3')).statusCode).toBe(401);
    expect((await login('teller3', 'better123')).statusCode).toBe(200);
    expect(auditCount('password.change')).toBe(1);
  });
});

describe('rate limit on password attempts', () => {
  it('answers 429 too_many_attempts past the per-minute limit, in both languages', async () => {
    setSecurity({ passwordAttemptsPerMinute: 5 });
    let last: Res | null = null;
    let tries = 0;
    for (; tries < 40 && last?.statusCode !== 429; tries++) last = await login('nobody', 'x');
    expect(last?.statusCode).toBe(429);
    // This server has seen many logins this minute: the limit applies as soon as the setting says 5.
    expect(tries).toBeLessThanOrEqual(6);
    const e = err(last as Res) as { code: string; details: { retryAfterMs: number } } & { zh?: string };
    expect(e.code).toBe('too_many_attempts');
    expect(e.details.retryAfterMs).toBeGreaterThan(0);
    expect((last?.json() as { error: { zh: string; en: string } }).error.zh).toContain('尝试次数过多');
  });
});

describe('first run of a production install', () => {
  let p: TestServer;
  beforeAll(async () => {
    p = await startTestServer({ demo: false });
  });
  afterAll(async () => {
    await p.stop();
  });

  it('starts with no staff, needs setup, creates one admin, then refuses a second setup', async () => {
    const health = async () => (await p.app.inject({ method: 'GET', url: '/api/health' })).json() as Health;
    expect(await health()).toMatchObject({ mode: 'production', needsSetup: true });
    expect(p.ctx.staff.count()).toBe(0);
    const demoLogin = await p.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: 'demo1234' },
    });
    expect(demoLogin.statusCode).toBe(401);
    const setup = (payload: Record<string, unknown>) =>
      p.app.inject({ method: 'POST', url: '/api/setup', payload });
    expect((await setup({ username: 'boss', displayName: '行长', password: 'short' })).statusCode).toBe(400);
    const ok = await setup({ username: 'boss', displayName: '行长', password: 'strong123' });
    expect(ok.statusCode).toBe(201);
    expect((await setup({ username: 'boss2', displayName: 'x', password: 'strong123' })).statusCode).toBe(
      409,
    );
    expect(await health()).toMatchObject({ needsSetup: false });
    expect(p.ctx.staff.list().map((x) => [x.username, x.role])).toEqual([['boss', 'admin']]);
    const counts = p.store.sqlite
      .prepare(
        `SELECT (SELECT count(*) FROM branch) b, (SELECT count(*) FROM settings) v, (SELECT count(*) FROM customers) c`,
      )
      .get();
    expect(counts).toEqual({ b: 1, v: 1, c: 0 });
    // The new admin can work at once: set up a counter and a teller.
    const t = (
      (
        await p.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username: 'boss', password: 'strong123' },
        })
      ).json() as {
        token: string;
      }
    ).token;
    const h = { authorization: `Bearer ${t}` };
    const counter = await p.app.inject({
      method: 'POST',
      url: '/api/counters',
      headers: h,
      payload: { number: 1, name: '1号窗口', channel: 'counter', queues: ['individual'] },
    });
    expect(counter.statusCode, counter.body).toBe(201);
    const teller = await p.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: h,
      payload: {
        username: 'zhang',
        displayName: '柜员 张',
        role: 'teller',
        counterId: (counter.json() as { id: string }).id,
        password: 'teller123',
      },
    });
    expect(teller.statusCode, teller.body).toBe(201);
    expect(
      p.store.sqlite
        .prepare(
          `SELECT count(*) n FROM audit_log WHERE action IN ('setup.admin','counter.create','staff.create')`,
        )
        .get(),
    ).toEqual({ n: 3 });
  });
});
