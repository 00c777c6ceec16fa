import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryReport } from '@shared/api/dashboard';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

// An undone outcome no longer counts in the branch's report: not as one more offer, not under its campaign (the
// head office already subtracted it; the branch counted the compensating row as +1 under no campaign).
let s: TestServer;
let teller: string;
let manager: string;
let lobby: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

beforeAll(async () => {
  s = await startTestServer();
  teller = await s.login('teller1');
  manager = await s.login('manager1');
  lobby = await s.login('lobby1');
});
afterAll(async () => {
  await s.stop();
});

async function report(): Promise<HistoryReport> {
  const res = await s.get('/api/reports', manager);
  expect(res.status).toBe(200);
  return json<HistoryReport>(res);
}

describe('undo in the branch report', () => {
  it('takes the outcome back from its product and its campaign', async () => {
    const found = await json<{ customers: { id: string }[] }>(
      await s.get(`/api/customers/lookup?q=${SHOWCASE.effective.customerNo}`, lobby),
    );
    const customerId = found.customers[0]?.id as string;
    // An outcome can be undone only during the visit: the customer is at a counter.
    const counters = await json<{ counters: { id: string; name: string }[] }>(
      await s.get('/api/counters', teller),
    );
    const counterId = counters.counters.find((c) => c.name === '1号窗口')?.id as string;
    expect((await s.post('/api/tickets', { customerId, intents: ['account_open'] }, lobby)).status).toBe(201);
    const called = await json<{ ticket: { id: string } | null }>(
      await s.post(`/api/counters/${counterId}/call-next`, {}, teller),
    );
    const ticketId = called.ticket?.id as string;
    const start = await s.post(`/api/tickets/${ticketId}/events`, { type: 'start', counterId }, teller);
    expect(start.status).toBe(200);
    const product = 'E2E_UNDO_PRODUCT';
    const campaign = 'e2e-undo-campaign';
    const recorded = await s.post(
      '/api/outcomes',
      { customerId, ticketId, productCode: product, outcome: 'accepted', campaignId: campaign },
      teller,
    );
    expect(recorded.status).toBeLessThan(300);
    const { id } = await json<{ id: string }>(recorded);

    const before = await report();
    expect(before.products.find((p) => p.key === product)).toMatchObject({ shown: 1, accepted: 1 });
    expect(before.campaigns.find((c) => c.key === campaign)).toMatchObject({ shown: 1, accepted: 1 });

    expect((await s.post(`/api/outcomes/${id}/undo`, {}, teller)).status).toBeLessThan(300);
    const after = await report();
    expect(after.products.find((p) => p.key === product)).toBeUndefined();
    expect(after.campaigns.find((c) => c.key === campaign)).toBeUndefined();
    expect(after.campaigns.find((c) => c.key === '')?.shown ?? 0).toBe(
      before.campaigns.find((c) => c.key === '')?.shown ?? 0,
    );
  });
});
