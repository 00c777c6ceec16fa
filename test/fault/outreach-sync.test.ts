import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEnvelope } from '@shared/sync/envelope';
import type { OwnerPanel, UnownedList } from '@shared/api/outreach';
import { startHub, startTerminal, status, synced, until, type Node } from './harness';
import { startProxy, type LinkProxy } from './proxy';

/**
 * 客户经营 on a counter terminal: the owners, the contact marks and the contact log are in the terminal's copy
 * (snapshot, then the journal), so an RM there sees who owns whom and what was said; a contact logged while the
 * link is down reaches the hub once when it is back, and the one-caller-a-day rule then holds at the hub.
 */
let hub: Node;
let t1: Node;
let link: LinkProxy;
let managerAtHub = '';
let rmId = '';
const picked: string[] = [];

const count = (n: Node, sql: string, ...args: unknown[]) =>
  (n.ctx.store.sqlite.prepare(sql).get(...args) as { n: number }).n;

beforeAll(async () => {
  hub = await startHub({ customers: 60 });
  managerAtHub = await hub.login('manager1');
  rmId = (hub.ctx.store.sqlite.prepare(`SELECT id FROM staff WHERE username = 'rm1'`).get() as { id: string })
    .id;
  const unowned = await hub.call<UnownedList>('GET', '/api/owners/unowned', undefined, managerAtHub);
  expect(unowned.body.customers.length).toBeGreaterThanOrEqual(2);
  picked.push(...unowned.body.customers.slice(0, 2).map((c) => c.customerId));
  // Before the terminal exists: the first customer's owner and marks come with its snapshot.
  const first = picked[0] as string;
  expect(
    (await hub.call('POST', '/api/owners', { customerIds: [first], ownerId: rmId }, managerAtHub)).status,
  ).toBe(200);
  expect(
    (
      await hub.call(
        'PUT',
        `/api/customers/${first}/marks`,
        { highRisk: true, note: '导入风险标记 test' },
        managerAtHub,
      )
    ).status,
  ).toBe(200);
  link = await startProxy({ host: '127.0.0.1', port: Number(new URL(hub.url).port) });
  t1 = await startTerminal(link.url);
  await synced(t1);
}, 60_000);

afterAll(async () => {
  await t1?.stop();
  await link?.close();
  await hub?.stop();
});

const panel = async (n: Node, token: string, id: string) =>
  (await n.call<OwnerPanel>('GET', `/api/customers/${id}/relationship`, undefined, token)).body;

describe('客户经营 on a counter terminal', () => {
  it('the snapshot brings the owners, the marks and the contact log', async () => {
    for (const table of ['customer_owners', 'customer_marks']) {
      expect(count(t1, `SELECT count(*) AS n FROM ${table}`)).toBe(
        count(hub, `SELECT count(*) AS n FROM ${table}`),
      );
    }
    expect(count(t1, 'SELECT count(*) AS n FROM customer_owners')).toBeGreaterThan(0);
    const rm = await t1.login('rm1');
    const p = await panel(t1, rm, picked[0] as string);
    expect(p.owner?.owner.id).toBe(rmId);
    expect(p.marks.highRisk).toBe(true);
  }, 20_000);

  it("an owner assigned and a contact logged at the hub reach the terminal's RM at once", async () => {
    const second = picked[1] as string;
    expect(
      (await hub.call('POST', '/api/owners', { customerIds: [second], ownerId: rmId }, managerAtHub)).status,
    ).toBe(200);
    const logged = await hub.call<{ id: string }>(
      'POST',
      `/api/customers/${second}/contacts`,
      { channel: 'phone', result: 'no_answer', note: '无人接听 test' },
      managerAtHub,
    );
    expect(logged.status).toBe(201);
    await until(
      () => count(t1, 'SELECT count(*) AS n FROM contacts WHERE id = ?', logged.body.id) === 1,
      'contact at t1',
    );
    const rm = await t1.login('rm1');
    const p = await panel(t1, rm, second);
    expect(p.owner?.owner.id).toBe(rmId);
    expect(p.contacts.map((c) => c.id)).toContain(logged.body.id);
    const book = await t1.call<{ rows: { customerId: string }[] }>('GET', '/api/book', undefined, rm);
    expect(book.body.rows.map((r) => r.customerId)).toEqual(expect.arrayContaining(picked));
  }, 20_000);

  it('a contact logged offline reaches the hub once, and nobody calls that customer again that day', async () => {
    const first = picked[0] as string;
    link.cut();
    await until(() => !status(t1).online, 't1 offline');
    const rm = await t1.login('rm1');
    const offline = await t1.call<{ id: string }>(
      'POST',
      `/api/customers/${first}/contacts`,
      { channel: 'phone', result: 'reached', note: '客户手机13912345678 test', nextStep: '下周面谈' },
      rm,
    );
    expect(offline.status).toBe(201);
    expect(count(hub, 'SELECT count(*) AS n FROM contacts WHERE id = ?', offline.body.id)).toBe(0);
    link.heal();
    await synced(t1);
    await until(
      () => count(hub, 'SELECT count(*) AS n FROM contacts WHERE id = ?', offline.body.id) === 1,
      'contact at hub',
    );
    const atHub = hub.ctx.store.sqlite
      .prepare('SELECT staff_id, note FROM contacts WHERE id = ?')
      .get(offline.body.id) as { staff_id: string; note: string };
    expect(atHub.staff_id).toBe(rmId);
    expect(atHub.note).not.toContain('13912345678');
    // The same envelope pushed again (a lost answer) changes nothing.
    const env = t1.ctx.store.sqlite
      .prepare(
        `SELECT id, device_id, branch_code, hlc, kind, entity_id, payload FROM outbox WHERE kind = 'contact' AND entity_id = ?`,
      )
      .get(offline.body.id) as Record<string, string> | undefined;
    expect(env).toBeTruthy();
    const again: SyncEnvelope = {
      id: String(env?.id),
      deviceId: String(env?.device_id),
      branchCode: String(env?.branch_code),
      hlc: String(env?.hlc),
      kind: 'contact',
      entityId: String(env?.entity_id),
      payload: JSON.parse(String(env?.payload)) as Record<string, unknown>,
    };
    const report = hub.ctx.sync.applyRemote([again], { journal: true });
    expect(report.results[0]?.status).toBe('duplicate');
    expect(count(hub, 'SELECT count(*) AS n FROM contacts WHERE id = ?', offline.body.id)).toBe(1);
    // Another member of staff at the hub the same day is told the customer was already called.
    const twice = await hub.call(
      'POST',
      `/api/customers/${first}/contacts`,
      { channel: 'phone', result: 'reached' },
      managerAtHub,
    );
    expect(twice.status).toBe(409);
  }, 30_000);

  it('a do-not-contact mark set on the terminal offline reaches the hub and its journal for the head office', async () => {
    const second = picked[1] as string;
    link.cut();
    await until(() => !status(t1).online, 't1 offline');
    const lobby = await t1.login('manager1');
    const put = await t1.call('PUT', `/api/customers/${second}/marks`, { doNotContact: true }, lobby);
    expect(put.status).toBe(200);
    const dnc = (n: Node) =>
      count(
        n,
        'SELECT count(*) AS n FROM customer_marks WHERE customer_id = ? AND do_not_contact = 1',
        second,
      );
    expect(dnc(hub)).toBe(0);
    link.heal();
    await synced(t1);
    await until(() => dnc(hub) === 1, 'mark at hub');
    const rm = await hub.login('rm1');
    expect((await panel(hub, rm, second)).marks.doNotContact).toBe(true);
    // The hub journals the mark and the contacts for the head office.
    expect(
      count(
        hub,
        `SELECT count(*) AS n FROM ho_journal WHERE source = 'customer_marks' AND row_id = ?`,
        second,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      count(hub, `SELECT count(*) AS n FROM ho_journal WHERE source = 'contacts'`),
    ).toBeGreaterThanOrEqual(2);
    // An older change arriving late (another terminal's clock) does not undo the newer one.
    const env = t1.ctx.store.sqlite
      .prepare(
        `SELECT id, device_id, branch_code, hlc, entity_id, payload FROM outbox WHERE kind = 'marks' AND entity_id = ?`,
      )
      .get(second) as Record<string, string> | undefined;
    expect(env).toBeTruthy();
    const payload = JSON.parse(String(env?.payload)) as { row: Record<string, unknown> };
    const stale: SyncEnvelope = {
      id: `${String(env?.id).slice(0, 30)}-stale`,
      deviceId: String(env?.device_id),
      branchCode: String(env?.branch_code),
      hlc: String(env?.hlc),
      kind: 'marks',
      entityId: second,
      payload: {
        row: { ...payload.row, do_not_contact: 0, updated_at: Number(payload.row.updated_at) - 60_000 },
      },
    };
    const report = hub.ctx.sync.applyRemote([stale], { journal: true });
    expect(report.results[0]?.status).toBe('rejected');
    expect(dnc(hub)).toBe(1);
  }, 30_000);
});
