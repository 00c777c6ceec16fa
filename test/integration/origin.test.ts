import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

/**
 * Cross-site request forgery: SameSite=Strict does not cover another port on the same host (same site), so a page
 * served from 127.0.0.1:9999 could POST with the session cookie. State-changing requests from a browser must come
 * from the server's own origin and carry JSON.
 */
let s: TestServer;
let cookie: string;
let counter: string;

beforeAll(async () => {
  s = await startTestServer();
  const res = await s.post('/api/session', { username: 'teller1', password: 'demo1234' });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const token = await s.login('lobby1');
  const list = (await (await s.get('/api/counters', token)).json()) as {
    counters: { id: string; name: string }[];
  };
  counter = list.counters.find((c) => c.name === '1号窗口')?.id ?? '';
});
afterAll(() => s.stop());

const callNext = (headers: Record<string, string>, body = '{}') =>
  fetch(`${s.url}/api/counters/${counter}/call-next`, {
    method: 'POST',
    headers: { cookie, ...headers },
    body,
  });

describe('state-changing requests from another origin', () => {
  it('refuses a text/plain POST from another port of the same host, with a bilingual reason', async () => {
    const res = await callNext({ origin: 'http://127.0.0.1:9999', 'content-type': 'text/plain' });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; zh: string; en: string } };
    expect(body.error.code).toBe('cross_origin');
    expect(body.error.zh).toMatch(/来源/);
    expect(body.error.en).toMatch(/origin/i);
  });

  it('refuses a JSON POST whose Origin is another site', async () => {
    const res = await callNext({ origin: 'http://evil.example', 'content-type': 'application/json' });
    expect(res.status).toBe(403);
  });

  it('refuses a browser POST marked cross-site even without an Origin header', async () => {
    const res = await callNext({ 'sec-fetch-site': 'same-site', 'content-type': 'application/json' });
    expect(res.status).toBe(403);
  });

  it('refuses a simple (CORS-safelisted) content type on a JSON route from a same-origin page', async () => {
    const res = await callNext({ origin: s.url, 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('accepts the server’s own origin and clients that send no Origin (terminals, scripts)', async () => {
    const own = await callNext({ origin: s.url, 'content-type': 'application/json' });
    expect([200, 404, 409]).toContain(own.status);
    const noOrigin = await callNext({ 'content-type': 'application/json' });
    expect([200, 404, 409]).toContain(noOrigin.status);
  });

  it('leaves GET alone (reads are not state changes)', async () => {
    const res = await fetch(`${s.url}/api/counters`, {
      headers: { cookie, origin: 'http://127.0.0.1:9999' },
    });
    expect(res.status).toBe(200);
  });
});
