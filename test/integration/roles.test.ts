import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@shared/api/types';
import type { RouteInfo } from '../../electron/server/context';
import { startTestServer, type TestServer } from './harness';

/**
 * Table-driven: every route the server registered through route() (ctx.routeTable), every role it does not
 * allow. Authentication runs before validation, so an empty request is enough to see the denial.
 */
const ROLES: readonly Role[] = ['teller', 'lobby', 'rm', 'manager', 'admin', 'display'];
const LOGIN: Record<Role, string> = {
  teller: 'teller1',
  lobby: 'lobby1',
  rm: 'rm1',
  manager: 'manager1',
  admin: 'admin',
  display: 'tv1',
};

let s: TestServer;
const tokens = {} as Record<Role, string>;
let table: RouteInfo[] = [];

function concrete(url: string): string {
  return url
    .replace(':dataset', 'visits')
    .replace(':version', '1')
    .replace(/:[a-zA-Z]+/g, '0190a3b2-7c11-7000-8000-000000000001');
}

function call(r: { method: string; url: string }, token?: string) {
  return s.app.inject({
    method: r.method as 'GET',
    url: concrete(r.url),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

beforeAll(async () => {
  s = await startTestServer();
  tokens.admin = await s.login('admin');
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/staff',
    headers: { authorization: `Bearer ${tokens.admin}` },
    payload: { username: 'tv1', displayName: '大堂电视', role: 'display', password: 'tvscreen01' },
  });
  expect(res.statusCode).toBe(201);
  for (const role of ROLES) {
    if (role === 'admin') continue;
    tokens[role] = await s.login(LOGIN[role], role === 'display' ? 'tvscreen01' : undefined);
  }
  table = s.ctx.routeTable.filter((r) => r.roles !== null);
});
afterAll(async () => {
  await s.stop();
});

describe('route roles', () => {
  it('has a table covering the whole API, Step 5 routes included', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
    const keys = new Set(s.ctx.routeTable.map((r) => `${r.method} ${r.url}`));
    for (const k of [
      'PUT /api/settings',
      'POST /api/settings/rollback',
      'GET /api/staff',
      'POST /api/staff',
      'PATCH /api/staff/:id',
      'POST /api/counters',
      'GET /api/export/:dataset',
      'GET /api/audit',
      'POST /api/displays',
      'POST /api/session/unlock',
    ]) {
      expect(keys, k).toContain(k);
    }
  });

  it('registers every HTTP route through route(), so each one declares its roles', () => {
    // The only direct registrations allowed: the WebSockets (the live board, guarded like /api/display; the staff
    // member's own alerts, which authenticate before the upgrade) and the built renderer's own files (renderer-files.ts:
    // the page at /, the top-level files such as favicon.svg, the SPA fallback), which no login stands before.
    const dir = join(process.cwd(), 'electron/server');
    const files = [
      ...readdirSync(dir).map((f) => join(dir, f)),
      ...readdirSync(join(dir, 'routes')).map((f) => join(dir, 'routes', f)),
    ].filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const direct = files.flatMap((f) =>
      [
        ...readFileSync(f, 'utf8').matchAll(
          /\bapp\.(get|post|put|patch|delete|all|route)\(\s*'?([^',)\s]*)/g,
        ),
      ].map((m) => `${m[1]} ${m[2]}`),
    );
    expect(direct.sort()).toEqual([
      'get /',
      'get /*',
      'get /api/alerts',
      'get /api/live',
      'get `/${f.name}`',
      'route {',
    ]);
  });

  it('answers 401 without a session on every non-public route', async () => {
    const wrong: string[] = [];
    for (const r of table) {
      const res = await call(r);
      if (res.statusCode !== 401) wrong.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 forbidden to every role a route does not allow', async () => {
    const wrong: string[] = [];
    let denials = 0;
    for (const r of table) {
      for (const role of ROLES) {
        if (r.roles === null || r.roles.length === 0 || r.roles.includes(role)) continue;
        denials++;
        const res = await call(r, tokens[role]);
        const code = (res.json() as { error?: { code?: string } }).error?.code;
        if (res.statusCode !== 403 || code !== 'forbidden')
          wrong.push(`${role}: ${r.method} ${r.url} → ${res.statusCode} ${code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(denials).toBeGreaterThan(100);
  });

  it('keeps a teller out of settings, staff, export, import and the audit log', async () => {
    const t = tokens.teller;
    const cases = [
      { method: 'PUT', url: '/api/settings' },
      { method: 'POST', url: '/api/settings/rollback' },
      { method: 'GET', url: '/api/settings' },
      { method: 'GET', url: '/api/export/visits' },
      { method: 'GET', url: '/api/export/complaints' },
      { method: 'POST', url: '/api/import/jobs' },
      { method: 'POST', url: '/api/staff' },
      { method: 'GET', url: '/api/audit' },
      { method: 'POST', url: '/api/displays' },
    ];
    for (const c of cases) expect((await call(c, t)).statusCode, `${c.method} ${c.url}`).toBe(403);
    // Their own counter: open/close yes, re-configure no.
    const counterId = s.ctx.staff.byUsername('teller1')?.counter_id as string;
    const patch = (payload: unknown) =>
      s.app.inject({
        method: 'PATCH',
        url: `/api/counters/${counterId}`,
        headers: { authorization: `Bearer ${t}` },
        payload: payload as Record<string, unknown>,
      });
    expect((await patch({ staffState: 'break' })).statusCode).toBe(200);
    expect((await patch({ name: '我的窗口' })).statusCode).toBe(403);
    expect((await patch({ queues: ['vip'], open: true })).statusCode).toBe(403);
    expect(s.ctx.queue.counters.get(counterId)?.name).not.toBe('我的窗口');
  });

  it('shows the display role and the lobby feed ticket numbers only, never customer data', async () => {
    // Tickets for known customers, one of them called, so a leak would have something to leak.
    const lobby = tokens.lobby;
    const customers = s.store.sqlite
      .prepare(
        `SELECT id, name, customer_no, id_masked, phone_masked FROM customers WHERE kind='individual' LIMIT 5`,
      )
      .all() as {
      id: string;
      name: string;
      customer_no: string;
      id_masked: string | null;
      phone_masked: string;
    }[];
    for (const c of customers) {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/tickets',
        headers: { authorization: `Bearer ${lobby}` },
        payload: { customerId: c.id, intents: ['account_open'] },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const counter = s.ctx.staff.byUsername('teller1')?.counter_id as string;
    await s.app.inject({
      method: 'PATCH',
      url: `/api/counters/${counter}`,
      headers: { authorization: `Bearer ${tokens.teller}` },
      payload: { open: true, staffState: 'serving' },
    });
    const called = await s.app.inject({
      method: 'POST',
      url: `/api/counters/${counter}/call-next`,
      headers: { authorization: `Bearer ${tokens.teller}` },
    });
    expect(called.statusCode).toBe(200);

    const secrets = customers.flatMap((c) => [c.id, c.name, c.customer_no, c.id_masked, c.phone_masked]);
    const reachable = s.ctx.routeTable.filter(
      (r) =>
        r.method === 'GET' &&
        !r.url.includes(':') &&
        (r.roles === null || r.roles.length === 0 || r.roles.includes('display')),
    );
    expect(reachable.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/display', '/api/queues']));
    for (const r of reachable) {
      const res = await call(r, tokens.display);
      if (res.statusCode !== 200) continue;
      for (const secret of secrets) {
        if (secret) expect(res.body, `${r.url} shows ${secret}`).not.toContain(secret);
      }
    }
    const board = (await call({ method: 'GET', url: '/api/display' })).json() as {
      counters: { current: { displayNo: string } | null }[];
    };
    expect(board.counters.some((c) => c.current?.displayNo)).toBe(true);
    // A customer profile is out of reach for the TV login.
    expect(
      (await call({ method: 'GET', url: `/api/customers/${customers[0]?.id}` }, tokens.display)).statusCode,
    ).toBe(403);
  });
});
