import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

// A transferred ticket keeps its number (A001) in its new queue; that queue's own 001 (B001) must not collide.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
});

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
interface Ticket {
  id: string;
  displayNo: string;
  queue: string;
  status: string;
}

it('transfers A001 into the corporate queue that already holds B001', async () => {
  const lobby = await s.login('lobby1');
  const teller = await s.login('teller1');
  const a = await json<{ ticket: Ticket }>(
    await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby),
  );
  const b = await json<{ ticket: Ticket }>(
    await s.post(
      '/api/tickets',
      { customerId: null, intents: ['account_open'], override: { channel: 'corporate', reason: '企业开户' } },
      lobby,
    ),
  );
  expect(a.ticket.displayNo).toBe('A001');
  expect(b.ticket.displayNo).toBe('B001');

  const counters = await json<{ counters: { id: string; name: string }[] }>(
    await s.get('/api/counters', teller),
  );
  const c1 = counters.counters.find((c) => c.name === '1号窗口')?.id as string;
  const called = await json<{ ticket: Ticket }>(await s.post(`/api/counters/${c1}/call-next`, {}, teller));
  expect(called.ticket.displayNo).toBe('A001');

  const moved = await s.post(
    `/api/tickets/${called.ticket.id}/events`,
    { type: 'transfer', counterId: c1, payload: { toQueue: 'corporate', reason: '需对公窗口办理' } },
    teller,
  );
  expect(moved.status).toBe(200);
  expect((await json<Ticket>(moved)).queue).toBe('corporate');

  const snap = await json<{ queues: { key: string; tickets: Ticket[] }[] }>(
    await s.get('/api/queues', teller),
  );
  const corporate = snap.queues.find((q) => q.key === 'corporate');
  expect(corporate?.tickets.map((t) => t.displayNo).sort()).toEqual(['A001', 'B001']);

  // The next individual ticket is A002, not a reuse of the transferred number.
  const next = await json<{ ticket: Ticket }>(
    await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby),
  );
  expect(next.ticket.displayNo).toBe('A002');
});
