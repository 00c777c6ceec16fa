import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { newToken, tokenId } from '../../electron/server/auth';
import type { RouteInfo } from '../../electron/server/context';
import { startTestServer, type TestServer } from '../integration/harness';
import { caseFor, pool } from './fuzz-cases';

/**
 * Every route of ctx.routeTable gets malformed input: random and mutated JSON bodies, broken JSON, deep nesting,
 * wrong content types, oversized bodies, junk query strings and path parameters, sent with a session of a role
 * the route allows (so validation and handlers are reached, not just the 401/403 gate). The server must answer
 * every one below 500 with a bilingual error body, stay up, write nothing for a refused request, and leave a
 * database that passes `PRAGMA integrity_check`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

let s: TestServer;
const tokens: Record<string, string> = {};
let fuzzPwId = '';
let routes: RouteInfo[] = [];
let fingerprintSql = '';

/** Own sessions, written straight into the DB: the fuzzer must not depend on the rate-limited login. */
function mint(staffId: string): string {
  const token = newToken();
  const now = Date.now();
  s.ctx.sessions.insert({
    id: tokenId(token),
    staff_id: staffId,
    device_id: 'fuzz',
    created_at: now,
    last_seen_at: now,
    expires_at: now + 3_600_000,
  });
  return token;
}

const staffId = (u: string) => s.ctx.staff.byUsername(u)?.id as string;

/**
 * A refused request may add audit rows, count a failed password or end a session; nothing else. (Change
 * journals filled by triggers mirror those allowed writes and are left out too.)
 */
function fingerprint(): string {
  return JSON.stringify(s.store.sqlite.prepare(fingerprintSql).get());
}

function tokenFor(route: RouteInfo): string | undefined {
  if (route.url === '/api/session/unlock' || route.url === '/api/session/password') return tokens.fuzzpw;
  const r = route.roles;
  if (r === null || r.length === 0 || r.includes('admin')) return tokens.admin;
  if (r.includes('manager')) return tokens.manager;
  return tokens[r[0] as string];
}

beforeAll(async () => {
  s = await startTestServer({ customers: 60 });
  const admin = await s.login('admin');
  tokens.admin = admin;
  tokens.manager = await s.login('manager1');
  tokens.teller = await s.login('teller1');
  tokens.rm = await s.login('rm1');
  tokens.lobby = await s.login('lobby1');
  const h = { authorization: `Bearer ${admin}` };
  for (const username of ['fuzzpw', 'fuzzvictim']) {
    const r = await s.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: h,
      payload: { username, displayName: username, role: 'teller', password: 'fuzz12345' },
    });
    expect(r.statusCode).toBe(201);
  }
  fuzzPwId = staffId('fuzzpw');
  tokens.fuzzpw = mint(fuzzPwId);
  const customer = s.store.sqlite.prepare('SELECT id FROM customers LIMIT 1').get() as { id: string };
  const ticket = await s.app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { authorization: `Bearer ${tokens.lobby}` },
    payload: { customerId: customer.id, intents: ['cash'] },
  });
  expect(ticket.statusCode, ticket.body).toBe(201);
  const display = await s.app.inject({
    method: 'POST',
    url: '/api/displays',
    headers: h,
    payload: { name: 'tv' },
  });
  const counters = s.ctx.queue.counters.all().map((c) => c.id);
  pool.push(
    customer.id,
    counters[0] as string,
    ...counters.slice(1, 3),
    (ticket.json() as { ticket: { id: string } }).ticket.id,
    staffId('fuzzvictim'),
    (display.json() as { id: string }).id,
    SHOWCASE.private.customerNo,
  );
  routes = s.ctx.routeTable.filter((r) => !(r.method === 'DELETE' && r.url === '/api/session'));

  const tables = (
    s.store.sqlite
      .prepare(
        `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%'
         AND name NOT IN ('audit_log', 'sessions') AND name NOT LIKE '%journal%'`,
      )
      .all() as { name: string }[]
  ).map((t) => t.name);
  fingerprintSql = `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(', ')},
    (SELECT group_concat(id || name || channel || queues || corporate_only || open || staff_state, '|') FROM counters) AS counters_rows,
    (SELECT group_concat(id || username || display_name || role || active || password_hash || coalesce(counter_id, ''), '|') FROM staff) AS staff_rows,
    (SELECT coalesce(sum(version), 0) || ':' || group_concat(status) FROM tickets) AS ticket_rows,
    (SELECT group_concat(id || coalesce(revoked_at, ''), '|') FROM display_tokens) AS display_rows`;
}, 60_000);

afterAll(async () => {
  await s.stop();
});

describe('fuzzing every route', () => {
  it(`answers ${RUNS} malformed requests below 500, with a clear message, and writes nothing when refusing`, async () => {
    const started = Date.now();
    const arb = fc.constantFrom(...routes).chain(caseFor);
    const cases = fc.sample(arb, { numRuns: RUNS, seed: SEED });
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    const perRoute = new Map<string, number>();

    for (const [i, c] of cases.entries()) {
      let n = 0;
      const path = c.route.url.replace(/:[a-zA-Z]+/g, () => encodeURIComponent(c.params[n++] ?? ''));
      const qs = c.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
      if (c.rawQuery) qs.push(c.rawQuery);
      const url = qs.length ? `${path}?${qs.join('&')}` : path;
      const headers: Record<string, string> = {};
      const token = tokenFor(c.route);
      if (c.auth === 'role' && token) headers.authorization = `Bearer ${token}`;
      if (c.auth === 'junk') headers.authorization = `Bearer ${'A'.repeat(43)}`;
      let payload: string | Buffer | undefined;
      if (c.body.kind === 'json') {
        headers['content-type'] = 'application/json';
        payload = JSON.stringify(c.body.value) ?? 'null';
      } else if (c.body.kind === 'raw') {
        headers['content-type'] = c.body.type;
        payload = c.body.text;
      }
      if (c.route.url.startsWith('/api/session/')) s.ctx.staff.clearFailures(fuzzPwId, Date.now());

      const before = fingerprint();
      const res = await s.app.inject({
        method: c.route.method as 'GET',
        url,
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      const key = `${c.route.method} ${c.route.url}`;
      perRoute.set(key, (perRoute.get(key) ?? 0) + 1);
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      const what = `${c.route.method} ${url.slice(0, 120)} body=${String(payload ?? '').slice(0, 120)}`;
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${what} → ${res.body.slice(0, 200)}`);
      if (res.statusCode >= 400) {
        let e: { code?: unknown; zh?: unknown; en?: unknown } | undefined;
        try {
          e = (JSON.parse(res.body) as { error?: typeof e }).error;
        } catch {
          e = undefined;
        }
        if (
          typeof e?.code !== 'string' ||
          typeof e.zh !== 'string' ||
          !e.zh ||
          typeof e.en !== 'string' ||
          !e.en
        )
          failures.push(`no bilingual error: ${res.statusCode} ${what} → ${res.body.slice(0, 200)}`);
        const after = fingerprint();
        if (after !== before) {
          const a = JSON.parse(before) as Record<string, unknown>;
          const b = JSON.parse(after) as Record<string, unknown>;
          const diff = Object.keys(b).filter((k) => a[k] !== b[k]);
          failures.push(`refused but wrote (${diff.join(', ')}): ${res.statusCode} ${what}`);
        }
      }
      // The fuzz user's session may end (lockout, password change); give it a new one.
      if (c.route.url.startsWith('/api/session/') && !s.ctx.sessions.get(tokenId(tokens.fuzzpw as string)))
        tokens.fuzzpw = mint(fuzzPwId);
      if (i % 1000 === 999) {
        const health = await s.app.inject({ method: 'GET', url: '/api/health' });
        if (health.statusCode !== 200) failures.push(`health ${health.statusCode} after ${i + 1} requests`);
      }
      if (failures.length > 20) break;
    }

    const ms = Date.now() - started;
    // The figures for the step's closing note.
    mkdirSync(join(process.cwd(), 'test/output'), { recursive: true });
    writeFileSync(
      join(process.cwd(), 'test/output/fuzz-routes.json'),
      JSON.stringify(
        {
          requests: cases.length,
          routes: perRoute.size,
          ms,
          seed: SEED,
          statuses: Object.fromEntries([...byStatus].sort((a, b) => a[0] - b[0])),
          perRoute: Object.fromEntries(perRoute),
        },
        null,
        2,
      ),
    );
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(Math.min(RUNS, 10_000));
    // Every route was reached, and most requests got past the login gate.
    expect(perRoute.size).toBe(routes.length);
    const refusedAtGate = (byStatus.get(401) ?? 0) + (byStatus.get(403) ?? 0);
    expect(refusedAtGate).toBeLessThan(cases.length * 0.4);
  }, 120_000);

  it('is still up over a real socket, and the database is intact', async () => {
    const res = await fetch(`${s.url}/api/health`);
    expect(res.status).toBe(200);
    const check = s.store.sqlite.pragma('integrity_check') as { integrity_check: string }[];
    expect(check).toEqual([{ integrity_check: 'ok' }]);
    const fk = s.store.sqlite.pragma('foreign_key_check') as unknown[];
    expect(fk).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('left nothing an export cannot write whole, and no full-width phone or ID stored in plain', async () => {
    for (const dataset of ['visits', 'outcomes', 'followups', 'complaints']) {
      const csv = await fetch(`${s.url}/api/export/${dataset}?format=csv`, {
        headers: { authorization: `Bearer ${tokens.admin}` },
      });
      expect(csv.status).toBe(200);
      expect((await csv.text()).endsWith('\r\n')).toBe(true);
      const xlsx = await fetch(`${s.url}/api/export/${dataset}?format=xlsx`, {
        headers: { authorization: `Bearer ${tokens.admin}` },
      });
      expect(xlsx.status).toBe(200);
      await xlsx.arrayBuffer();
    }
    const plain = s.store.sqlite
      .prepare(
        `SELECT note AS t FROM suggestion_outcomes UNION ALL SELECT note FROM follow_ups
         UNION ALL SELECT description FROM complaints UNION ALL SELECT resolution FROM complaints
         UNION ALL SELECT payload FROM ticket_events`,
      )
      .all() as { t: string | null }[];
    const leaks = plain.filter((r) => r.t && /13858106688|１３８５８|\d{17}[\dXx]/.test(r.t));
    expect(leaks).toEqual([]);
    const far = s.store.sqlite
      .prepare('SELECT count(*) AS n FROM follow_ups WHERE due_at > ?')
      .get(Date.UTC(2100, 0, 1)) as { n: number };
    expect(far.n).toBe(0);
  });
});
