import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AlertList, DashboardLive, HistoryReport } from '@shared/api/dashboard';
import type { LiveMessage } from '@shared/api/queue';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
let lobby: string;
let teller: string;
let manager: string;
let clock = Date.UTC(2026, 2, 3, 2, 0, 0); // 10:00 in Asia/Shanghai
const MIN = 60_000;

const json = async <T>(res: Response): Promise<T> => {
  if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const patch = (path: string, body: unknown, token: string) =>
  fetch(s.url + path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

let c1 = '';
beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  lobby = await s.login('lobby1');
  teller = await s.login('teller1');
  manager = await s.login('manager1');
  // The test's clock jumps by minutes: no idle lock in between.
  const cur = await json<{ config: Record<string, { idleLockMinutes?: number }> }>(
    await s.get('/api/settings', manager),
  );
  const config = { ...cur.config, security: { ...cur.config.security, idleLockMinutes: 240 } };
  const put = await fetch(s.url + '/api/settings', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
    body: JSON.stringify({ config, note: 'test' }),
  });
  expect(put.status).toBe(200);
  const counters = await json<{ counters: { id: string; name: string }[] }>(
    await s.get('/api/counters', lobby),
  );
  c1 = counters.counters.find((c) => c.name === '1号窗口')?.id as string;
});
afterAll(async () => {
  await s.stop();
});

const live = async () => json<DashboardLive>(await s.get('/api/dashboard', manager));
const individual = (d: DashboardLive) => d.queues.find((q) => q.key === 'individual');

describe('the live dashboard', () => {
  it('is the manager’s (and the admin’s): tellers and the lobby are refused', async () => {
    expect((await s.get('/api/dashboard', teller)).status).toBe(403);
    expect((await s.get('/api/dashboard', lobby)).status).toBe(403);
    expect((await s.get('/api/dashboard/alerts', lobby)).status).toBe(200);
  });

  it('shows today’s figures change when a teller calls and finishes, and the reports agree', async () => {
    expect((await patch(`/api/counters/${c1}`, { open: true, staffState: 'serving' }, teller)).status).toBe(
      200,
    );
    const before = await live();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock += MIN;
      const r = await json<{ ticket: { id: string; queue: string } }>(
        await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby),
      );
      expect(r.ticket.queue).toBe('individual');
      ids.push(r.ticket.id);
    }
    const waiting = await live();
    expect(individual(waiting)?.waitingNow).toBe((individual(before)?.waitingNow ?? 0) + 3);

    clock += 4 * MIN;
    const called = await json<{ ticket: { id: string } }>(
      await s.post(`/api/counters/${c1}/call-next`, {}, teller),
    );
    clock += MIN;
    await json(
      await s.post(`/api/tickets/${called.ticket.id}/events`, { type: 'start', counterId: c1 }, teller),
    );
    clock += 6 * MIN;
    await json(
      await s.post(`/api/tickets/${called.ticket.id}/events`, { type: 'finish', counterId: c1 }, teller),
    );

    const after = await live();
    const q = individual(after);
    expect(q?.figures.served).toBe((individual(before)?.figures.served ?? 0) + 1);
    expect(q?.waitingNow).toBe((individual(before)?.waitingNow ?? 0) + 2);
    const counter = after.counters.find((c) => c.id === c1);
    expect(counter?.servedToday).toBeGreaterThanOrEqual(1);

    // The history reads ticket_facts with SQL: the same sums as the live fold.
    const day = after.branchDay;
    const report = await json<HistoryReport>(await s.get(`/api/reports?from=${day}&to=${day}`, manager));
    expect(report.total.served).toBe(after.total.served);
    expect(report.total.arrived).toBe(after.total.arrived);
    expect(report.total.slPct).toBeCloseTo(after.total.slPct ?? 0, 9);
    expect(report.total.avgWaitMs).toBeCloseTo(after.total.avgWaitMs ?? 0, 6);
    expect(report.total.avgServiceMs).toBeCloseTo(after.total.avgServiceMs ?? 0, 6);
    expect(report.days.map((d) => d.day)).toContain(day);
    expect(report.heat.flat().reduce((a, b) => a + b, 0)).toBe(report.total.arrived);
    const staff = report.staff.find((x) => x.name.length > 0 && x.figures.served > 0);
    expect(staff).toBeDefined();
  });

  it('a break with a reason is shown and counted as shrinkage', async () => {
    clock += MIN;
    expect(
      (await patch(`/api/counters/${c1}`, { staffState: 'break', breakReason: 'lunch' }, teller)).status,
    ).toBe(200);
    clock += 5 * MIN;
    const d = await live();
    const c = d.counters.find((x) => x.id === c1);
    expect(c).toMatchObject({ staffState: 'break', breakReason: 'lunch', stateSince: clock - 5 * MIN });
    expect(d.breaks.find((b) => b.reason === 'lunch')?.minutes).toBe(5);
    expect((await patch(`/api/counters/${c1}`, { staffState: 'nap' }, teller)).status).toBe(400);
    expect((await patch(`/api/counters/${c1}`, { staffState: 'serving' }, teller)).status).toBe(200);
    expect((await live()).counters.find((x) => x.id === c1)?.breakReason).toBeNull();
  });

  it('an alert fires past its threshold and is pushed on the live feed', async () => {
    const heard: LiveMessage[] = [];
    const off = s.ctx.queue.subscribe((m) => heard.push(m));
    // The two tickets left have waited since 10:01–10:03; at 10:30 they are past 10 minutes.
    clock = Date.UTC(2026, 2, 3, 2, 30, 0);
    const a = await json<AlertList>(await s.get('/api/dashboard/alerts', lobby));
    const wait = a.alerts.find((x) => x.key === 'wait:individual');
    expect(wait?.value).toBeGreaterThan(10);
    expect(wait?.text.en).toMatch(/has waited \d+ min \(standard 10 min\)/);
    // The watcher pushes what changed, a moment after an event: its 1 s debounce, or 50 times its last check when
    // that is longer (a loaded machine). A fixed 1.3 s wait failed once beside a CPU hog, so wait for the push.
    await s.post('/api/tickets', { customerId: null, intents: ['cash'] }, lobby);
    await vi.waitFor(() => expect(heard.some((m) => m.type === 'alerts')).toBe(true), {
      timeout: 15_000,
      interval: 50,
    });
    off();
    const pushed = heard.filter((m) => m.type === 'alerts');
    const last = pushed.at(-1);
    expect(last?.type === 'alerts' && last.alerts.some((x) => x.key === 'wait:individual')).toBe(true);
  });
});

describe('report exports', () => {
  it('a chart as a CSV table, masked and audited', async () => {
    const res = await s.get('/api/reports/export/days?format=csv', manager);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // UTF-8 with a BOM, so Excel shows the Chinese.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('日期 Day,取号 Arrived,')).toBe(true);
    expect(text).toContain('服务水平% SL%');
    const x = await s.get('/api/reports/export/heat?format=xlsx', manager);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    expect((await x.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it('refuses bad ranges with a bilingual 400', async () => {
    const r = await s.get('/api/reports?from=2026-03-05&to=2026-03-01', manager);
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_range');
    expect((await s.get('/api/reports?from=yesterday', manager)).status).toBe(400);
    expect((await s.get('/api/reports/export/nope', manager)).status).toBe(400);
  });
});
