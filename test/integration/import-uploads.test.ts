/**
 * Uploads hold personal data in clear: whatever way a request ends, its temp folder goes, and what
 * an import writes to disk is private to the server's user.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobView } from '@shared/import/types';
import { csv } from '../support/import';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
let manager: string;
let tmpRoot: string;

beforeAll(async () => {
  s = await startTestServer();
  manager = await s.login('manager1');
  tmpRoot = join(s.dataDir, 'data', 'import-tmp');
});
afterAll(async () => {
  await s.stop();
});

const url = (q: Record<string, string>) => `${s.url}/api/import/jobs?${new URLSearchParams(q).toString()}`;
const headers = () => ({ authorization: `Bearer ${manager}`, 'content-type': 'application/octet-stream' });
const entries = () => (existsSync(tmpRoot) ? readdirSync(tmpRoot) : []);

async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function finished(id: string): Promise<ImportJobView> {
  for (let i = 0; i < 600; i++) {
    const job = (await (await s.get(`/api/import/jobs/${id}`, manager)).json()) as ImportJobView;
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

function bigCustomerFile(prefix: string): string {
  const rows: string[][] = [['客户号', '客户姓名', '手机号']];
  for (let i = 0; i < 60_000; i++)
    rows.push([`C${prefix}${String(i).padStart(7, '0')}`, '测试', `139${String(i).padStart(8, '0')}`]);
  return csv(rows);
}

describe('import uploads on disk', () => {
  it('deletes the partial upload when the client aborts mid-body', async () => {
    expect(entries()).toEqual([]);
    const abort = new AbortController();
    const chunk = new TextEncoder().encode(
      '客户号,客户姓名,证件号码\n' + 'C1,张三,110101199003070011\n'.repeat(4000),
    );
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(chunk);
        // …and the rest never comes: the client goes away.
      },
    });
    const res = fetch(url({ kind: 'customers', fileName: 'aborted.csv' }), {
      method: 'POST',
      headers: headers(),
      body,
      signal: abort.signal,
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e);
    await until(() => entries().some((d) => existsSync(join(tmpRoot, d, 'upload'))), 5000, 'the upload');
    abort.abort();
    await res;
    await until(() => entries().length === 0, 5000, 'the aborted upload to be deleted');
  });

  it('keeps nothing of the uploads that lose a race for the one import slot', async () => {
    const files = ['41', '42', '43'].map(bigCustomerFile);
    const res = await Promise.all(
      files.map((f, i) =>
        fetch(url({ kind: 'customers', fileName: `race-${i}.csv` }), {
          method: 'POST',
          headers: headers(),
          body: f,
        }),
      ),
    );
    const statuses = res.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 202)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(2);
    const winner = (await (res.find((r) => r.status === 202) as Response).json()) as ImportJobView;
    await s.post(`/api/import/jobs/${winner.id}/cancel`, {}, manager);
    await finished(winner.id);
    // The winner's folder stays for its report; no upload is left anywhere.
    expect(entries()).toEqual([winner.id]);
    expect(existsSync(join(tmpRoot, winner.id, 'upload'))).toBe(false);
  });

  it('keeps its scratch folders private', () => {
    expect(statSync(tmpRoot).mode & 0o777).toBe(0o700);
    for (const d of entries()) expect(statSync(join(tmpRoot, d)).mode & 0o777).toBe(0o700);
  });
});
