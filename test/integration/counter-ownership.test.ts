import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

/*
 * Step 9, finding 4: a teller (or RM) acts only on their own counter — call-next, ticket events at a counter
 * and open/close. The lobby manager, the branch manager and an admin may act for any counter, audited.
 */

let s: TestServer;
let teller1: string;
let teller2: string;
let rm1: string;
let lobby: string;
let manager: string;
let c: Record<string, string>;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const patch = (path: string, body: unknown, token: string) =>
  fetch(s.url + path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

async function issue(intents: string[]): Promise<string> {
  const res = await s.post('/api/tickets', { customerId: null, intents }, lobby);
  expect(res.status).toBe(201);
  return (await json<{ ticket: { id: string } }>(res)).ticket.id;
}

async function auditRows(action: string): Promise<{ staffId: string | null; targetId: string | null }[]> {
  const res = await s.get(`/api/audit?action=${action}&limit=500`, manager);
  expect(res.status).toBe(200);
  return (await json<{ rows: { staffId: string | null; targetId: string | null }[] }>(res)).rows;
}

async function meId(token: string): Promise<string> {
  return (await json<{ me: { id: string } }>(await s.get('/api/session', token))).me.id;
}

beforeAll(async () => {
  s = await startTestServer({ customers: 10 });
  teller1 = await s.login('teller1');
  teller2 = await s.login('teller2');
  rm1 = await s.login('rm1');
  lobby = await s.login('lobby1');
  manager = await s.login('manager1');
  const r = await json<{ counters: { id: string; number: number }[] }>(await s.get('/api/counters', lobby));
  c = Object.fromEntries(r.counters.map((x) => [String(x.number), x.id]));
  for (const [n, token] of [
    ['1', teller1],
    ['2', teller2],
    ['8', rm1],
  ] as const) {
    expect((await patch(`/api/counters/${c[n]}`, { open: true, staffState: 'serving' }, token)).status).toBe(
      200,
    );
  }
});
afterAll(async () => {
  await s.stop();
});

describe('a teller acts on their own counter only', () => {
  it('refuses call-next for another counter and for the VIP room (403 not_your_counter)', async () => {
    await issue(['account_open']);
    for (const n of ['2', '8']) {
      const res = await s.post(`/api/counters/${c[n]}/call-next`, {}, teller1);
      expect(res.status).toBe(403);
      const body = await json<{ error: { code: string; zh: string; en: string } }>(res);
      expect(body.error.code).toBe('not_your_counter');
      expect(body.error.zh).toBeTruthy();
      expect(body.error.en).toBeTruthy();
    }
  });

  it('refuses a ticket event on a ticket called at another counter, and naming another counter', async () => {
    const called = await json<{ ticket: { id: string } | null }>(
      await s.post(`/api/counters/${c['2']}/call-next`, {}, teller2),
    );
    const id = called.ticket?.id as string;
    expect(id).toBeTruthy();
    for (const type of ['no_show', 'start', 'recall']) {
      const res = await s.post(`/api/tickets/${id}/events`, { type }, teller1);
      expect(res.status).toBe(403);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe('not_your_counter');
    }
    // Bringing a waiting ticket to another counter by naming it is refused too.
    const waiting = await issue(['account_open']);
    const res = await s.post(`/api/tickets/${waiting}/events`, { type: 'call', counterId: c['2'] }, teller1);
    expect(res.status).toBe(403);
    // The ticket called at counter 2 is untouched; its own teller still serves it.
    expect((await s.post(`/api/tickets/${id}/events`, { type: 'no_show' }, teller2)).status).toBe(200);
  });

  it('refuses opening, closing or setting the state of another counter', async () => {
    expect((await patch(`/api/counters/${c['2']}`, { open: false }, teller1)).status).toBe(403);
    expect((await patch(`/api/counters/${c['2']}`, { staffState: 'break' }, rm1)).status).toBe(403);
    const list = await json<{ counters: { id: string; open: boolean }[] }>(
      await s.get('/api/counters', lobby),
    );
    expect(list.counters.find((x) => x.id === c['2'])?.open).toBe(true);
  });

  it('lets a teller call, serve and close their own counter', async () => {
    const id = await issue(['account_open']);
    const res = await s.post(`/api/counters/${c['1']}/call-next`, {}, teller1);
    expect(res.status).toBe(200);
    const t = (await json<{ ticket: { id: string } | null }>(res)).ticket;
    expect(t?.id).toBeTruthy();
    expect((await s.post(`/api/tickets/${t?.id}/events`, { type: 'no_show' }, teller1)).status).toBe(200);
    expect(id).toBeTruthy();
    expect((await patch(`/api/counters/${c['1']}`, { staffState: 'break' }, teller1)).status).toBe(200);
    expect((await patch(`/api/counters/${c['1']}`, { staffState: 'serving' }, teller1)).status).toBe(200);
  });
});

describe('managers act for any counter, audited', () => {
  it('lets the branch manager call next at counter 2 and records counter.act_for', async () => {
    await issue(['account_open']);
    const res = await s.post(`/api/counters/${c['2']}/call-next`, {}, manager);
    expect(res.status).toBe(200);
    const t = (await json<{ ticket: { id: string } | null }>(res)).ticket;
    expect(t).not.toBeNull();
    const mid = await meId(manager);
    const rows = await auditRows('counter.act_for');
    expect(rows.some((r) => r.staffId === mid && r.targetId === c['2'])).toBe(true);
    // A ticket event by the lobby manager at counter 2 is audited as well.
    const before = (await auditRows('counter.act_for')).length;
    expect(
      (await s.post(`/api/tickets/${t?.id}/events`, { type: 'no_show', counterId: c['2'] }, lobby)).status,
    ).toBe(200);
    const after = await auditRows('counter.act_for');
    expect(after.length).toBe(before + 1);
    expect(after.some((r) => r.staffId !== mid && r.targetId === c['2'])).toBe(true);
  });

  it('lets the manager close counter 2, audited', async () => {
    const before = (await auditRows('counter.act_for')).length;
    expect((await patch(`/api/counters/${c['2']}`, { open: false }, manager)).status).toBe(200);
    expect((await auditRows('counter.act_for')).length).toBe(before + 1);
    expect((await patch(`/api/counters/${c['2']}`, { open: true }, teller2)).status).toBe(200);
    // The teller's own change is not an act for someone else.
    expect((await auditRows('counter.act_for')).length).toBe(before + 1);
  });
});
