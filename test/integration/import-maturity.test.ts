import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutreachList } from '@shared/api/outreach';
import type { ImportJobView } from '@shared/import/types';
import { branchDay } from '@shared/queue';
import { csv } from '../support/import';
import { startTestServer, type TestServer } from './harness';

/** Step 14: the balance import's maturity column (到期日) feeds the outreach maturity list. */
let s: TestServer;
let manager = '';
let lobby = '';

const DAY = 86_400_000;
const TZ = 'Asia/Shanghai';

async function json<T>(r: Response, status = 200): Promise<T> {
  const body = await r.text();
  expect(r.status, body).toBe(status);
  return JSON.parse(body) as T;
}

async function importFile(kind: string, rows: (string | number)[][]): Promise<ImportJobView> {
  const res = await fetch(`${s.url}/api/import/jobs?kind=${kind}&fileName=${kind}.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/octet-stream' },
    body: csv(rows),
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

async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(await s.get(`/api/customers/lookup?q=${no}`, lobby));
  return r.customers[0]?.id as string;
}

async function maturityList(): Promise<OutreachList['items']> {
  const today = branchDay(Date.now(), TZ);
  return (
    await json<OutreachList>(await s.get(`/api/outreach?scope=all&rule=maturity&day=${today}`, manager))
  ).items;
}

beforeAll(async () => {
  s = await startTestServer();
  manager = await s.login('manager1');
  lobby = await s.login('lobby1');
  const job = await importFile('customers', [
    ['客户号', '客户姓名'],
    ['C940000001', '到期测试'],
    ['C940000002', '到期测试二'],
  ]);
  expect(job.status, JSON.stringify(job.issues)).toBe('applied');
});
afterAll(async () => {
  await s.stop();
});

describe('maturity date in the balance import', () => {
  it('a time deposit maturing in 10 days puts the customer on the maturity list with the date', async () => {
    const today = branchDay(Date.now(), TZ);
    const due = branchDay(Date.now() + 10 * DAY, TZ);
    const far = branchDay(Date.now() + 90 * DAY, TZ);
    const job = await importFile('holdings', [
      ['客户号', '产品类型', '余额', '余额日期', '到期日'],
      ['C940000001', '定期存款', 200_000, today, due],
      ['C940000001', '活期存款', 5_000, today, ''],
      ['C940000002', '理财', 300_000, today, far],
    ]);
    expect(job.status, JSON.stringify(job.issues)).toBe('applied');
    const id1 = await customerId('C940000001');
    const id2 = await customerId('C940000002');
    const items = await maturityList();
    const hit = items.find((i) => i.customerId === id1)?.hits.find((h) => h.rule === 'maturity');
    expect(hit?.reason.zh).toBe(`time_deposit（¥200,000）${due} 到期`);
    expect(hit?.reason.en).toContain(`matures ${due}`);
    // 90 days ahead is beyond the rule's window.
    expect(items.some((i) => i.customerId === id2)).toBe(false);
  });

  it('a bad maturity date rejects the whole file and reports the row; nothing is written', async () => {
    const today = branchDay(Date.now(), TZ);
    const soon = branchDay(Date.now() + 5 * DAY, TZ);
    const job = await importFile('holdings', [
      ['customer_no', 'product_type', 'balance', 'as_of', 'maturity_date'],
      ['C940000002', '理财', 300_000, today, soon],
      ['C940000001', '定期存款', 200_000, today, '2026-13-40'],
    ]);
    expect(job.status).toBe('rejected');
    expect(job.summary?.rejectedRows).toBe(1);
    expect(job.issues).toHaveLength(1);
    expect(job.issues[0]).toMatchObject({
      line: 3,
      field: 'maturity_date',
      column: 'maturity_date',
      value: '2026-13-40',
    });
    expect(job.issues[0]?.zh).toMatch(/^到期日：/);
    expect(job.issues[0]?.en).toMatch(/^Maturity date: /);
    // All or nothing: the good row's maturity (5 days ahead) did not reach the list.
    const id2 = await customerId('C940000002');
    expect((await maturityList()).some((i) => i.customerId === id2)).toBe(false);
  });
});
