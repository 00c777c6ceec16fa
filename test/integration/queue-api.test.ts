import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuild } from '@shared/queue';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { CounterRepo } from '../../electron/db/repos/counters';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
let lobby: string;
let teller: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
interface Ticket {
  id: string;
  displayNo: string;
  status: string;
  queue: string;
  ahead: number;
  waitMinutes: number | null;
}

async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(await s.get(`/api/customers/lookup?q=${no}`, lobby));
  return r.customers[0]?.id as string;
}

async function counterIds(): Promise<Record<string, string>> {
  const r = await json<{ counters: { id: string; name: string }[] }>(await s.get('/api/counters', lobby));
  return Object.fromEntries(r.counters.map((c) => [c.name, c.id]));
}

beforeAll(async () => {
  s = await startTestServer();
  lobby = await s.login('lobby1');
  teller = await s.login('teller1');
});
afterAll(async () => {
  await s.stop();
});

describe('triage and tickets', () => {
  it('sends a 私行 customer to the VIP room with reasons, once someone is on duty there', async () => {
    type Decision = {
      channel: string;
      reasons: { zh: string; ruleId: string }[];
      alternatives: { channel: string; available: boolean; whyNot: { zh: string } }[];
    };
    const body = { customerId: await customerId(SHOWCASE.private.customerNo), intents: ['wealth'] };
    // The VIP room is open but nobody is signed in at it: not offered, and the lobby manager is told why.
    const empty = await json<Decision>(await s.post('/api/triage', body, lobby));
    expect(empty.channel).toBe('counter');
    expect(empty.reasons.find((r) => r.ruleId === 'unavailable:vip')?.zh).toContain('贵宾室暂无人员');
    expect(empty.alternatives.find((a) => a.channel === 'vip')).toMatchObject({
      available: false,
      whyNot: { zh: '贵宾室暂无人员' },
    });
    // The RM of the VIP room signs in.
    await s.login('rm1');
    const res = await s.post('/api/triage', body, lobby);
    expect(res.status).toBe(200);
    const d = await json<Decision>(res);
    expect(d.channel).toBe('vip');
    expect(d.reasons.length).toBeGreaterThan(0);
    expect(d.alternatives.length).toBeGreaterThan(0);
  });

  it('sends a 潜力 customer with a balance query to self-service', async () => {
    const res = await s.post(
      '/api/triage',
      { customerId: await customerId(SHOWCASE.potential.customerNo), intents: ['statement'] },
      lobby,
    );
    expect((await json<{ channel: string }>(res)).channel).toBe('self');
  });

  it('refuses unknown intents and empty intents with 400', async () => {
    expect((await s.post('/api/triage', { customerId: null, intents: ['teleport'] }, lobby)).status).toBe(
      400,
    );
    expect((await s.post('/api/triage', { customerId: null, intents: [] }, lobby)).status).toBe(400);
  });

  it('issues, calls, serves and finishes a ticket; illegal steps are 409', async () => {
    const issued = await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby);
    expect(issued.status).toBe(201);
    const { ticket } = await json<{ ticket: Ticket }>(issued);
    expect(ticket.displayNo).toMatch(/^[A-Z]\d{3}$/);
    expect(ticket.status).toBe('waiting');
    expect(ticket.queue).toBe('individual');

    const bad = await s.post(`/api/tickets/${ticket.id}/events`, { type: 'finish' }, teller);
    expect(bad.status).toBe(409);
    expect((await json<{ error: { zh: string; en: string } }>(bad)).error.zh).toBeTruthy();

    const counters = await counterIds();
    const c1 = counters['1号窗口'] as string;
    const called = await json<{ ticket: Ticket }>(await s.post(`/api/counters/${c1}/call-next`, {}, teller));
    expect(called.ticket?.status).toBe('called');
    const again = await s.post(`/api/counters/${c1}/call-next`, {}, teller);
    expect(again.status).toBe(409);

    const id = called.ticket.id;
    expect((await s.post(`/api/tickets/${id}/events`, { type: 'start', counterId: c1 }, teller)).status).toBe(
      200,
    );
    const done = await s.post(
      `/api/tickets/${id}/events`,
      { type: 'finish', counterId: c1, payload: { servicesDone: ['account_open'] } },
      teller,
    );
    expect((await json<Ticket>(done)).status).toBe('done');
    expect((await s.post(`/api/tickets/${id}/events`, { type: 'call', counterId: c1 }, teller)).status).toBe(
      409,
    );
  });

  it('lists a parked visit beside the one in front of the counter, so a reloaded screen keeps both', async () => {
    const teller2 = await s.login('teller2');
    const c2 = (await counterIds())['2号窗口'] as string;
    for (let i = 0; i < 2; i++)
      await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby);
    const first = await json<{ ticket: Ticket }>(await s.post(`/api/counters/${c2}/call-next`, {}, teller2));
    await s.post(`/api/tickets/${first.ticket.id}/events`, { type: 'start', counterId: c2 }, teller2);
    const hold = await s.post(
      `/api/tickets/${first.ticket.id}/events`,
      { type: 'hold', counterId: c2 },
      teller2,
    );
    expect(hold.status).toBe(200);
    const second = await json<{ ticket: Ticket }>(await s.post(`/api/counters/${c2}/call-next`, {}, teller2));
    expect(second.ticket.id).not.toBe(first.ticket.id);

    const snap = await json<{ counters: { id: string; current: Ticket | null; held: Ticket[] }[] }>(
      await s.get('/api/queues', teller2),
    );
    const here = snap.counters.find((c) => c.id === c2);
    expect(here?.current?.id).toBe(second.ticket.id);
    expect(here?.held.map((t) => t.id)).toEqual([first.ticket.id]);
  });

  it('records an override with its reason as a ticket event and an audit row', async () => {
    const cid = await customerId(SHOWCASE.potential.customerNo);
    const res = await s.post(
      '/api/tickets',
      {
        customerId: cid,
        intents: ['statement'],
        override: { channel: 'counter', reason: '客户不会用自助机' },
      },
      lobby,
    );
    expect(res.status).toBe(201);
    const { ticket, decision } = await json<{
      ticket: Ticket & { channel: string };
      decision: { channel: string };
    }>(res);
    expect(decision.channel).toBe('self');
    expect(ticket.queue).toBe('individual');
    const events = await json<{ events: { type: string; payload: { reason?: string } }[] }>(
      await s.get(`/api/tickets/${ticket.id}/events`, lobby),
    );
    expect(events.events.map((e) => e.type)).toEqual(['issue', 'override']);
    expect(events.events[1]?.payload.reason).toBe('客户不会用自助机');
    const audit = s.store.sqlite
      .prepare(`SELECT reason FROM audit_log WHERE action='triage.override' AND target_id=?`)
      .get(ticket.id) as { reason: string };
    expect(audit.reason).toBe('客户不会用自助机');
  });

  it('requires a reason to override', async () => {
    const res = await s.post(
      '/api/tickets',
      { customerId: null, intents: ['cash'], override: { channel: 'vip', reason: '' } },
      lobby,
    );
    expect(res.status).toBe(400);
  });

  it('keeps the display free of customer data', async () => {
    const res = await s.get('/api/display');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SHOWCASE.private.customerNo);
    expect(text).not.toMatch(/customerId/);
  });
});

describe('concurrency and event sourcing', () => {
  it('8 counters calling at once never call the same ticket twice', async () => {
    const now = Date.now();
    const repo = new CounterRepo(s.store);
    const branchId = repo.branchId();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push(
        repo.insert(
          {
            branchId,
            number: 100 + i,
            name: `压测${i}`,
            channel: 'counter',
            queues: ['individual'],
            corporateOnly: false,
            open: true,
            staffState: 'serving',
          },
          now,
        ),
      );
    }
    const issued = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const r = await json<{ ticket: Ticket }>(
        await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby),
      );
      issued.add(r.ticket.id);
    }
    const calledBy = new Map<string, string>();
    // The lobby manager may act for any counter (a teller only at their own), so one login drives all eight.
    const loop = async (counter: string) => {
      for (;;) {
        const res = await s.post(`/api/counters/${counter}/call-next`, {}, lobby);
        if (res.status !== 200) throw new Error(`call-next ${res.status}: ${await res.text()}`);
        const { ticket } = await json<{ ticket: Ticket | null }>(res);
        if (!ticket) return;
        expect(calledBy.has(ticket.id)).toBe(false);
        calledBy.set(ticket.id, counter);
        const fin = await s.post(
          `/api/tickets/${ticket.id}/events`,
          { type: 'no_show', counterId: counter },
          lobby,
        );
        expect(fin.status).toBe(200);
      }
    };
    await Promise.all(ids.map(loop));
    for (const id of issued) expect(calledBy.has(id)).toBe(true);
  });

  it('rebuilding every ticket from its events gives the stored rows', () => {
    const events = s.ctx.queue.tickets.events();
    const rebuilt = rebuild(events);
    const stored = s.ctx.queue.tickets.allStates();
    expect(stored.length).toBeGreaterThan(40);
    expect(rebuilt.size).toBe(stored.length);
    for (const t of stored) expect(rebuilt.get(t.id)).toEqual(t);
  });
});
