import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

let s: TestServer;
let teller: string;
let rm: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(await s.get(`/api/customers/lookup?q=${no}`, teller));
  return r.customers[0]?.id as string;
}
interface Suggestions {
  items: {
    productCode: string;
    riskLevel: number | null;
    say: { zh: string; en: string };
    rules: string[];
    score: number;
  }[];
  hints: { code: string }[];
  nextTier: { gapFen: number } | null;
}

beforeAll(async () => {
  s = await startTestServer();
  teller = await s.login('teller1');
  rm = await s.login('rm1');
});
afterAll(async () => {
  await s.stop();
});

describe('suggestions', () => {
  it('ranks at most 5 suitable products with a line to say aloud', async () => {
    const id = await customerId(SHOWCASE.effective.customerNo);
    const res = await s.get(`/api/customers/${id}/suggestions?intents=wealth`, teller);
    expect(res.status).toBe(200);
    const r = await json<Suggestions>(res);
    expect(r.items.length).toBeGreaterThan(0);
    expect(r.items.length).toBeLessThanOrEqual(5);
    for (const it of r.items) {
      expect(it.say.zh.length).toBeGreaterThan(4);
      expect(it.rules.length).toBeGreaterThan(0);
    }
    expect(r.nextTier?.gapFen).toBe(320_000);
    const scores = r.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('offers only R1 and non-investment products without a valid risk assessment', async () => {
    const id = await customerId(SHOWCASE.potential.customerNo);
    const r = await json<Suggestions>(await s.get(`/api/customers/${id}/suggestions`, teller));
    for (const it of r.items) expect(it.riskLevel === null || it.riskLevel <= 1).toBe(true);
    expect(r.hints.map((h) => h.code)).toContain('risk_assessment_needed');
  });

  it('rejects an unknown customer with 404', async () => {
    expect((await s.get('/api/customers/nope/suggestions', teller)).status).toBe(404);
  });
});

describe('outcomes and follow-ups', () => {
  it('"interested" creates a follow-up in the staff member’s list', async () => {
    const id = await customerId(SHOWCASE.elderly.customerNo);
    const res = await s.post(
      '/api/outcomes',
      { customerId: id, productCode: 'DEP-TIME-1Y', outcome: 'interested', note: '下周带存单来' },
      rm,
    );
    expect(res.status).toBe(201);
    const { followUpId } = await json<{ followUpId: string }>(res);
    expect(followUpId).toBeTruthy();
    const list = await json<{ followUps: { id: string; customerNo: string; overdue: boolean }[] }>(
      await s.get('/api/follow-ups', rm),
    );
    const f = list.followUps.find((x) => x.id === followUpId);
    expect(f?.customerNo).toBe(SHOWCASE.elderly.customerNo);
    expect(f?.overdue).toBe(false);
    const close = () =>
      fetch(`${s.url}/api/follow-ups/${followUpId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${rm}` },
        body: JSON.stringify({ status: 'done', note: '已回访' }),
      });
    expect((await close()).status).toBe(200);
    expect((await close()).status).toBe(409);
  });

  it('"declined" needs a reason from the list', async () => {
    const id = await customerId(SHOWCASE.elderly.customerNo);
    expect(
      (await s.post('/api/outcomes', { customerId: id, productCode: 'X', outcome: 'declined' }, teller))
        .status,
    ).toBe(400);
    expect(
      (
        await s.post(
          '/api/outcomes',
          { customerId: id, productCode: 'X', outcome: 'declined', reason: 'bogus' },
          teller,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await s.post(
          '/api/outcomes',
          { customerId: id, productCode: 'X', outcome: 'declined', reason: 'no_funds' },
          teller,
        )
      ).status,
    ).toBe(201);
    const act = await json<{ outcomes: { outcome: string }[] }>(
      await s.get(`/api/customers/${id}/activity`, teller),
    );
    expect(act.outcomes.map((o) => o.outcome)).toContain('declined');
  });
});

describe('PII reveal and complaints', () => {
  it('reveals the full ID only with a reason, and writes an audit row', async () => {
    const id = await customerId(SHOWCASE.private.customerNo);
    expect((await s.post(`/api/customers/${id}/reveal`, { field: 'id', reason: '' }, teller)).status).toBe(
      400,
    );
    const res = await s.post(
      `/api/customers/${id}/reveal`,
      { field: 'id', reason: '客户办理大额转账核验' },
      teller,
    );
    expect(res.status).toBe(200);
    expect((await json<{ value: string }>(res)).value).toBe(SHOWCASE.private.idNumber);
    const row = s.store.sqlite
      .prepare(`SELECT reason, detail FROM audit_log WHERE action='reveal.id' AND target_id=?`)
      .get(id) as {
      reason: string;
      detail: string;
    };
    expect(row.reason).toBe('客户办理大额转账核验');
    expect(row.detail).not.toContain(SHOWCASE.private.idNumber);
  });

  it('records a complaint with a deadline and resolves it', async () => {
    const id = await customerId(SHOWCASE.merchant.customerNo);
    const res = await s.post(
      '/api/complaints',
      { customerId: id, category: 'wait_time', description: '排队一个小时' },
      teller,
    );
    expect(res.status).toBe(201);
    const { id: cid, deadlineAt } = await json<{ id: string; deadlineAt: number }>(res);
    expect(deadlineAt).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    const lobby = await s.login('lobby1');
    expect(
      (await s.post('/api/complaints', { customerId: id, category: 'nope', description: 'xx' }, teller))
        .status,
    ).toBe(400);
    const patch = (body: unknown) =>
      fetch(`${s.url}/api/complaints/${cid}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${lobby}` },
        body: JSON.stringify(body),
      });
    expect((await patch({ status: 'resolved' })).status).toBe(400);
    expect((await patch({ status: 'resolved', resolution: '已致歉并增开窗口' })).status).toBe(200);
    expect((await patch({ status: 'resolved', resolution: 'again' })).status).toBe(409);
  });
});
