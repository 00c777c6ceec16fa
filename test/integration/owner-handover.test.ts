import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OwnerBooks, OwnerHandedOver, OwnerPanel, UnownedList } from '@shared/api/outreach';
import { startTestServer, type TestServer } from './harness';

type ApiErr = { error: { code: string; zh: string; en: string; details?: unknown } };

/** 移交客户 over the real server: an RM leaves, the manager hands their book to a successor in one step. */
let s: TestServer;
let manager = '';
let rm = '';

async function json<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const body = await r.text();
  expect(r.status, body).toBe(status);
  return JSON.parse(body) as T;
}

const send = (method: string, path: string, body: unknown, token: string) =>
  fetch(s.url + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

async function newRm(username: string): Promise<string> {
  const body = { username, displayName: `客户经理 ${username}`, role: 'rm', password: 'start1234' };
  return (await json<{ id: string }>(await send('POST', '/api/staff', body, manager), 201)).id;
}

const panel = (id: string) => json<OwnerPanel>(s.get(`/api/customers/${id}/relationship`, manager));
const books = async () => (await json<OwnerBooks>(await s.get('/api/owners/books', manager))).books;
const handover = (fromId: string, toId: string, token = manager) =>
  send('POST', '/api/owners/handover', { fromId, toId }, token);

beforeAll(async () => {
  s = await startTestServer();
  manager = await s.login('manager1');
  rm = await s.login('rm1');
});
afterAll(async () => {
  await s.stop();
});

describe('移交客户 (owner handover)', () => {
  it("hands a disabled RM's owned and backed-up customers to a successor, audited", async () => {
    const leaver = await newRm('rm8');
    const successor = await newRm('rm9');
    const managerId = s.ctx.staff.byUsername('manager1')?.id as string;
    const unowned = await json<UnownedList>(await s.get('/api/owners/unowned', manager));
    const [a, b, c, d] = unowned.customers.map((x) => x.customerId);
    if (!a || !b || !c || !d) throw new Error('the demo branch needs four unowned valuable customers');
    const assign = (id: string, ownerId: string, backupId: string | null) =>
      json(send('POST', '/api/owners', { customerIds: [id], ownerId, backupId }, manager));
    await assign(a, leaver, managerId);
    await assign(b, leaver, null);
    await assign(c, successor, leaver);
    // d stays unowned; its outreach is given to the leaver.
    await json(send('POST', '/api/outreach/assign', { customerIds: [d], assigneeId: leaver }, manager));
    await json(send('PATCH', `/api/staff/${leaver}`, { active: false }, manager));

    // The disabled account holding customers comes first.
    const before = await books();
    expect(before[0]).toMatchObject({ staffId: leaver, active: false, owned: 2, backups: 1, assigned: 1 });
    expect(before.find((x) => x.staffId === successor)).toMatchObject({
      active: true,
      owned: 1,
      backups: 0,
      assigned: 0,
    });

    const r = await json<OwnerHandedOver>(await handover(leaver, successor));
    expect(r).toEqual({ owned: 2, backups: 1, assigned: 1 });
    const assignee = s.store.sqlite
      .prepare('SELECT assignee_id FROM outreach_assignments WHERE customer_id = ?')
      .pluck()
      .get(d);
    expect(assignee).toBe(successor);
    // A keeps its backup; B had none; C's backup would be its own owner now, so it has none.
    expect((await panel(a)).owner).toMatchObject({ owner: { id: successor }, backup: { id: managerId } });
    expect((await panel(b)).owner).toMatchObject({ owner: { id: successor }, backup: null });
    expect((await panel(c)).owner).toMatchObject({ owner: { id: successor }, backup: null });

    const after = await books();
    expect(after.some((x) => x.staffId === leaver)).toBe(false);
    expect(after.find((x) => x.staffId === successor)).toMatchObject({ owned: 3, backups: 0, assigned: 1 });

    const audit = s.store.sqlite
      .prepare("SELECT staff_id, target_id, detail FROM audit_log WHERE action = 'owner.handover'")
      .all() as { staff_id: string; target_id: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staff_id: managerId, target_id: successor });
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({
      fromId: leaver,
      owned: 2,
      backups: 1,
      assigned: 1,
    });
    // Replicated like any assignment: the terminals' copies hear of each of the three rows.
    const journal = s.store.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'owner' AND entity_id IN (?, ?, ?)")
      .get(a, b, c) as { n: number };
    expect(journal.n).toBeGreaterThanOrEqual(6);
  });

  it('refuses a disabled or unknown successor, the same person, an unknown leaver and a non-manager', async () => {
    const active = await newRm('rm7');
    const gone = s.ctx.staff.byUsername('rm8')?.id as string;
    const bad = await handover(active, gone);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ApiErr).error.code).toBe('bad_assignee');
    const same = await handover(active, active);
    expect(same.status).toBe(400);
    const sameErr = ((await same.json()) as ApiErr).error;
    expect(JSON.stringify(sameErr)).toContain('移交对象不能是本人');
    expect((await handover('01900000-0000-7000-8000-000000000000', active)).status).toBe(404);
    expect((await handover(gone, active, rm)).status).toBe(403);
    // Nobody to hand over: nothing happens, and it says so.
    expect(await json<OwnerHandedOver>(await handover(gone, active))).toEqual({
      owned: 0,
      backups: 0,
      assigned: 0,
    });
    // Outreach goes only to someone who sees the list and logs contacts: not a teller.
    const tellerId = s.ctx.staff.byUsername('teller1')?.id as string;
    const unowned = await json<UnownedList>(await s.get('/api/owners/unowned', manager));
    const toTeller = await send(
      'POST',
      '/api/outreach/assign',
      { customerIds: [unowned.customers[0]?.customerId], assigneeId: tellerId },
      manager,
    );
    expect(toTeller.status).toBe(400);
  });
});
