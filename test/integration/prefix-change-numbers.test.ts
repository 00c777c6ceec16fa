import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

// A queue's prefix changed in the settings during the day: its numbers go on (a ticket number is unique per day
// and queue, whatever it was printed with), so the next ticket is issued, not refused by the database; and back
// again after a rollback. Found by the Step 16 e2e (queues & prefixes form): the second ticket was a 500.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
});

interface Settings {
  version: number;
  config: { queue: { queues: { key: string; prefix: string }[] } };
}

async function withPrefix(token: string, queue: string, prefix: string): Promise<void> {
  const cur = (await (await s.get('/api/settings', token)).json()) as Settings;
  const config = structuredClone(cur.config);
  const q = config.queue.queues.find((x) => x.key === queue);
  if (!q) throw new Error(`no queue ${queue}`);
  q.prefix = prefix;
  const r = await fetch(`${s.url}/api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ config, note: `前缀改为 ${prefix}` }),
  });
  expect(r.status, await r.text()).toBe(200);
}

async function issue(token: string): Promise<string> {
  const r = await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, token);
  expect(r.status, await r.clone().text()).toBe(201);
  return ((await r.json()) as { ticket: { displayNo: string } }).ticket.displayNo;
}

it('numbers go on through a prefix change and its rollback: A001, K002, K003, A004', async () => {
  const manager = await s.login('manager1');
  const lobby = await s.login('lobby1');
  expect(await issue(lobby)).toBe('A001');
  await withPrefix(manager, 'individual', 'K');
  expect(await issue(lobby)).toBe('K002');
  expect(await issue(lobby)).toBe('K003');
  await withPrefix(manager, 'individual', 'A');
  expect(await issue(lobby)).toBe('A004');
});

it('a prefix another queue printed today does not repeat its numbers', async () => {
  const manager = await s.login('manager1');
  const lobby = await s.login('lobby1');
  // The corporate queue prints B001–B005; then it takes C and the individual queue (at 004 above) takes B: its
  // next number is past B005, not a second B005.
  for (let n = 1; n <= 5; n++) {
    const r = await s.post(
      '/api/tickets',
      { customerId: null, intents: ['account_open'], override: { channel: 'corporate', reason: '企业开户' } },
      lobby,
    );
    expect(((await r.json()) as { ticket: { displayNo: string } }).ticket.displayNo).toBe(`B00${n}`);
  }
  await withPrefix(manager, 'corporate', 'C');
  await withPrefix(manager, 'individual', 'B');
  expect(await issue(lobby)).toBe('B006');
});
