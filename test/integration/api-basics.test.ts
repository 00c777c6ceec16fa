import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations/index';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
let token: string;

beforeAll(async () => {
  s = await startTestServer();
  token = await s.login('teller1');
});
afterAll(async () => {
  await s.stop();
});

describe('health and session', () => {
  it('answers /api/health with versions', async () => {
    const res = await s.get('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(body.status).toBe('ok');
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('logs in with a cookie and a bearer token', async () => {
    const res = await s.post('/api/session', { username: 'lobby1', password: 'demo1234' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/sid=.+HttpOnly/i);
    const { token: t } = (await res.json()) as { token: string };
    const me = await s.get('/api/session', t);
    expect(((await me.json()) as { me: { role: string } }).me.role).toBe('lobby');
  });

  it('refuses a wrong password with a bilingual 401 and writes an audit row', async () => {
    const res = await s.post('/api/session', { username: 'teller2', password: 'nope' });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; zh: string; en: string } };
    expect(body.error.code).toBe('bad_credentials');
    expect(body.error.zh).toContain('密码');
    expect(body.error.en).toContain('password');
    const n = s.store.sqlite
      .prepare(`SELECT count(*) n FROM audit_log WHERE action='login.failed'`)
      .get() as { n: number };
    expect(n.n).toBeGreaterThan(0);
  });

  it('requires login for customer data', async () => {
    expect((await s.get(`/api/customers/lookup?q=${SHOWCASE.private.customerNo}`)).status).toBe(401);
  });
});

describe('customer lookup', () => {
  it('finds a customer by ID number, with masked ID and tier', async () => {
    const res = await s.get(`/api/customers/lookup?q=${SHOWCASE.private.idNumber}`, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      customers: { customerNo: string; idMasked: string; tier: { tier: string } }[];
    };
    expect(body.customers).toHaveLength(1);
    expect(body.customers[0]?.customerNo).toBe(SHOWCASE.private.customerNo);
    expect(body.customers[0]?.tier.tier).toBe('private');
    expect(body.customers[0]?.idMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(JSON.stringify(body)).not.toContain(SHOWCASE.private.idNumber);
  });

  it('finds by phone, card and customer number', async () => {
    for (const q of [SHOWCASE.effective.phone, SHOWCASE.effective.card, SHOWCASE.effective.customerNo]) {
      const res = await s.get(`/api/customers/lookup?q=${encodeURIComponent(q)}`, token);
      expect(res.status, q).toBe(200);
      const body = (await res.json()) as {
        customers: { customerNo: string; tier: { next: { gapFen: number } } }[];
      };
      expect(body.customers[0]?.customerNo).toBe(SHOWCASE.effective.customerNo);
      expect(body.customers[0]?.tier.next.gapFen).toBe(320_000);
    }
  });

  it('says a wrong check digit is a typo (400), not "not found"', async () => {
    const id = SHOWCASE.private.idNumber;
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const res = await s.get(`/api/customers/lookup?q=${wrong}`, token);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('id_check_digit');
  });

  it('reports an unknown but valid ID as 404 customer_not_found', async () => {
    const res = await s.get('/api/customers/lookup?q=11010519491231002X', token);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('customer_not_found');
  });

  it('returns the profile with holdings and the 公私联动 link', async () => {
    const found = (await (
      await s.get(`/api/customers/lookup?q=${SHOWCASE.private.customerNo}`, token)
    ).json()) as {
      customers: { id: string }[];
    };
    const res = await s.get(`/api/customers/${found.customers[0]?.id}`, token);
    expect(res.status).toBe(200);
    const p = (await res.json()) as { holdings: unknown[]; linked: { customerNo: string } | null };
    expect(p.holdings.length).toBeGreaterThan(0);
    expect(p.linked?.customerNo).toBe(SHOWCASE.corporate.customerNo);
  });
});

describe('bad input', () => {
  it.each([
    ['GET', '/api/nope', undefined, 404],
    ['POST', '/api/session', '{not json', 400],
    ['POST', '/api/session', { username: '' }, 400],
    ['POST', '/api/session', { username: 'x'.repeat(2_000_000), password: 'y' }, 413],
  ])('%s %s → %d with an error body', async (method, path, body, status) => {
    const res = method === 'GET' ? await s.get(path) : await s.post(path, body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBeTruthy();
    expect(json.error.message).toContain(' / ');
  });

  it('rejects an empty and an oversized lookup query', async () => {
    expect((await s.get('/api/customers/lookup?q=', token)).status).toBe(400);
    expect((await s.get(`/api/customers/lookup?q=${'1'.repeat(100)}`, token)).status).toBe(400);
  });

  it('still answers after all that', async () => {
    expect((await s.get('/api/health')).status).toBe(200);
  });
});
