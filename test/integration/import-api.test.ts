import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobView } from '@shared/import/types';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { csv, dataHash, testCard, testIdNumber } from '../support/import';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
let manager: string;
let teller: string;

beforeAll(async () => {
  s = await startTestServer();
  manager = await s.login('manager1');
  teller = await s.login('teller1');
});
afterAll(async () => {
  await s.stop();
});

function upload(body: Buffer | string, q: Record<string, string>, token = manager): Promise<Response> {
  return fetch(`${s.url}/api/import/jobs?${new URLSearchParams(q).toString()}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
}

async function finished(id: string): Promise<ImportJobView> {
  for (let i = 0; i < 400; i++) {
    const job = (await (await s.get(`/api/import/jobs/${id}`, manager)).json()) as ImportJobView;
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

async function importFile(body: Buffer | string, q: Record<string, string>): Promise<ImportJobView> {
  const res = await upload(body, q);
  expect(res.status).toBe(202);
  return finished(((await res.json()) as ImportJobView).id);
}

const NEW_ID = testIdNumber('19850615', 27);

describe('import API', () => {
  it('lets only the branch manager and admin import', async () => {
    const res = await upload(
      '客户号,客户姓名\nC200000001,测试\n',
      { kind: 'customers', fileName: 'a.csv' },
      teller,
    );
    expect(res.status).toBe(403);
    expect((await s.get('/api/import/jobs', teller)).status).toBe(403);
    expect((await s.get('/api/export/visits', teller)).status).toBe(403);
  });

  it('imports a GBK customer file uploaded as a stream, then finds the new customer by ID number', async () => {
    const text = csv(
      [
        ['客户号', '客户姓名', '证件号码', '手机号', '银行卡号', '营销授权'],
        ['C200000001', '欧阳晓东', NEW_ID, '13911112222', testCard(7), '是'],
      ],
      '\r\n',
    );
    const job = await importFile(iconv.encode(text, 'gbk'), { kind: 'customers', fileName: '客户.csv' });
    expect(job.status).toBe('applied');
    expect(job.summary).toMatchObject({ encoding: 'gb18030', inserted: 1, rows: 1 });
    expect(job.summary?.tiersAfter.potential).toBe((job.summary?.tiersBefore.potential ?? 0) + 1);
    const found = await s.get(`/api/customers/lookup?q=${NEW_ID}`, teller);
    expect(found.status).toBe(200);
    const body = (await found.json()) as { customers: { customerNo: string; name: string }[] };
    expect(body.customers[0]).toMatchObject({ customerNo: 'C200000001', name: '欧阳晓东' });
    const runs = (await (await s.get('/api/import/runs', manager)).json()) as {
      runs: { fileName: string }[];
    };
    expect(runs.runs[0]?.fileName).toBe('客户.csv');
  });

  it('rejects a file with bad rows, writes nothing, and offers every bad row as a CSV report', async () => {
    const before = dataHash(s.store);
    const bad = csv([
      ['customer_no', 'name', 'id_number', 'phone'],
      ['C200000101', 'Good', testIdNumber('19900101', 1), '13800000001'],
      ['C200000102', 'Bad ID', NEW_ID.slice(0, 17) + (NEW_ID[17] === '1' ? '2' : '1'), '13800000002'],
      ['C200000103', 'Bad phone', testIdNumber('19900101', 3), '12345'],
      ['C200000104', 'Taken ID', SHOWCASE.private.idNumber, '13800000004'],
    ]);
    const job = await importFile(bad, { kind: 'customers', fileName: 'bad.csv' });
    expect(job.status).toBe('rejected');
    expect(job.rejectedRows).toBe(3);
    expect(job.issues.map((i) => i.line)).toEqual([3, 4, 5]);
    expect(dataHash(s.store)).toBe(before);
    const report = await s.get(`/api/import/jobs/${job.id}/report.csv`, manager);
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    expect(report.headers.get('content-disposition')).toContain("filename*=UTF-8''bad-");
    const text = await report.text();
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^3,id_number,id_number,id_check_digit,身份证号码校验位错误/);
    expect(text).not.toContain(SHOWCASE.private.idNumber);
  });

  it('imports balances from XLSX and recomputes tiers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('余额');
    ws.addRow(['客户号', '产品类型', '余额', '余额日期']);
    ws.addRow(['C200000001', '定期存款', 520000, '2026-01-05']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const job = await importFile(buf, { kind: 'holdings', fileName: 'balances.xlsx' });
    expect(job.issues).toEqual([]);
    expect(job.status).toBe('applied');
    expect(job.summary?.tierMoves).toEqual({ 'potential>high': 1 });
    const lookup = (await (await s.get(`/api/customers/lookup?q=C200000001`, teller)).json()) as {
      customers: { tier: { tier: string } }[];
    };
    expect(lookup.customers[0]?.tier.tier).toBe('high');
  });

  it('cancels a running import; nothing is written', async () => {
    const rows: string[][] = [['客户号', '客户姓名', '手机号']];
    for (let i = 0; i < 60_000; i++)
      rows.push([`C3${String(i).padStart(8, '0')}`, '测试', `139${String(i).padStart(8, '0')}`]);
    const before = dataHash(s.store);
    const res = await upload(csv(rows), { kind: 'customers', fileName: 'big.csv' });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as ImportJobView;
    // A second import waits for the first.
    expect((await upload('x', { kind: 'customers', fileName: 'second.csv' })).status).toBe(409);
    const c = await s.post(`/api/import/jobs/${id}/cancel`, {}, manager);
    expect(c.status).toBe(200);
    const job = await finished(id);
    expect(job.status).toBe('cancelled');
    expect(dataHash(s.store)).toBe(before);
  });

  it('writes an audit row for imports and downloads', () => {
    const actions = (
      s.store.sqlite.prepare(`SELECT action FROM audit_log WHERE action LIKE 'import.%'`).all() as {
        action: string;
      }[]
    ).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining(['import.applied', 'import.rejected', 'import.cancelled', 'import.report']),
    );
  });
});

describe('export API', () => {
  beforeAll(async () => {
    const customer = (await (
      await s.get(`/api/customers/lookup?q=${SHOWCASE.private.customerNo}`, manager)
    ).json()) as {
      customers: { id: string }[];
    };
    const id = customer.customers[0]?.id as string;
    const res = await s.post(
      '/api/outcomes',
      {
        customerId: id,
        productCode: 'WM_PRIVATE',
        outcome: 'interested',
        note: `客户手机 ${SHOWCASE.private.phone} 下周回电`,
      },
      manager,
    );
    expect(res.status).toBeLessThan(300);
  });

  it('exports suggestion outcomes as CSV with names, phones and IDs masked', async () => {
    const res = await s.get('/api/export/outcomes?format=csv', manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel shows the Chinese
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('时间 At,客户号 Customer no.,客户姓名（脱敏） Name (masked)')).toBe(true);
    expect(text).toContain(SHOWCASE.private.customerNo);
    expect(text).toContain('陈**');
    expect(text).not.toContain(SHOWCASE.private.name);
    expect(text).not.toContain(SHOWCASE.private.phone);
    expect(text).toContain('有意向');
  });

  it('exports follow-ups, visits and complaints as XLSX', async () => {
    for (const dataset of ['followups', 'visits', 'complaints']) {
      const res = await s.get(`/api/export/${dataset}?format=xlsx&from=2020-01-01`, manager);
      expect(res.status, dataset).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const sheet = wb.worksheets[0];
      expect(sheet?.getRow(1).getCell(1).value, dataset).toBeTruthy();
      if (dataset === 'followups') {
        expect(sheet?.rowCount).toBeGreaterThan(1);
        const values = JSON.stringify(sheet?.getRow(2).values);
        expect(values).not.toContain(SHOWCASE.private.name);
      }
    }
    const audit = s.store.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'export.download'`)
      .get() as {
      n: number;
    };
    expect(audit.n).toBeGreaterThanOrEqual(4);
  });
});
