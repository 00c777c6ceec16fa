import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffingDay, StaffingPatternReply, StaffingPlanReply } from '@shared/api/staffing';
import { erlangTable, simulate, summariseRuns } from '@shared/staffing';
import { startTestServer, type TestServer } from './harness';

// Monday 2026-11-23 10:05 in Shanghai, then the next day.
const MONDAY_10 = Date.UTC(2026, 10, 23, 2, 5, 0);
const TUESDAY_9 = Date.UTC(2026, 10, 24, 1, 0, 0);
let clock = MONDAY_10;

let s: TestServer;
let lobby: string;
let teller: string;
let manager: string;
let c1: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

async function issue(intents: string[]): Promise<string> {
  const r = await s.post('/api/tickets', { customerId: null, intents }, lobby);
  expect(r.status).toBe(201);
  return (await json<{ ticket: { id: string } }>(r)).ticket.id;
}

async function step(id: string, type: string, payload: Record<string, unknown> = {}): Promise<void> {
  const r = await s.post(`/api/tickets/${id}/events`, { type, counterId: c1, payload }, teller);
  expect(r.status, `${type} ${await r.clone().text()}`).toBe(200);
}

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  // Sessions lock after a while without activity, and the clock jumps: log in right before acting.
  lobby = await s.login('lobby1');
  const list = await json<{ counters: { id: string; name: string }[] }>(await s.get('/api/counters', lobby));
  c1 = list.counters.find((c) => c.name === '1号窗口')?.id as string;
  // Monday: six visits to the counter between 10:05 and 10:35, four served (6 min each), one walks away.
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    ids.push(await issue(['account_open']));
    clock += 5 * 60_000;
  }
  teller = await s.login('teller1');
  for (const id of ids.slice(0, 4)) {
    await step(id, 'call');
    await step(id, 'start');
    clock += 6 * 60_000;
    await step(id, 'finish');
  }
  lobby = await s.login('lobby1');
  const r = await s.post(
    `/api/tickets/${ids[4]}/events`,
    { type: 'cancel', payload: { reason: '客户离开' } },
    lobby,
  );
  expect(r.status).toBe(200);
  clock = TUESDAY_9;
  manager = await s.login('manager1');
  teller = await s.login('teller1');
});
afterAll(async () => {
  await s.stop();
});

describe('what-if staffing API', () => {
  it('lists the recorded days and builds the pattern of one, with the rules the simulation replays', async () => {
    const days = await json<StaffingDay[]>(await s.get('/api/staffing/days', manager));
    expect(days).toContainEqual({ date: '2026-11-23', weekday: 1, arrivals: 6 });

    const res = await s.post(
      '/api/staffing/pattern',
      { source: { kind: 'day', date: '2026-11-23' } },
      manager,
    );
    expect(res.status).toBe(200);
    const p = await json<StaffingPatternReply>(res);
    expect(p.tomorrow).toBe('2026-11-25');
    expect(p.pattern.totals).toMatchObject({ arrivals: 6, served: 4, walkedAway: 1 });
    const arrivals = p.pattern.intervals.reduce((sum, iv) => sum + iv.arrivals, 0);
    expect(arrivals).toBe(6);
    // 10:00–10:30 holds five arrivals (10:05 … 10:25), 10:30–11:00 the sixth.
    const ten = p.pattern.intervals.find((iv) => iv.start === 600);
    expect(ten?.byQueue.individual).toBe(5);
    expect(p.pattern.service.individual?.samples).toEqual([360_000, 360_000, 360_000, 360_000]);
    expect(p.pattern.patience.atMs.length).toBe(1);
    // Starting roster: the demo counters by their first queue, all day.
    expect(p.roster[0]).toMatchObject({ individual: 2, corporate: 1, vip: 1, self: 1 });
    // The reply is enough to run both answers.
    const reps = simulate(p.pattern, p.roster, p.rules, { seed: p.seed, from: 0, count: 5 });
    const sum = summariseRuns(
      reps,
      p.queues.map((q) => q.key),
      p.pattern.intervals.length,
    );
    expect(sum.day.reduce((a, c) => a + c.arrivals, 0)).toBeGreaterThan(0);
    expect(erlangTable(p.pattern, p.roster, p.rules).length).toBe(p.pattern.intervals.length);
  });

  it('averages the last weekdays and refuses days without tickets', async () => {
    const res = await s.post('/api/staffing/pattern', { source: { kind: 'weekdays', count: 5 } }, manager);
    expect(res.status).toBe(200);
    expect((await json<StaffingPatternReply>(res)).pattern.days).toEqual(['2026-11-23']);
    const none = await s.post(
      '/api/staffing/pattern',
      { source: { kind: 'day', date: '2020-01-01' } },
      manager,
    );
    expect(none.status).toBe(404);
    const bad = await s.post('/api/staffing/pattern', { source: { kind: 'weekdays', count: 0 } }, manager);
    expect(bad.status).toBe(400);
  });

  it("applies a roster as tomorrow's counter plan: a new settings version, audited, and refuses nonsense", async () => {
    const before = await json<{ version: number }>(await s.get('/api/settings', manager));
    const intervals = [
      { start: '09:00', counters: { individual: 3, vip: 1, corporate: 1, self: 0 } },
      { start: '09:30', counters: { individual: 2, vip: 1, corporate: 1, self: 1 } },
    ];
    const res = await s.post('/api/staffing/plan', { intervals, note: 'test' }, manager);
    expect(res.status).toBe(200);
    const applied = await json<StaffingPlanReply>(res);
    expect(applied).toMatchObject({ date: '2026-11-25', version: before.version + 1 });
    const tomorrow = await json<StaffingPlanReply>(await s.get('/api/staffing/plan/tomorrow', manager));
    expect(tomorrow.plan?.intervals).toEqual(intervals);
    const versions = await json<{ version: number; note: string | null }[]>(
      await s.get('/api/settings/versions', manager),
    );
    expect(versions[0]?.note).toContain('2026-11-25');

    expect((await s.post('/api/staffing/plan', { date: '2026-11-01', intervals }, manager)).status).toBe(400);
    const unknown = [{ start: '09:00', counters: { nosuch: 1 } }];
    expect((await s.post('/api/staffing/plan', { intervals: unknown }, manager)).status).toBe(400);
    expect((await s.post('/api/staffing/plan', { intervals }, teller)).status).toBe(403);
    expect((await s.get('/api/staffing/days', teller)).status).toBe(403);
  });

  it("replays tomorrow's bookings as known arrivals at their booked time, beside the recorded day", async () => {
    lobby = await s.login('lobby1');
    const found = await json<{ customers: { id: string }[] }>(
      await s.get('/api/customers/lookup?q=C100000004', lobby),
    );
    // Wednesday 2026-11-25 (tomorrow) at 10:00 and 14:30, Shanghai.
    for (const slot of ['2026-11-25T10:00:00+08:00', '2026-11-25T14:30:00+08:00']) {
      const r = await s.post(
        '/api/appointments/book',
        {
          customerId: found.customers[0]?.id,
          service: 'account_open',
          slotAt: Date.parse(slot),
          channel: 'desk',
        },
        lobby,
      );
      expect(r.status, await r.clone().text()).toBe(201);
    }
    manager = await s.login('manager1');
    const res = await s.post(
      '/api/staffing/pattern',
      { source: { kind: 'day', date: '2026-11-23' } },
      manager,
    );
    const p = await json<StaffingPatternReply>(res);
    expect(p.bookings).toBe(2);
    expect(p.pattern.known?.map((k) => k.minute)).toEqual([600, 870]);
    // Erlang C counts them in their queue; the recorded walk-ins stay as they were.
    expect(p.pattern.intervals.find((iv) => iv.start === 600)?.byQueue.individual).toBe(6);
    expect(p.pattern.intervals.find((iv) => iv.start === 870)?.byQueue.individual).toBe(1);
    expect(p.pattern.totals.arrivals).toBe(6);
  });
});
