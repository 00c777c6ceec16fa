import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobView } from '@shared/import/types';
import { csv, dataHash, testIdNumber } from '../support/import';
import { patchBranchSettings, startTestServer, type TestServer } from './harness';

/**
 * A checked file whose write would pause the branch longer than `branch.importConfirmSeconds` waits for the manager
 * (status `ready`). Here the branch asks for every file (0 s), so small files exercise the wait.
 */
let s: TestServer;
let manager: string;

/** The branch asks before writing any file (0 s). */
async function askForEveryFile(server: TestServer, token: string): Promise<void> {
  const res = await patchBranchSettings(
    server,
    token,
    { importConfirmSeconds: 0 },
    'test: confirm every import',
  );
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  s = await startTestServer();
  manager = await s.login('manager1');
  await askForEveryFile(s, manager);
});
afterAll(async () => {
  await s.stop();
});

function post(server: TestServer, token: string, body: string, fileName: string): Promise<Response> {
  return fetch(
    `${server.url}/api/import/jobs?${new URLSearchParams({ kind: 'customers', fileName }).toString()}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body,
    },
  );
}

async function upload(body: string, fileName: string, server = s, token = manager): Promise<ImportJobView> {
  const res = await post(server, token, body, fileName);
  expect(res.status).toBe(202);
  return (await res.json()) as ImportJobView;
}

/** The job once it stops running: ready (waiting for the manager) or finished. */
async function settled(id: string, server = s, token = manager): Promise<ImportJobView> {
  for (let i = 0; i < 800; i++) {
    const job = (await (await server.get(`/api/import/jobs/${id}`, token)).json()) as ImportJobView;
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not settle');
}

const file = (no: string, idNumber: string, name: string) =>
  csv([
    ['客户号', '客户姓名', '证件号码', '手机号'],
    [no, name, idNumber, '13911112222'],
  ]);

describe('an import that waits for the manager before it writes', () => {
  it('is checked, then waits with nothing written and its upload gone; Write now writes it, audited', async () => {
    const before = dataHash(s.store);
    const job = await settled(
      (await upload(file('C610000001', testIdNumber('19800101', 11), '等待'), 'w.csv')).id,
    );
    expect(job.status).toBe('ready');
    expect(job.cancellable).toBe(true);
    expect(job.ready?.rows).toBe(1);
    expect(job.ready?.pauseSeconds).toBeGreaterThan(0);
    expect(dataHash(s.store)).toBe(before);
    // The upload held personal data in clear: it is not kept while the job waits (hours, maybe).
    const jobDir = join(s.dataDir, 'data', 'import-tmp', job.id);
    expect(existsSync(jobDir)).toBe(true);
    expect(readdirSync(jobDir)).not.toContain('upload');
    // One import at a time: a waiting one counts.
    const second = await post(s, manager, 'x', 'x.csv');
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('import_waiting');

    const go = await s.post(`/api/import/jobs/${job.id}/apply`, {}, manager);
    expect(go.status).toBe(200);
    const done = await settled(job.id);
    expect(done.status).toBe('applied');
    expect(done.summary?.inserted).toBe(1);
    expect(done.ready).toBeNull();
    const found = await s.get('/api/customers/lookup?q=C610000001', manager);
    expect(found.status).toBe(200);
    const audit = s.store.sqlite
      .prepare(`SELECT action, staff_id FROM audit_log WHERE target_id = ? ORDER BY at, rowid`)
      .all(job.id) as { action: string; staff_id: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['import.confirmed', 'import.applied']);
    expect(audit[0]?.staff_id).not.toBeNull();
    // Written: there is nothing to start again.
    expect((await s.post(`/api/import/jobs/${job.id}/apply`, {}, manager)).status).toBe(409);
  });

  it('cancelled while waiting: nothing is written and the next file can come', async () => {
    const before = dataHash(s.store);
    const job = await settled(
      (await upload(file('C610000002', testIdNumber('19800102', 12), '取消'), 'c.csv')).id,
    );
    expect(job.status).toBe('ready');
    expect((await s.post(`/api/import/jobs/${job.id}/cancel`, {}, manager)).status).toBe(200);
    const done = await settled(job.id);
    expect(done.status).toBe('cancelled');
    expect(dataHash(s.store)).toBe(before);
    expect((await s.post(`/api/import/jobs/${job.id}/apply`, {}, manager)).status).toBe(409);
    const next = await settled(
      (await upload(file('C610000003', testIdNumber('19800103', 13), '下一'), 'n.csv')).id,
    );
    expect(next.status).toBe('ready');
    expect((await s.post(`/api/import/jobs/${next.id}/cancel`, {}, manager)).status).toBe(200);
    expect((await settled(next.id)).status).toBe('cancelled');
  });

  it('checks the file again at Write now: a clash that appeared while it waited rejects it whole', async () => {
    const idNumber = testIdNumber('19800104', 14);
    const job = await settled((await upload(file('C610000004', idNumber, '复查'), 'r.csv')).id);
    expect(job.status).toBe('ready');
    // Meanwhile the same ID number reaches the branch under another customer (a sync, another desk).
    const other = s.store.sqlite
      .prepare(`SELECT id FROM customers WHERE id_hash IS NULL LIMIT 1`)
      .pluck()
      .get() as string | undefined;
    const victim =
      other ?? (s.store.sqlite.prepare(`SELECT id FROM customers LIMIT 1`).pluck().get() as string);
    s.store.sqlite
      .prepare(`UPDATE customers SET id_hash = ? WHERE id = ?`)
      .run(s.ctx.pii.hash('id', idNumber), victim);
    const before = dataHash(s.store);
    expect((await s.post(`/api/import/jobs/${job.id}/apply`, {}, manager)).status).toBe(200);
    const done = await settled(job.id);
    expect(done.status).toBe('rejected');
    expect(done.issues.map((i) => i.code)).toContain('id_taken');
    expect(dataHash(s.store)).toBe(before);
  });

  it('a customer number that reached the branch while it waited is reported, not a failed write', async () => {
    const job = await settled(
      (await upload(file('C610000005', testIdNumber('19800105', 15), '到店'), 'n.csv')).id,
    );
    expect(job.status).toBe('ready');
    // Meanwhile a customer with that number joins the branch by another path (a prospect converted at a desk).
    const cols = (s.store.sqlite.prepare('PRAGMA table_info(customers)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    const pick = cols.map((c) =>
      c === 'id' ? '?' : c === 'customer_no' ? '?' : /_(hash|enc|masked)$/.test(c) ? 'NULL' : c,
    );
    s.store.sqlite
      .prepare(`INSERT INTO customers (${cols.join(',')}) SELECT ${pick.join(',')} FROM customers LIMIT 1`)
      .run('01900000-0000-7000-8000-00000000c605', 'C610000005');
    const before = dataHash(s.store);
    expect((await s.post(`/api/import/jobs/${job.id}/apply`, {}, manager)).status).toBe(200);
    const done = await settled(job.id);
    expect(done.status).toBe('rejected');
    expect(done.issues.map((i) => [i.line, i.code])).toEqual([[2, 'customer_no_arrived']]);
    expect(dataHash(s.store)).toBe(before);
  });
});

describe('a server stopped while an import waits', () => {
  it('cancels it and stops, leaving no staged personal data behind', async () => {
    const own = await startTestServer();
    const token = await own.login('manager1');
    await askForEveryFile(own, token);
    const body = file('C610000005', testIdNumber('19800105', 15), '停机');
    const job = await settled((await upload(body, 's.csv', own, token)).id, own, token);
    expect(job.status).toBe('ready');
    const tmp = join(own.dataDir, 'data', 'import-tmp');
    await own.close();
    expect(existsSync(tmp)).toBe(false);
    expect(own.store.sqlite.open).toBe(false);
    rmSync(own.dataDir, { recursive: true, force: true });
  });
});
