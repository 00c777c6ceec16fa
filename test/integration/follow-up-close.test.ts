import { afterAll, beforeAll, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

/** Closing a follow-up (定期回访) is for the staff member it is assigned to, or a manager; every close is audited. */
let s: TestServer;
let rm: string;
let customerId: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const close = (id: string, token: string, status = 'done') =>
  fetch(`${s.url}/api/follow-ups/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ status, note: '已回访' }),
  });
const audit = (action: string) =>
  s.store.sqlite
    .prepare('SELECT staff_id, target_type, target_id, detail FROM audit_log WHERE action = ? ORDER BY at')
    .all(action) as { staff_id: string; target_type: string; target_id: string; detail: string }[];
const status = (id: string) =>
  (s.store.sqlite.prepare('SELECT status FROM follow_ups WHERE id = ?').get(id) as { status: string }).status;
const staffId = (u: string) => s.ctx.staff.byUsername(u)?.id as string;

async function newFollowUp(): Promise<string> {
  const res = await s.post(
    '/api/outcomes',
    { customerId, productCode: 'DEP-TIME-1Y', outcome: 'interested', note: '下周再来' },
    rm,
  );
  expect(res.status).toBe(201);
  return (await json<{ followUpId: string }>(res)).followUpId;
}

beforeAll(async () => {
  s = await startTestServer();
  rm = await s.login('rm1');
  const found = await json<{ customers: { id: string }[] }>(
    await s.get(`/api/customers/lookup?q=${SHOWCASE.elderly.customerNo}`, rm),
  );
  customerId = found.customers[0]?.id as string;
});
afterAll(async () => {
  await s.stop();
});

it("refuses another teller closing someone else's follow-up, and audits the attempt", async () => {
  const id = await newFollowUp();
  const res = await close(id, await s.login('teller1'));
  expect(res.status).toBe(403);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_your_follow_up');
  expect((await close(id, await s.login('lobby1'), 'cancelled')).status).toBe(403);
  expect(status(id)).toBe('open');
  const denied = audit('follow_up.close_denied');
  expect(denied).toHaveLength(2);
  expect(denied[0]).toMatchObject({ staff_id: staffId('teller1'), target_type: 'follow_up', target_id: id });
});

it('lets the assignee close it, audited', async () => {
  const id = await newFollowUp();
  expect((await close(id, rm)).status).toBe(200);
  expect(status(id)).toBe('done');
  const row = audit('follow_up.close').find((a) => a.target_id === id);
  expect(row).toMatchObject({ staff_id: staffId('rm1'), target_type: 'follow_up' });
  expect(JSON.parse(row?.detail ?? '{}')).toMatchObject({ status: 'done', assigneeId: staffId('rm1') });
});

it("lets a manager close a staff member's follow-up, audited", async () => {
  const id = await newFollowUp();
  expect((await close(id, await s.login('manager1'), 'cancelled')).status).toBe(200);
  expect(status(id)).toBe('cancelled');
  const row = audit('follow_up.close').find((a) => a.target_id === id);
  expect(row).toMatchObject({ staff_id: staffId('manager1') });
  expect(JSON.parse(row?.detail ?? '{}')).toMatchObject({ status: 'cancelled', assigneeId: staffId('rm1') });
});

it('still answers 409 for an unknown or closed follow-up', async () => {
  expect((await close('0190f0f0-0000-7000-8000-000000000000', rm)).status).toBe(409);
});
