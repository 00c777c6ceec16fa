import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesConfig } from '@shared/config/schema';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

// The branch may require a suggestion outcome before a visit closes (visit.requireOutcome); a customer for whom
// nothing is suitable must still be served to the end.
let s: TestServer;
let manager: string;
let lobby: string;
let teller: string;
let counterId: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

async function saveRules(change: (c: RulesConfig) => void): Promise<void> {
  const current = await json<{ config: RulesConfig }>(await s.get('/api/settings', manager));
  change(current.config);
  const res = await fetch(`${s.url}/api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
    body: JSON.stringify({ config: current.config, note: 'outcome rule test' }),
  });
  expect(res.status).toBe(200);
}

async function serve(customerNo: string): Promise<{ ticketId: string; customerId: string }> {
  const found = await json<{ customers: { id: string }[] }>(
    await s.get(`/api/customers/lookup?q=${customerNo}`, lobby),
  );
  const customerId = found.customers[0]?.id as string;
  const issued = await s.post('/api/tickets', { customerId, intents: ['account_open'] }, lobby);
  expect(issued.status).toBe(201);
  const called = await json<{ ticket: { id: string } | null }>(
    await s.post(`/api/counters/${counterId}/call-next`, {}, teller),
  );
  const ticketId = called.ticket?.id as string;
  expect((await s.post(`/api/tickets/${ticketId}/events`, { type: 'start', counterId }, teller)).status).toBe(
    200,
  );
  return { ticketId, customerId };
}

const finish = (ticketId: string) =>
  s.post(
    `/api/tickets/${ticketId}/events`,
    { type: 'finish', counterId, payload: { servicesDone: ['account_open'] } },
    teller,
  );

beforeAll(async () => {
  s = await startTestServer();
  manager = await s.login('manager1');
  lobby = await s.login('lobby1');
  teller = await s.login('teller1');
  const counters = await json<{ counters: { id: string; name: string }[] }>(
    await s.get('/api/counters', teller),
  );
  counterId = counters.counters.find((c) => c.name === '1号窗口')?.id as string;
  await saveRules((c) => {
    c.visit.requireOutcome = true;
  });
});
afterAll(async () => {
  await s.stop();
});

describe('outcome required before a visit closes', () => {
  it('refuses to finish until an outcome is recorded, then finishes', async () => {
    const { ticketId, customerId } = await serve(SHOWCASE.effective.customerNo);
    const suggestions = await json<{ items: { productCode: string }[] }>(
      await s.get(`/api/customers/${customerId}/suggestions`, teller),
    );
    expect(suggestions.items.length).toBeGreaterThan(0);

    const refused = await finish(ticketId);
    expect(refused.status).toBe(409);
    expect((await json<{ error: { code: string } }>(refused)).error.code).toBe('outcome_required');

    const recorded = await s.post(
      '/api/outcomes',
      { customerId, ticketId, productCode: suggestions.items[0]?.productCode, outcome: 'accepted' },
      teller,
    );
    expect(recorded.status).toBeLessThan(300);
    expect((await finish(ticketId)).status).toBe(200);
  });

  it('lets a visit close when nothing was suitable to offer', async () => {
    await saveRules((c) => {
      for (const p of c.suggest.products) p.kinds = ['corporate'];
    });
    const { ticketId, customerId } = await serve(SHOWCASE.effective.customerNo);
    const suggestions = await json<{ items: unknown[] }>(
      await s.get(`/api/customers/${customerId}/suggestions`, teller),
    );
    expect(suggestions.items).toEqual([]);
    expect((await finish(ticketId)).status).toBe(200);
  });
});
