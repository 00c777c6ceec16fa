import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '@shared/sync/api';
import type { SyncEnvelope } from '@shared/sync/envelope';
import { newId } from '../../electron/db/ids';
import { startTestServer, type TestServer } from './harness';

/**
 * Security review step 9, findings 5, 6, 10 and 11: what an enrolled terminal or a staff member sends is checked
 * as strictly as the API checks a person: schemas, staff, dates, sizes; and free text is masked on the way in.
 */
let s: TestServer;
let admin: string;
let teller: string;
let device = '';
let customer = '';

const ID = '110101199003071234';
const FW_PHONE = '１３８５８１０６６８８';

function env(kind: SyncEnvelope['kind'], entityId: string, payload: Record<string, unknown>): SyncEnvelope {
  return {
    id: newId(),
    deviceId: 'evil-pc',
    branchCode: s.ctx.sync.branchCode(),
    hlc: `${Date.now()}:0000:evil-pc`,
    kind,
    entityId,
    payload,
  };
}

async function push(events: SyncEnvelope[]): Promise<{ status: number; body: PushResponse }> {
  const res = await fetch(`${s.url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-device-token': device },
    body: JSON.stringify({ events }),
  });
  return { status: res.status, body: (await res.json()) as PushResponse };
}

const row = <T>(sql: string, ...args: unknown[]) => s.store.sqlite.prepare(sql).get(...args) as T;

beforeAll(async () => {
  s = await startTestServer({ customers: 20 });
  admin = await s.login('admin');
  teller = await s.login('teller1');
  const e = await s.post('/api/sync/enroll', {
    username: 'manager1',
    password: 'demo1234',
    deviceId: 'evil-pc',
  });
  expect(e.status).toBe(200);
  device = ((await e.json()) as { token: string }).token;
  customer = row<{ id: string }>('SELECT id FROM customers LIMIT 1').id;
});
afterAll(async () => {
  await s.stop();
});

describe('finding 5: a pushed event is validated like an API request', () => {
  it('refuses a profile update with malformed segments, and the customer stays readable', async () => {
    const r = await push([
      env('profile_update', customer, { fields: { segments: 'not-json{' }, staffId: null }),
    ]);
    expect(r.status).toBe(200);
    expect(r.body.applied).toBe(0);
    expect(r.body.rejected).toBe(1);
    expect((await s.get(`/api/customers/${customer}`, teller)).status).toBe(200);
    const name = row<{ name: string }>('SELECT name FROM customers WHERE id = ?', customer).name;
    const lookup = await s.get(`/api/customers/lookup?q=${encodeURIComponent(name.slice(0, 1))}`, teller);
    expect(lookup.status).toBe(200);
    // A refused event is not journaled: other terminals and the head office never get it.
    expect(row<{ n: number }>(`SELECT count(*) AS n FROM outbox WHERE device_id = 'evil-pc'`).n).toBe(0);
  });

  it('accepts a well-formed profile update', async () => {
    const r = await push([
      env('profile_update', customer, { fields: { segments: '["elderly"]', risk_level: 3 }, staffId: null }),
    ]);
    expect(r.body.applied).toBe(1);
    expect((await s.get(`/api/customers/${customer}`, teller)).status).toBe(200);
  });

  it("stamps a terminal's audit row at the hub and refuses one of a staff member the hub does not know", async () => {
    const adminId = row<{ id: string }>(`SELECT id FROM staff WHERE username = 'admin'`).id;
    const before = Date.now();
    const forged = newId();
    const stranger = newId();
    const r = await push([
      env('audit', forged, {
        row: {
          id: forged,
          at: Date.UTC(2020, 0, 1),
          staff_id: adminId,
          action: 'reveal.id',
          target_type: 'customer',
          target_id: customer,
          reason: '核对',
          detail: '{"device":"hub"}',
        },
      }),
      env('audit', stranger, {
        row: { id: stranger, at: Date.now(), staff_id: 'nobody', action: 'login', detail: '{}' },
      }),
    ]);
    expect(r.body.rejected).toBe(1);
    const res = await s.get('/api/audit?action=reveal.*', admin);
    const page = (await res.json()) as {
      rows: { id: string; at: number; detail: Record<string, unknown> }[];
    };
    const got = page.rows.find((x) => x.id === forged);
    expect(got?.at).toBeGreaterThanOrEqual(before);
    expect(got?.detail.device).toBe('evil-pc');
    expect(got?.detail.deviceAt).toBe(Date.UTC(2020, 0, 1));
    expect(row<{ n: number }>('SELECT count(*) AS n FROM audit_log WHERE id = ?', stranger).n).toBe(0);
  });

  it("refuses a ticket event signed with another device's id, and unknown row columns", async () => {
    const ticket = await s.post('/api/tickets', { customerId: null, intents: ['cash'] }, teller);
    const t = ((await ticket.json()) as { ticket: { id: string } }).ticket.id;
    const evId = newId();
    const e = env('ticket_event', t, {
      id: evId,
      ticketId: t,
      type: 'cancel',
      at: Date.now(),
      staffId: null,
      deviceId: 'another-pc',
      payload: { reason: '测试' },
    });
    e.id = evId;
    const r = await push([e]);
    expect(r.body.rejected).toBe(1);
    expect(row<{ status: string }>('SELECT status FROM tickets WHERE id = ?', t).status).toBe('waiting');
  });
});

describe('finding 6: dates are bounded, exports never break mid-file', () => {
  it('refuses a follow-up due in the far future', async () => {
    const res = await s.post(
      '/api/outcomes',
      {
        customerId: customer,
        productCode: 'DEP-3Y',
        outcome: 'interested',
        followUp: { dueAt: 8640000000000001 },
      },
      teller,
    );
    expect(res.status).toBe(400);
  });

  it('exports a row whose date is out of range whole, as CSV and as XLSX', async () => {
    const staff = row<{ id: string }>(`SELECT id FROM staff WHERE username = 'teller1'`).id;
    s.store.sqlite
      .prepare(
        `INSERT INTO follow_ups (id, customer_id, ticket_id, product_code, kind, assignee_id, due_at, status, note,
           created_by, created_at, done_at) VALUES (?,?,NULL,'DEP-3Y','product_interest',?,?, 'open', NULL, ?, ?, NULL)`,
      )
      .run(newId(), customer, staff, 8640000000000001, staff, Date.now());
    const csv = await s.get('/api/export/followups?format=csv', admin);
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('8640000000000001');
    const xlsx = await s.get('/api/export/followups?format=xlsx', admin);
    expect(xlsx.status).toBe(200);
    expect((await xlsx.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});

describe('finding 10: IDs and phones typed into free text are masked before they are stored', () => {
  it('masks a complaint description, an outcome note and a follow-up note (full-width digits too)', async () => {
    const c = await s.post(
      '/api/complaints',
      { customerId: customer, category: 'wait_time', description: `客户${ID}电话${FW_PHONE}投诉` },
      teller,
    );
    expect(c.status).toBe(201);
    const cid = ((await c.json()) as { id: string }).id;
    const d = row<{ description: string }>(
      'SELECT description FROM complaints WHERE id = ?',
      cid,
    ).description;
    expect(d).toBe('客户110101********1234电话138****6688投诉');

    const o = await s.post(
      '/api/outcomes',
      { customerId: customer, productCode: 'DEP-3Y', outcome: 'interested', note: `回电${FW_PHONE}` },
      teller,
    );
    expect(o.status).toBe(201);
    const out = (await o.json()) as { id: string; followUpId: string };
    expect(row<{ note: string }>('SELECT note FROM suggestion_outcomes WHERE id = ?', out.id).note).toBe(
      '回电138****6688',
    );
    const close = await fetch(`${s.url}/api/follow-ups/${out.followUpId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${teller}` },
      body: JSON.stringify({ status: 'done', note: `已回访，证件${ID}` }),
    });
    expect(close.status).toBe(200);
    expect(row<{ note: string }>('SELECT note FROM follow_ups WHERE id = ?', out.followUpId).note).toBe(
      '已回访，证件110101********1234',
    );
    // What goes to the head office is the stored (masked) row.
    const sent = row<{ payload: string }>('SELECT payload FROM outbox WHERE entity_id = ?', cid).payload;
    expect(sent).not.toContain(ID);
  });
});

describe('finding 11: a ticket event stores only its schema-parsed payload', () => {
  async function act(payload: unknown): Promise<Response> {
    const ticket = await s.post('/api/tickets', { customerId: null, intents: ['cash'] }, teller);
    const t = ((await ticket.json()) as { ticket: { id: string } }).ticket.id;
    return fetch(`${s.url}/api/tickets/${t}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${teller}` },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  }

  it('answers a 5,000-deep payload with a 400', async () => {
    const deep = `{"type":"cancel","payload":{"reason":"x","a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`;
    const res = await act(deep);
    expect(res.status).toBe(400);
  });

  it('drops unknown payload keys', async () => {
    const res = await act({ type: 'cancel', payload: { reason: '客户离开', junk: 'x'.repeat(100) } });
    expect(res.status).toBe(200);
    const ev = row<{ payload: string }>(
      `SELECT payload FROM ticket_events WHERE type = 'cancel' ORDER BY at DESC LIMIT 1`,
    );
    expect(JSON.parse(ev.payload)).toEqual({ reason: '客户离开' });
  });
});
