import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveMessage, QueueSnapshot } from '@shared/api/queue';
import { applyLive } from '../../renderer/src/live/apply';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
let lobby: string;
let teller: string;
let clock = Date.UTC(2026, 2, 3, 2, 0, 0);

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const patch = (path: string, body: unknown, token: string) =>
  fetch(s.url + path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  lobby = await s.login('lobby1');
  teller = await s.login('teller1');
});
afterAll(async () => {
  await s.stop();
});

describe('the live feed carries what changed', () => {
  it('a screen that applies the messages to its snapshot shows what a fresh snapshot shows', async () => {
    const heard: LiveMessage[] = [];
    const off = s.ctx.queue.subscribe((m) => heard.push(m));
    let board: QueueSnapshot | null = s.ctx.queue.snapshot(clock);
    const step = () => {
      clock += 1000;
    };
    const counters = await json<{ counters: { id: string; name: string }[] }>(
      await s.get('/api/counters', lobby),
    );
    const c1 = counters.counters.find((c) => c.name === '1号窗口')?.id as string;

    step();
    expect((await patch(`/api/counters/${c1}`, { open: true, staffState: 'serving' }, teller)).status).toBe(
      200,
    );
    const ids: string[] = [];
    for (const intents of [['account_open'], ['account_open'], ['cash']]) {
      step();
      const r = await s.post('/api/tickets', { customerId: null, intents }, lobby);
      expect(r.status).toBe(201);
      ids.push((await json<{ ticket: { id: string } }>(r)).ticket.id);
    }
    step();
    const called = await json<{ ticket: { id: string; displayNo: string } }>(
      await s.post(`/api/counters/${c1}/call-next`, {}, teller),
    );
    step();
    expect(
      (await s.post(`/api/tickets/${called.ticket.id}/events`, { type: 'no_show' }, teller)).status,
    ).toBe(200);
    step();
    const next = await json<{ ticket: { id: string } }>(
      await s.post(`/api/counters/${c1}/call-next`, {}, teller),
    );
    step();
    expect((await s.post(`/api/tickets/${next.ticket.id}/events`, { type: 'start' }, teller)).status).toBe(
      200,
    );
    off();

    const kinds = heard.map((m) => m.type);
    expect(kinds.filter((k) => k === 'call')).toHaveLength(2);
    expect(kinds).toContain('counters');
    const issued = heard.find((m) => m.type === 'ticket' && m.ticket.id === ids[0]);
    // The ticket message names the queue it joined, with its new count, and no customer data.
    expect(issued?.type === 'ticket' && issued.queues.map((q) => q.key)).toEqual(['individual']);
    expect(JSON.stringify(heard)).not.toMatch(/customerId|services/);

    for (const m of heard) board = applyLive(board, m);
    const fresh = s.ctx.queue.snapshot(clock);
    expect(board?.queues).toEqual(fresh.queues);
    expect(board?.counters).toEqual(fresh.counters);
    expect(board?.noShows).toEqual(fresh.noShows);
    expect(board?.recentCalls).toEqual(fresh.recentCalls);
    expect(board?.counters.find((c) => c.id === c1)?.current?.id).toBe(next.ticket.id);
    expect(board?.noShows.map((t) => t.id)).toEqual([called.ticket.id]);
  });
});
