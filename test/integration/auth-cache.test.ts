import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from './harness';

/**
 * The per-token session cache in front of authenticate() (electron/db/repos/auth-cache.ts): a
 * request after a change to the session or the staff member must see the change, whatever code
 * or SQL made it.
 */
let s: TestServer;
let clock = Date.parse('2026-03-02T01:00:00Z');
const MIN = 60_000;

function get(url: string, token: string) {
  return s.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}
const code = (r: { json: () => unknown }) => (r.json() as { error?: { code: string } }).error?.code;
const staffId = (username: string) =>
  (s.store.sqlite.prepare('SELECT id FROM staff WHERE username = ?').get(username) as { id: string }).id;

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
});
afterAll(async () => {
  await s.stop();
});
beforeEach(async () => {
  clock += 13 * 60 * MIN; // a fresh day: earlier sessions have expired
  s.store.sqlite.prepare(`UPDATE staff SET active = 1, role = 'admin' WHERE username = 'admin'`).run();
});

describe('session cache', () => {
  it('reads the session and staff rows once, not on every request', async () => {
    const token = await s.login('lobby1');
    const sessions = vi.spyOn(s.ctx.sessions, 'get');
    const staff = vi.spyOn(s.ctx.staff, 'byId');
    try {
      for (let i = 0; i < 5; i++) expect((await get('/api/session', token)).statusCode).toBe(200);
      expect(sessions.mock.calls.length).toBeLessThanOrEqual(1);
      expect(staff.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      sessions.mockRestore();
      staff.mockRestore();
    }
  });

  it('refuses a token at once after logout', async () => {
    const token = await s.login('lobby1');
    expect((await get('/api/session', token)).statusCode).toBe(200);
    const out = await s.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBe(200);
    const r = await get('/api/session', token);
    expect(r.statusCode).toBe(401);
  });

  it('refuses an expired session even though it is cached', async () => {
    const token = await s.login('lobby1');
    expect((await get('/api/session', token)).statusCode).toBe(200);
    clock += 12 * 60 * MIN + 1;
    const r = await get('/api/session', token);
    expect(r.statusCode).toBe(401);
    expect(code(r)).toBe('session_expired');
  });

  it('sees a deactivated account and a role change made by plain SQL, not through the repos', async () => {
    const token = await s.login('admin');
    expect((await get('/api/audit?limit=1', token)).statusCode).toBe(200);
    s.store.sqlite.prepare(`UPDATE staff SET role = 'teller' WHERE id = ?`).run(staffId('admin'));
    expect((await get('/api/audit?limit=1', token)).statusCode).toBe(403);
    s.store.sqlite.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(staffId('admin'));
    expect((await get('/api/session', token)).statusCode).toBe(401);
  });

  it('ends the sessions of a staff member whose password was reset (sessions deleted)', async () => {
    const a = await s.login('teller1');
    const b = await s.login('teller1');
    expect((await get('/api/session', a)).statusCode).toBe(200);
    expect((await get('/api/session', b)).statusCode).toBe(200);
    s.ctx.staff.setPassword(staffId('teller1'), 'x', clock);
    s.ctx.sessions.deleteForStaff(staffId('teller1'), null);
    expect((await get('/api/session', a)).statusCode).toBe(401);
    expect((await get('/api/session', b)).statusCode).toBe(401);
  });

  it('does not cache a bad token', async () => {
    const sessions = vi.spyOn(s.ctx.sessions, 'get');
    try {
      for (let i = 0; i < 3; i++) expect((await get('/api/session', 'not-a-token')).statusCode).toBe(401);
      expect(sessions.mock.calls.length).toBe(3);
    } finally {
      sessions.mockRestore();
    }
  });
});

// teller2: teller1's password was reset above.
describe('staffed counters (the wait estimates count only these)', () => {
  const counterOf = (username: string) =>
    s.store.sqlite.prepare('SELECT counter_id FROM staff WHERE username = ?').pluck().get(username) as string;
  const staffed = () => s.ctx.authCache.staffedCounters(clock).has(counterOf('teller2'));

  it('follows a login, plain-SQL staff changes, a logout and expiry, and is read once while nothing changes', async () => {
    expect(counterOf('teller2')).toBeTruthy();
    expect(staffed()).toBe(false); // a fresh day: yesterday's sessions have expired
    const token = await s.login('teller2');
    expect(staffed()).toBe(true);
    const read = vi.spyOn(s.ctx.sessions, 'staffedCounterIds');
    try {
      for (let i = 0; i < 5; i++) expect(staffed()).toBe(true);
      expect(read.mock.calls.length).toBe(0);
    } finally {
      read.mockRestore();
    }
    const counter = counterOf('teller2');
    s.store.sqlite.prepare('UPDATE staff SET counter_id = NULL WHERE username = ?').run('teller2');
    expect(s.ctx.authCache.staffedCounters(clock).has(counter)).toBe(false);
    s.store.sqlite.prepare('UPDATE staff SET counter_id = ? WHERE username = ?').run(counter, 'teller2');
    expect(staffed()).toBe(true);
    const out = await s.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.statusCode).toBe(200);
    expect(staffed()).toBe(false);
    await s.login('teller2');
    expect(staffed()).toBe(true);
    clock += 13 * 60 * MIN; // the session has expired: no write, the time alone
    expect(staffed()).toBe(false);
  });
});
