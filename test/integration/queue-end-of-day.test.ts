import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
let lobby: string;
let teller: string;
let teller2: string;
let manager: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
interface Ticket {
  id: string;
  status: string;
}

beforeAll(async () => {
  s = await startTestServer();
  lobby = await s.login('lobby1');
  teller = await s.login('teller1');
  teller2 = await s.login('teller2');
  manager = await s.login('manager1');
});
afterAll(async () => {
  await s.stop();
});

async function issue(): Promise<string> {
  const r = await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby);
  expect(r.status).toBe(201);
  return (await json<{ ticket: Ticket }>(r)).ticket.id;
}

/** A step at a counter, by the teller of that counter (a teller acts only at their own). */
async function step(id: string, type: string, counterId: string, token = teller): Promise<void> {
  const r = await s.post(`/api/tickets/${id}/events`, { type, counterId }, token);
  expect(r.status, `${type} ${await r.clone().text()}`).toBe(200);
}

async function status(id: string): Promise<string> {
  return (await json<Ticket>(await s.get(`/api/tickets/${id}`, lobby))).status;
}

describe('end of day', () => {
  it('cancels what is waiting, called, held or a no-show, and keeps the visit being served', async () => {
    const list = await json<{ counters: { id: string; name: string }[] }>(
      await s.get('/api/counters', lobby),
    );
    const byName = Object.fromEntries(list.counters.map((c) => [c.name, c.id]));
    const c1 = byName['1号窗口'] as string;
    const c2 = byName['2号窗口'] as string;
    const held = await issue();
    const called = await issue();
    const serving = await issue();
    const noShow = await issue();
    const waiting = await issue();
    await step(held, 'call', c1);
    await step(held, 'start', c1);
    await step(held, 'hold', c1);
    await step(called, 'call', c1);
    await step(noShow, 'call', c2, teller2);
    await step(noShow, 'no_show', c2, teller2);
    await step(serving, 'call', c2, teller2);
    await step(serving, 'start', c2, teller2);

    const r = await s.post('/api/queues/end-of-day', {}, manager);
    expect(r.status).toBe(200);
    expect((await json<{ cancelled: number }>(r)).cancelled).toBeGreaterThanOrEqual(4);

    expect(await status(held)).toBe('cancelled');
    expect(await status(called)).toBe('cancelled');
    expect(await status(noShow)).toBe('cancelled');
    expect(await status(waiting)).toBe('cancelled');
    expect(await status(serving)).toBe('serving');
    const events = await json<{ events: { type: string; payload: { reason?: string } }[] }>(
      await s.get(`/api/tickets/${waiting}/events`, lobby),
    );
    expect(events.events.at(-1)).toMatchObject({
      type: 'cancel',
      payload: { reason: '日终清理 / end of day' },
    });
  });
});
