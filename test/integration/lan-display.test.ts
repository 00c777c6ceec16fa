import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from './harness';

/**
 * LAN mode: the server listens beyond loopback, and the lobby display feed then needs a display token (or a
 * staff session). Requests go to this machine's LAN address, so the server sees a non-loopback client.
 */
const lanIp = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

let s: TestServer;
let base = '';
let manager = '';

function ws(url: string, headers: Record<string, string> = {}): Promise<{ status: number; hello?: unknown }> {
  return new Promise((resolve) => {
    const sock = new WebSocket(url, { headers });
    sock.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      sock.terminate();
    });
    sock.on('message', (data: Buffer) => {
      resolve({ status: 101, hello: JSON.parse(data.toString('utf8')) });
      sock.close();
    });
    sock.on('error', () => resolve({ status: -1 }));
  });
}

beforeAll(async () => {
  s = await startTestServer({ lan: true });
  const port = new URL(s.url).port;
  base = lanIp ? `http://${lanIp}:${port}` : s.url;
  manager = await s.login('manager1');
});
afterAll(async () => {
  await s.stop();
});

describe.skipIf(!lanIp)('lobby display on the branch LAN', () => {
  let token = '';
  let displayId = '';

  it('refuses the display feed (HTTP and WebSocket) to a LAN client without a token', async () => {
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    const res = await fetch(`${base}/api/display`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; zh: string; en: string } };
    expect(body.error.code).toBe('display_token_required');
    expect(body.error.zh).toContain('显示屏');
    expect((await ws(`${base.replace('http', 'ws')}/api/live`)).status).toBe(401);
    expect((await fetch(`${base}/api/display?token=${'x'.repeat(43)}`)).status).toBe(401);
  });

  it('lets the server PC itself (loopback) show the board without a token', async () => {
    expect((await fetch(`${s.url}/api/display`)).status).toBe(200);
  });

  it('issues a per-display token once, stores only its hash, and accepts it in the query, a header or a cookie', async () => {
    const created = await fetch(`${s.url}/api/displays`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '大堂电视' }),
    });
    expect(created.status).toBe(201);
    const c = (await created.json()) as { id: string; token: string; path: string };
    token = c.token;
    displayId = c.id;
    expect(c.path).toBe(`/display?token=${token}`);
    const dump = JSON.stringify(s.store.sqlite.prepare('SELECT * FROM display_tokens').all());
    expect(dump).not.toContain(token);
    const list = (await (
      await fetch(`${s.url}/api/displays`, { headers: { authorization: `Bearer ${manager}` } })
    ).json()) as unknown[];
    expect(JSON.stringify(list)).not.toContain(token);

    const byQuery = await fetch(`${base}/api/display?token=${token}`);
    expect(byQuery.status).toBe(200);
    expect(((await byQuery.json()) as { queues: unknown[] }).queues.length).toBeGreaterThan(0);
    expect((await fetch(`${base}/api/display`, { headers: { 'x-display-token': token } })).status).toBe(200);

    const session = await fetch(`${base}/api/display/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(session.status).toBe(200);
    const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^dtok=/);
    expect(session.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect((await fetch(`${base}/api/display`, { headers: { cookie } })).status).toBe(200);

    const live = await ws(`${base.replace('http', 'ws')}/api/live?token=${token}`);
    expect(live.status).toBe(101);
    expect(live.hello).toMatchObject({ type: 'hello' });
    expect((await ws(`${base.replace('http', 'ws')}/api/live`, { cookie })).status).toBe(101);
    expect(
      s.store.sqlite.prepare('SELECT last_seen_at FROM display_tokens WHERE id = ?').get(displayId),
    ).not.toEqual({ last_seen_at: null });
  });

  it('gives a display token nothing but the board', async () => {
    for (const path of ['/api/queues', '/api/counters', '/api/customers/lookup?q=张', '/api/session']) {
      const r = await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}token=${token}`, {
        headers: { 'x-display-token': token },
      });
      expect(r.status, path).toBe(401);
    }
  });

  it('lets a logged-in staff screen on the LAN read the board', async () => {
    expect(
      (await fetch(`${base}/api/display`, { headers: { authorization: `Bearer ${manager}` } })).status,
    ).toBe(200);
    expect(
      (await ws(`${base.replace('http', 'ws')}/api/live`, { authorization: `Bearer ${manager}` })).status,
    ).toBe(101);
  });

  it('stops a revoked token at once', async () => {
    const del = await fetch(`${s.url}/api/displays/${displayId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${manager}` },
    });
    expect(del.status).toBe(200);
    expect((await fetch(`${base}/api/display?token=${token}`)).status).toBe(401);
    expect((await ws(`${base.replace('http', 'ws')}/api/live?token=${token}`)).status).toBe(401);
    const again = await fetch(`${base}/api/display/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(again.status).toBe(401);
    const actions = s.store.sqlite
      .prepare(`SELECT action FROM audit_log WHERE action LIKE 'display.%' ORDER BY at`)
      .all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['display.create', 'display.revoke']);
  });
});

describe('first-run setup on a LAN server', () => {
  let p: TestServer;
  beforeAll(async () => {
    p = await startTestServer({ demo: false, lan: true });
  });
  afterAll(async () => {
    await p.stop();
  });

  it('is only possible from the server PC itself', async () => {
    const payload = { username: 'boss', displayName: '行长', password: 'strong123' };
    const far = await p.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload,
      remoteAddress: '192.0.2.77',
    });
    expect(far.statusCode).toBe(403);
    expect((far.json() as { error: { code: string } }).error.code).toBe('setup_local_only');
    expect(p.ctx.staff.count()).toBe(0);
    const near = await p.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload,
      remoteAddress: '127.0.0.1',
    });
    expect(near.statusCode).toBe(201);
  });
});
