import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerProfile } from '@shared/api/types';
import type { AssigneeView, CustomerActivity, FollowUpView, VipToday } from '@shared/api/visit';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

/** What the counter, VIP room and follow-up screens read, beyond the basics in visit-api.test.ts. */

const DAY = 86_400_000;
let clock = Date.UTC(2026, 2, 10, 2, 0, 0);
let s: TestServer;
let teller: string;
let rm: string;
let lobby: string;
let manager: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(await s.get(`/api/customers/lookup?q=${no}`, teller));
  return r.customers[0]?.id as string;
}
const interested = (id: string, productCode: string, token: string) =>
  s.post('/api/outcomes', { customerId: id, productCode, outcome: 'interested' }, token);

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  teller = await s.login('teller1');
  rm = await s.login('rm1');
  lobby = await s.login('lobby1');
  manager = await s.login('manager1');
});
afterAll(async () => {
  await s.stop();
});

describe('names for the screens', () => {
  it('gives outcomes and follow-ups the catalogue’s product name and the staff member’s name', async () => {
    const id = await customerId(SHOWCASE.elderly.customerNo);
    expect((await interested(id, 'TD_STANDARD', teller)).status).toBe(201);
    expect((await interested(id, 'NOT_IN_CATALOGUE', teller)).status).toBe(201);
    const act = await json<CustomerActivity>(await s.get(`/api/customers/${id}/activity`, teller));
    const known = act.outcomes.find((o) => o.productCode === 'TD_STANDARD');
    expect(known?.productName).toEqual({ zh: '整存整取定期存款', en: 'Fixed-term time deposit' });
    expect(known?.staffName).toBe('柜员 张敏');
    expect(act.outcomes.find((o) => o.productCode === 'NOT_IN_CATALOGUE')?.productName).toBeNull();
    expect(act.followUps.find((f) => f.productCode === 'TD_STANDARD')?.productName?.zh).toBe(
      '整存整取定期存款',
    );
  });

  it('names who recorded a complaint', async () => {
    const id = await customerId(SHOWCASE.merchant.customerNo);
    const res = await s.post(
      '/api/complaints',
      { customerId: id, category: 'fees', description: '转账手续费未提前告知' },
      teller,
    );
    expect(res.status).toBe(201);
    const act = await json<CustomerActivity>(await s.get(`/api/customers/${id}/activity`, teller));
    expect(act.complaints[0]?.createdByName).toBe('柜员 张敏');
  });
});

describe('follow-up lists', () => {
  it('shows front-line staff their own list and managers everyone’s', async () => {
    const id = await customerId(SHOWCASE.private.customerNo);
    expect((await interested(id, 'TRUST_FAMILY', rm)).status).toBe(201);
    const list = async (token: string, qs = '') =>
      (await json<{ followUps: FollowUpView[] }>(await s.get(`/api/follow-ups${qs}`, token))).followUps;
    const tellerAll = await list(teller, '?mine=0');
    expect(tellerAll.length).toBeGreaterThan(0);
    expect(tellerAll.every((f) => f.assigneeName === '柜员 张敏')).toBe(true);
    const everyone = await list(manager, '?mine=0');
    expect(new Set(everyone.map((f) => f.assigneeName))).toEqual(new Set(['柜员 张敏', '客户经理 陈杰']));
    expect(await list(manager)).toEqual([]);
  });

  it('lists the staff a follow-up can be given to', async () => {
    const res = await s.get('/api/follow-ups/assignees', teller);
    expect(res.status).toBe(200);
    const { assignees } = await json<{ assignees: AssigneeView[] }>(res);
    const names = assignees.map((a) => a.displayName);
    expect(names).toContain('客户经理 陈杰');
    expect(names).toContain('柜员 张敏');
    expect(assignees.some((a) => a.role === 'admin' || a.role === 'display')).toBe(false);
  });

  it('assigns an interested outcome to a colleague', async () => {
    const id = await customerId(SHOWCASE.effective.customerNo);
    const { assignees } = await json<{ assignees: AssigneeView[] }>(
      await s.get('/api/follow-ups/assignees', teller),
    );
    const rmId = assignees.find((a) => a.displayName === '客户经理 陈杰')?.id;
    const dueAt = clock + 3 * DAY;
    const res = await s.post(
      '/api/outcomes',
      {
        customerId: id,
        productCode: 'WM_7DAY',
        outcome: 'interested',
        followUp: { dueAt, assigneeId: rmId },
      },
      teller,
    );
    expect(res.status).toBe(201);
    const rmList = (await json<{ followUps: FollowUpView[] }>(await s.get('/api/follow-ups', rm))).followUps;
    expect(rmList.find((f) => f.productCode === 'WM_7DAY')).toMatchObject({ dueAt, customerId: id });
  });
});

describe('VIP room today', () => {
  it('lists today’s VIP tickets with the customer and the linked enterprise', async () => {
    const priv = await customerId(SHOWCASE.private.customerNo);
    const issue = async (customerId: string, intents: string[]) =>
      json<{ ticket: { id: string; queue: string } }>(
        await s.post('/api/tickets', { customerId, intents, flags: {} }, lobby),
      );
    const vip = await issue(priv, ['wealth']);
    expect(vip.ticket.queue).toBe('vip');
    const other = await issue(await customerId(SHOWCASE.potential.customerNo), ['account_open']);
    expect(other.ticket.queue).not.toBe('vip');

    const res = await s.get('/api/vip/today', rm);
    expect(res.status).toBe(200);
    const today = await json<VipToday>(res);
    const row = today.tickets.find((t) => t.ticket.id === vip.ticket.id);
    expect(row?.customer).toMatchObject({
      name: SHOWCASE.private.name,
      linkedName: '杭州恒达贸易有限公司',
      tier: { tier: 'private' },
    });
    expect(row?.services).toEqual(['wealth']);
    expect(today.tickets.some((t) => t.ticket.id === other.ticket.id)).toBe(false);
    expect((await s.get('/api/vip/today', teller)).status).toBe(403);
  });
});

describe('profile lifecycle', () => {
  it('is derived from visit and transaction dates at read time', async () => {
    const id = await customerId(SHOWCASE.rural.customerNo);
    const before = await json<CustomerProfile>(await s.get(`/api/customers/${id}`, teller));
    expect(before.lifecycle).toBe('low_frequency');
    clock += 3 * 365 * DAY;
    const fresh = await s.login('teller1');
    const after = await json<CustomerProfile>(await s.get(`/api/customers/${id}`, fresh));
    expect(after.lifecycle).toBe('churned');
  });
});
