import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BookList, OwnerPanel } from '@shared/api/outreach';
import type { ImportJobView } from '@shared/import/types';
import { csv } from '../support/import';
import { startTestServer, type TestServer } from './harness';

/** Step 14: owners assigned by the customer import (客户经理 / 备份客户经理 columns, staff usernames). */
let s: TestServer;
let manager = '';
let rm = '';
let lobby = '';

async function json<T>(r: Response, status = 200): Promise<T> {
  const body = await r.text();
  expect(r.status, body).toBe(status);
  return JSON.parse(body) as T;
}

async function importFile(text: string): Promise<ImportJobView> {
  const res = await fetch(`${s.url}/api/import/jobs?kind=customers&fileName=owners.csv`, {
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

/** The customer's id; undefined when the branch has no such customer (the lookup answers 404). */
async function customerId(no: string): Promise<string | undefined> {
  const res = await s.get(`/api/customers/lookup?q=${no}`, lobby);
  if (res.status === 404) return undefined;
  const r = await json<{ customers: { id: string; customerNo: string }[] }>(res);
  return r.customers.find((c) => c.customerNo === no)?.id;
}

async function panel(id: string): Promise<OwnerPanel> {
  return json<OwnerPanel>(await s.get(`/api/customers/${id}/relationship`, manager));
}

beforeAll(async () => {
  s = await startTestServer();
  manager = await s.login('manager1');
  rm = await s.login('rm1');
  lobby = await s.login('lobby1');
});
afterAll(async () => {
  await s.stop();
});

describe('owners from the customer import', () => {
  it('assigns owner and backup by username (source import); the profile and the RM book show them', async () => {
    const job = await importFile(
      csv([
        ['客户号', '客户姓名', '客户经理', 'backup_rm'],
        ['C930000001', '林海涛', 'rm1', 'manager1'],
        ['C930000002', '周雪梅', ' RM1 ', ''],
        ['C930000003', '郑国强', '', ''],
      ]),
    );
    expect(job.status, JSON.stringify(job.issues)).toBe('applied');
    expect(job.summary?.inserted).toBe(3);

    const id1 = (await customerId('C930000001')) as string;
    const p1 = await panel(id1);
    expect(p1.owner?.source).toBe('import');
    expect(p1.owner?.owner.name).toBe('客户经理 陈杰');
    expect(p1.owner?.backup?.name).toBe('网点负责人 刘洋');
    const id2 = (await customerId('C930000002')) as string;
    expect((await panel(id2)).owner).toMatchObject({ source: 'import', backup: null });
    const id3 = (await customerId('C930000003')) as string;
    expect((await panel(id3)).owner).toBeNull();

    const book = await json<BookList>(await s.get('/api/book', rm));
    const mine = new Map(book.rows.map((r) => [r.customerNo, r.role]));
    expect(mine.get('C930000001')).toBe('owner');
    expect(mine.get('C930000002')).toBe('owner');
    expect(mine.has('C930000003')).toBe(false);

    // An empty cell keeps the owner; a backup alone sets the backup of a customer who has an owner.
    const again = await importFile(
      csv([
        ['customer_no', 'name', 'owner', '备份客户经理'],
        ['C930000001', '林海涛', '', ''],
        ['C930000002', '周雪梅', '', 'manager1'],
      ]),
    );
    expect(again.status, JSON.stringify(again.issues)).toBe('applied');
    expect((await panel(id1)).owner?.backup?.name).toBe('网点负责人 刘洋');
    const p2 = await panel(id2);
    expect(p2.owner?.owner.name).toBe('客户经理 陈杰');
    expect(p2.owner?.backup?.name).toBe('网点负责人 刘洋');
  });

  it('rejects the whole file when a row names an unknown, non-RM or repeated username, and writes nothing', async () => {
    const id1 = (await customerId('C930000001')) as string;
    const before = await panel(id1);
    const job = await importFile(
      csv([
        ['客户号', '客户姓名', '客户经理', '备份客户经理'],
        ['C930000001', '林海涛', 'manager1', ''],
        ['C930000011', '吴晓丽', 'nobody', ''],
        ['C930000012', '孙建国', 'teller1', ''],
        ['C930000013', '钱文静', 'rm1', 'rm1'],
        ['C930000014', '何志明', '', 'rm1'],
      ]),
    );
    expect(job.status).toBe('rejected');
    expect(job.summary?.rejectedRows).toBe(4);
    const byLine = new Map(job.issues.map((i) => [i.line, i]));
    expect(byLine.get(3)).toMatchObject({ code: 'owner_unknown', field: 'owner_rm', column: '客户经理' });
    expect(byLine.get(3)?.zh).toContain('nobody');
    expect(byLine.get(3)?.en).toContain('not the username');
    expect(byLine.get(4)).toMatchObject({ code: 'owner_role', field: 'owner_rm', value: 'teller1' });
    expect(byLine.get(5)).toMatchObject({ code: 'backup_is_owner', field: 'backup_rm' });
    expect(byLine.get(6)).toMatchObject({ code: 'backup_without_owner', field: 'backup_rm' });
    expect(byLine.has(2)).toBe(false);
    // All or nothing: the good row did not move its owner, the new customers do not exist.
    expect((await panel(id1)).owner).toEqual(before.owner);
    for (const no of ['C930000011', 'C930000012', 'C930000013', 'C930000014'])
      expect(await customerId(no)).toBeUndefined();
  });
});
