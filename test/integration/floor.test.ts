import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '@shared/api/audit';
import type { FloorView, LiveTicketList } from '@shared/api/floor';
import type { IssueResult, TicketView } from '@shared/api/queue';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

// One customer, one live ticket (issue 14 item 2) and the lobby's floor acts (item 3), through the real server.
let s: TestServer;
let lobby: string;
let teller: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(await s.get(`/api/customers/lookup?q=${no}`, lobby));
  return r.customers[0]?.id as string;
}

beforeAll(async () => {
  s = await startTestServer();
  lobby = await s.login('lobby1');
  teller = await s.login('teller1');
});
afterAll(async () => {
  await s.stop();
});

describe('one customer, one live ticket', () => {
  it('refuses a second live ticket without a reason (bilingual 409), allows it with one, audited', async () => {
    const id = await customerId(SHOWCASE.effective.customerNo);
    const first = await s.post('/api/tickets', { customerId: id, intents: ['cash'] }, lobby);
    expect(first.status).toBe(201);
    const ticket = (await json<IssueResult>(first)).ticket;

    const held = await json<LiveTicketList>(await s.get(`/api/floor/customers/${id}`, lobby));
    expect(held.tickets.map((t) => t.displayNo)).toEqual([ticket.displayNo]);

    const again = await s.post('/api/tickets', { customerId: id, intents: ['wealth'] }, lobby);
    expect(again.status).toBe(409);
    const err = (await json<{ error: { code: string; zh: string; en: string } }>(again)).error;
    expect(err.code).toBe('live_ticket_exists');
    expect(err.zh).toContain(ticket.displayNo);
    expect(err.en).toContain(ticket.displayNo);

    const second = await s.post(
      '/api/tickets',
      { customerId: id, intents: ['wealth'], secondReason: '个人与公司业务分开办理' },
      lobby,
    );
    expect(second.status).toBe(201);
    const audit = await json<AuditPage>(
      await s.get('/api/audit?action=ticket.second', await s.login('manager1')),
    );
    expect(audit.rows.some((r) => r.reason === '个人与公司业务分开办理')).toBe(true);
  });

  it('changes a waiting ticket’s services in place: same number, same arrival, new queue', async () => {
    const id = await customerId(SHOWCASE.potential.customerNo);
    const issued = (
      await json<IssueResult>(await s.post('/api/tickets', { customerId: id, intents: ['statement'] }, lobby))
    ).ticket;
    expect(issued.queue).toBe('self');
    const res = await s.post(
      `/api/floor/tickets/${issued.id}/services`,
      { intents: ['account_open'] },
      lobby,
    );
    expect(res.status).toBe(200);
    const changed = (await json<IssueResult>(res)).ticket;
    expect(changed).toMatchObject({
      id: issued.id,
      displayNo: issued.displayNo,
      arrivedAt: issued.arrivedAt,
    });
    expect(changed.queue).toBe('individual');
    expect(changed.services).toEqual(['account_open']);
  });
});

describe('the floor', () => {
  it('lists the longest wait first and lets the lobby close a self-service ticket', async () => {
    const walkIn = (intents: string[]) =>
      s.post('/api/tickets', { customerId: null, intents }, lobby).then((r) => json<IssueResult>(r));
    const self = (await walkIn(['statement'])).ticket;
    expect(self.queue).toBe('self');
    const floor = await json<FloorView>(await s.get('/api/floor', lobby));
    const row = floor.tickets.find((t) => t.id === self.id);
    expect(row).toMatchObject({ selfService: true, customer: null, status: 'waiting' });
    const waiting = floor.tickets.filter((t) => t.status === 'waiting');
    expect(waiting.map((t) => t.arrivedAt)).toEqual(
      [...waiting.map((t) => t.arrivedAt)].sort((a, b) => a - b),
    );

    const served = await s.post(`/api/floor/tickets/${self.id}/self-served`, {}, lobby);
    expect(served.status).toBe(200);
    expect((await json<TicketView>(served)).status).toBe('done');
    const after = await json<FloorView>(await s.get('/api/floor', lobby));
    expect(after.tickets.some((t) => t.id === self.id)).toBe(false);

    const counterTicket = (await walkIn(['account_open'])).ticket;
    const refused = await s.post(`/api/floor/tickets/${counterTicket.id}/self-served`, {}, lobby);
    expect(refused.status).toBe(409);
  });

  it('moves and cancels with a reason, and a teller may not use the floor', async () => {
    const t = (
      await json<IssueResult>(await s.post('/api/tickets', { customerId: null, intents: ['loan'] }, lobby))
    ).ticket;
    const moved = await s.post(
      `/api/floor/tickets/${t.id}/move`,
      { toQueue: 'vip', reason: '贵宾室空闲' },
      lobby,
    );
    expect(moved.status).toBe(200);
    expect((await json<TicketView>(moved)).queue).toBe('vip');
    expect((await s.post(`/api/floor/tickets/${t.id}/cancel`, { reason: '' }, lobby)).status).toBe(400);
    const cancelled = await s.post(`/api/floor/tickets/${t.id}/cancel`, { reason: '客户离开' }, lobby);
    expect((await json<TicketView>(cancelled)).status).toBe('cancelled');
    expect((await s.get('/api/floor', teller)).status).toBe(403);
  });
});
