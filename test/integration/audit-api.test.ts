import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '@shared/api/audit';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

const T0 = Date.UTC(2026, 2, 10, 2, 0, 0); // 10:00 in the branch
const MIN = 60_000;

let s: TestServer;
let clock = T0;
let teller: string;
let manager: string;
let tellerId: string;
let customerId: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const audit = async (qs: string, token = manager) => json<AuditPage>(await s.get(`/api/audit?${qs}`, token));
const reveal = (field: 'id' | 'phone', reason: string) =>
  s.post(`/api/customers/${customerId}/reveal`, { field, reason }, teller);

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  teller = await s.login('teller1');
  tellerId = (await json<{ me: { id: string } }>(await s.get('/api/session', teller))).me.id;
  const found = await json<{ customers: { id: string }[] }>(
    await s.get(`/api/customers/lookup?q=${SHOWCASE.private.customerNo}`, teller),
  );
  customerId = found.customers[0]?.id as string;
  // Three reveals a few minutes apart, for the time filters.
  expect((await reveal('id', '大额转账核验身份')).status).toBe(200);
  clock += 5 * MIN;
  expect((await reveal('phone', '回访前核对手机号')).status).toBe(200);
  clock += 5 * MIN;
  expect((await reveal('id', '客户要求打印证件信息')).status).toBe(200);
  clock += MIN;
  // Logged in now: a session left idle over the setup's ten minutes would be locked.
  manager = await s.login('manager1');
});
afterAll(async () => {
  await s.stop();
});

describe('GET /api/audit', () => {
  it('is for managers and admins only', async () => {
    expect((await s.get('/api/audit', teller)).status).toBe(403);
    expect((await s.get('/api/audit', await s.login('lobby1'))).status).toBe(403);
    expect((await s.get('/api/audit', await s.login('rm1'))).status).toBe(403);
    expect((await s.get('/api/audit')).status).toBe(401);
    expect((await s.get('/api/audit', await s.login('admin'))).status).toBe(200);
  });

  it('finds a reveal by action and customer, with who, why and when, and no full ID', async () => {
    const page = await audit(`action=reveal.id&targetId=${customerId}`);
    expect(page.rows.map((r) => r.reason)).toEqual(['客户要求打印证件信息', '大额转账核验身份']);
    const first = page.rows[1];
    expect(first).toMatchObject({
      at: T0,
      staffId: tellerId,
      staffName: '柜员 张敏',
      action: 'reveal.id',
      targetType: 'customer',
      targetId: customerId,
    });
    expect(JSON.stringify(page.rows)).not.toContain(SHOWCASE.private.idNumber);
    expect(first?.detail.masked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by action prefix, staff and time', async () => {
    const reveals = await audit(`action=reveal.*&targetId=${customerId}`);
    expect(reveals.rows.map((r) => r.action)).toEqual(['reveal.id', 'reveal.phone', 'reveal.id']);
    const mine = await audit(`staffId=${tellerId}&limit=500`);
    expect(mine.rows.length).toBeGreaterThanOrEqual(4); // the lookup and three reveals
    expect(mine.rows.every((r) => r.staffId === tellerId)).toBe(true);
    expect(mine.rows.map((r) => r.action)).toContain('customer.lookup');
    const window = await audit(`action=reveal.*&from=${T0 + MIN}&to=${T0 + 10 * MIN}`);
    expect(window.rows.map((r) => r.reason)).toEqual(['回访前核对手机号']);
    const fromExact = await audit(`action=reveal.*&from=${T0 + 10 * MIN}`);
    expect(fromExact.rows.map((r) => r.reason)).toEqual(['客户要求打印证件信息']);
    expect((await audit('action=nothing.like.this')).rows).toEqual([]);
  });

  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const all = await audit('limit=500');
    expect(all.rows.length).toBeGreaterThanOrEqual(5);
    const ats = all.rows.map((r) => r.at);
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: AuditPage = await audit(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(all.rows.map((r) => r.id));
  });

  it('refuses bad filters and offers no way to change the log', async () => {
    for (const qs of ['limit=0', 'limit=501', 'cursor=nope', `from=${T0}&to=${T0}`, 'action=DROP%20TABLE']) {
      expect((await s.get(`/api/audit?${qs}`, manager)).status, qs).toBe(400);
    }
    const del = await fetch(`${s.url}/api/audit`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${manager}` },
    });
    expect(del.status).toBe(404);
  });
});
