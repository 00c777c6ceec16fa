import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ImportJobView } from '@shared/import/types';
import type {
  ContactView,
  OutreachFigures,
  OutreachList,
  OwnerAlert,
  OwnerPanel,
} from '@shared/api/outreach';
import type { IssueResult, TicketView } from '@shared/api/queue';
import { branchDay } from '@shared/queue';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { csv } from '../support/import';
import { startTestServer, type TestServer } from './harness';

/** Step 14 (客户经营) over the real server: the churn list from an import, owner alerts, contacts, lobby marks. */
let s: TestServer;
let manager = '';
let rm = '';
let lobby = '';
let teller = '';

const DAY = 86_400_000;
const TZ = 'Asia/Shanghai';

async function json<T>(r: Response, status = 200): Promise<T> {
  const body = await r.text();
  expect(r.status, body).toBe(status);
  return JSON.parse(body) as T;
}

function send(method: string, path: string, body: unknown, token: string): Promise<Response> {
  return fetch(s.url + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(await s.get(`/api/customers/lookup?q=${no}`, lobby));
  return r.customers[0]?.id as string;
}

async function importFile(kind: string, text: string): Promise<ImportJobView> {
  const res = await fetch(`${s.url}/api/import/jobs?kind=${kind}&fileName=${kind}.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/octet-stream' },
    body: text,
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as ImportJobView;
  for (let i = 0; i < 400; i++) {
    const job = await json<ImportJobView>(await s.get(`/api/import/jobs/${id}`, manager));
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

beforeAll(async () => {
  s = await startTestServer();
  manager = await s.login('manager1');
  rm = await s.login('rm1');
  lobby = await s.login('lobby1');
  teller = await s.login('teller1');
});
afterAll(async () => {
  await s.stop();
});

describe('outreach lists', () => {
  it("an import that drops a customer's AUM by 40% puts them on tomorrow's churn list with the reason", async () => {
    const no = 'C900000001';
    const day = (daysAgo: number) => branchDay(Date.now() - daysAgo * DAY, TZ);
    const tomorrow = branchDay(Date.now() + DAY, TZ);
    const imp = (kind: string, rows: (string | number)[][]) => importFile(kind, csv(rows));
    expect(
      (
        await imp('customers', [
          ['客户号', '客户姓名'],
          [no, '流失测试'],
        ])
      ).status,
    ).toBe('applied');
    const balance = (yuan: number, asOf: string) =>
      imp('holdings', [
        ['客户号', '产品类型', '余额', '余额日期'],
        [no, '活期存款', yuan, asOf],
      ]);
    expect((await balance(1_000_000, day(60))).status).toBe('applied');
    const id = await customerId(no);
    const listed = async () =>
      (
        await json<OutreachList>(
          await s.get(`/api/outreach?scope=all&rule=churnRisk&day=${tomorrow}`, manager),
        )
      ).items.find((i) => i.customerId === id);
    expect(await listed()).toBeUndefined();

    expect((await balance(600_000, day(0))).status).toBe('applied');
    const item = await listed();
    expect(item?.hits[0]?.rule).toBe('churnRisk');
    expect(item?.hits[0]?.reason.zh).toBe('金融资产下降40%（¥1,000,000 → ¥600,000，3个月内）');
    expect(item?.hits[0]?.reason.en).toContain('AUM down 40%');
  });
});

describe('owners', () => {
  let privateId = '';

  it('the manager assigns an owner; the profile shows it and the unowned list drops the customer', async () => {
    privateId = await customerId(SHOWCASE.private.customerNo);
    const unowned = async () =>
      (await json<{ customers: { customerId: string }[] }>(await s.get('/api/owners/unowned', manager)))
        .customers;
    expect((await unowned()).some((c) => c.customerId === privateId)).toBe(true);
    const rmId = (await json<{ me: { id: string } }>(await s.get('/api/session', rm))).me.id;
    await json(await s.post('/api/owners', { customerIds: [privateId], ownerId: rmId }, manager));
    const panel = await json<OwnerPanel>(await s.get(`/api/customers/${privateId}/relationship`, teller));
    expect(panel.owner?.owner.name).toBe('客户经理 陈杰');
    expect(panel.valuable).toBe(true);
    expect((await unowned()).some((c) => c.customerId === privateId)).toBe(false);
    // Only the manager assigns.
    expect((await s.post('/api/owners', { customerIds: [privateId], ownerId: rmId }, rm)).status).toBe(403);
  });

  it('an RM is alerted within 1 s when their 私行 customer is identified in the lobby, and takes the ticket', async () => {
    const sock = new WebSocket(`${s.url.replace('http', 'ws')}/api/alerts`, {
      headers: { authorization: `Bearer ${rm}` },
    });
    await new Promise<void>((resolve, reject) => {
      sock.on('open', () => resolve());
      sock.on('error', reject);
    });
    const got = new Promise<{ alert: OwnerAlert; at: number }>((resolve) =>
      sock.on('message', (d: Buffer) =>
        resolve({ alert: JSON.parse(d.toString('utf8')) as OwnerAlert, at: Date.now() }),
      ),
    );
    const sent = Date.now();
    const issued = await json<IssueResult>(
      await s.post('/api/tickets', { customerId: privateId, intents: ['wealth'] }, lobby),
      201,
    );
    const { alert, at } = await got;
    sock.close();
    expect(at - sent).toBeLessThan(1000);
    expect(alert).toMatchObject({
      type: 'owner_alert',
      role: 'owner',
      services: ['wealth'],
      ticket: { id: issued.ticket.id, displayNo: issued.ticket.displayNo },
      customer: { id: privateId, tier: 'private' },
    });
    const arrivals = await json<{ arrivals: { ticket: { id: string } }[] }>(
      await s.get('/api/book/arrivals', rm),
    );
    expect(arrivals.arrivals.map((a) => a.ticket.id)).toContain(issued.ticket.id);
    // Another RM's customer cannot be taken; the owner takes theirs to their own desk.
    expect((await s.post(`/api/tickets/${issued.ticket.id}/take`, {}, teller)).status).toBe(403);
    const taken = await json<TicketView>(await s.post(`/api/tickets/${issued.ticket.id}/take`, {}, rm));
    expect(taken.status).toBe('called');
    expect(taken.counterName).toBeTruthy();
  });

  it('the alert socket refuses a caller without a staff session', async () => {
    const status = await new Promise<number>((resolve) => {
      const sock = new WebSocket(`${s.url.replace('http', 'ws')}/api/alerts`);
      sock.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      sock.on('open', () => resolve(101));
      sock.on('error', () => resolve(-1));
    });
    expect(status).toBe(401);
  });
});

describe('contacts', () => {
  it('logs a churn contact with its reason, masks the note, and refuses a second caller the same day', async () => {
    const id = await customerId('C900000001');
    const base = { channel: 'phone', result: 'reached', rule: 'churnRisk' };
    expect((await s.post(`/api/customers/${id}/contacts`, base, rm)).status).toBe(400);
    const c = await json<ContactView>(
      await s.post(
        `/api/customers/${id}/contacts`,
        {
          ...base,
          churnReason: 'rate',
          note: '客户手机13858106688，嫌利率低',
          nextStep: '下周约面谈',
          nextAt: Date.now() + 7 * DAY,
        },
        rm,
      ),
      201,
    );
    expect(c.note).not.toContain('13858106688');
    expect(c.reason).toMatch(/^金融资产下降40%/);
    const mgr = await s.post(
      `/api/customers/${id}/contacts`,
      { channel: 'phone', result: 'no_answer' },
      manager,
    );
    expect(mgr.status).toBe(409);
    expect(((await mgr.json()) as { error: { code: string } }).error.code).toBe('contacted_today');

    // Off the churn list now (its cooldown), and the figures count it.
    const list = await json<OutreachList>(await s.get('/api/outreach?scope=all&rule=churnRisk', manager));
    expect(list.items.some((i) => i.customerId === id)).toBe(false);
    const f = await json<OutreachFigures>(await s.get('/api/outreach/figures', manager));
    expect(f.contacts).toBeGreaterThanOrEqual(1);
    expect(f.churnReasons.rate).toBe(1);
    expect(f.reachedPct).toBe(100);
    expect(f.byResult.reached).toBe(f.reached);
    // Today's lists, done versus due: the contact is done on the churn list, and rm1's row shows it.
    expect(f.today.byRule.churnRisk?.done).toBeGreaterThanOrEqual(1);
    expect(f.today.due).toBe(f.today.open + f.today.done);
    const mine = f.byStaff.find((r) => r.staffId === c.staff.id);
    expect(mine).toMatchObject({ name: c.staff.name, contacts: 1, reached: 1, reachedPct: 100 });
    expect(mine?.done).toBe(1);
    // An RM sees their own row only.
    const own = await json<OutreachFigures>(await s.get('/api/outreach/figures', rm));
    expect(own.byStaff.every((r) => r.staffId === c.staff.id || r.staffId === null)).toBe(true);
  });

  it('respects do-not-contact', async () => {
    const id = await customerId(SHOWCASE.elderly.customerNo);
    await json(await send('PUT', `/api/customers/${id}/marks`, { doNotContact: true }, manager));
    const r = await s.post(`/api/customers/${id}/contacts`, { channel: 'phone', result: 'reached' }, rm);
    expect(r.status).toBe(409);
    const list = await json<OutreachList>(await s.get('/api/outreach?scope=all', manager));
    expect(list.items.some((i) => i.customerId === id)).toBe(false);
  });
});

describe("the lobby's judgement at the counter", () => {
  it('a high-risk visit carries 严格审核 to the called ticket, from the lobby flag or the profile mark', async () => {
    const flagged = await json<IssueResult>(
      await s.post('/api/tickets', { customerId: null, intents: ['cash'], flags: { highRisk: true } }, lobby),
      201,
    );
    const view = await json<TicketView>(await s.get(`/api/tickets/${flagged.ticket.id}`, teller));
    expect(view.marks).toMatchObject({ review: true, highRisk: true });
    expect(view.marks?.reviewReason?.zh).toContain('严格审核');

    const id = await customerId(SHOWCASE.effective.customerNo);
    await json(await send('PUT', `/api/customers/${id}/marks`, { highRisk: true }, manager));
    const fromProfile = await json<IssueResult>(
      await s.post('/api/tickets', { customerId: id, intents: ['cash'] }, lobby),
      201,
    );
    expect(fromProfile.decision.review).toBe(true);
    expect(fromProfile.ticket.marks?.review).toBe(true);

    const plain = await json<IssueResult>(
      await s.post('/api/tickets', { customerId: null, intents: ['cash'] }, lobby),
      201,
    );
    expect(plain.ticket.marks?.review ?? false).toBe(false);
  });
});
