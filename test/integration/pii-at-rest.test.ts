import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCustomers, type DemoCustomer } from '../../electron/db/demo/generate';
import { DEMO_SEED } from '../../electron/server/start';
import { startTestServer, type TestServer } from './harness';

/**
 * A stolen disk shows no ID, phone or card number: the demo branch is seeded through the real start-up path,
 * the branch works for a while (lookups by each kind of number, tickets, outcomes, a reveal, a complaint),
 * and then the bytes of the SQLite file and its WAL are searched for every seeded number.
 */
const NOW = Date.parse('2026-05-11T02:00:00Z');
const COUNT = 400;
let s: TestServer;
let customers: DemoCustomer[] = [];

/** Every maximal run of digits (an ID may end in X) of 11+ characters in the bytes. */
function digitRuns(buf: Buffer): string[] {
  return buf.toString('latin1').match(/\d{10,}[\dX]/g) ?? [];
}

/** The seeded values found inside any run (a value can sit next to other digits in a page). */
function leaks(buf: Buffer, values: Set<string>, lengths: number[]): string[] {
  const found = new Set<string>();
  for (const run of digitRuns(buf)) {
    for (const len of lengths) {
      for (let i = 0; i + len <= run.length; i++) {
        const w = run.slice(i, i + len);
        if (values.has(w)) found.add(w);
      }
    }
  }
  return [...found];
}

function dbFiles(): { name: string; bytes: Buffer }[] {
  const base = join(s.dataDir, 'data', 'branch.db');
  return ['', '-wal', '-shm', '-journal']
    .map((suffix) => base + suffix)
    .filter((f) => existsSync(f))
    .map((f) => ({ name: f, bytes: readFileSync(f) }));
}

beforeAll(async () => {
  s = await startTestServer({ customers: COUNT, now: () => NOW });
  customers = [...generateCustomers({ count: COUNT, seed: DEMO_SEED, now: NOW })];
  const lobby = await s.login('lobby1');
  const teller = await s.login('teller1');
  const h = (t: string) => ({ authorization: `Bearer ${t}` });
  const individuals = customers.filter((c) => c.idNumber).slice(0, 12);
  for (const [i, c] of individuals.entries()) {
    const q = i % 3 === 0 ? c.idNumber : i % 3 === 1 ? c.phone : (c.cards[0] ?? c.phone);
    const found = await s.app.inject({
      method: 'GET',
      url: `/api/customers/lookup?q=${q}`,
      headers: h(lobby),
    });
    expect(found.statusCode, q ?? '').toBe(200);
    const id = (found.json() as { customers: { id: string }[] }).customers[0]?.id as string;
    const ticket = await s.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: h(lobby),
      payload: { customerId: id, intents: ['account_open'] },
    });
    expect(ticket.statusCode).toBe(201);
    const outcome = await s.app.inject({
      method: 'POST',
      url: '/api/outcomes',
      headers: h(teller),
      payload: {
        customerId: id,
        ticketId: (ticket.json() as { ticket: { id: string } }).ticket.id,
        productCode: 'DEP-3Y',
        outcome: 'interested',
        note: '客户考虑中',
      },
    });
    expect(outcome.statusCode, outcome.body).toBe(201);
    if (i === 0) {
      const reveal = await s.app.inject({
        method: 'POST',
        url: `/api/customers/${id}/reveal`,
        headers: h(teller),
        payload: { field: 'id', reason: '核对身份证件' },
      });
      expect(reveal.statusCode).toBe(200);
      const phone = await s.app.inject({
        method: 'POST',
        url: `/api/customers/${id}/reveal`,
        headers: h(teller),
        payload: { field: 'phone', reason: '回访需要' },
      });
      expect(phone.statusCode).toBe(200);
    }
  }
  // A customer's ID number typed into the user-name box of the login form.
  await s.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: individuals[1]?.idNumber, password: 'x' },
  });
  // Positive control: an 11-digit reference that is no phone, ID or card pattern stays in the complaint text as typed;
  // the phone number typed beside it is masked on the way in.
  const complaint = await s.app.inject({
    method: 'POST',
    url: '/api/complaints',
    headers: h(teller),
    payload: {
      customerId: null,
      category: 'wait_time',
      description: '工单号 20990000111，来电号码 13099990001 等候过久',
    },
  });
  expect(complaint.statusCode).toBe(201);
  s.ctx.audit.flush();
});
afterAll(async () => {
  await s.stop();
});

describe('personal data at rest', () => {
  it('generated the same customers the server seeded', () => {
    const n = s.store.sqlite.prepare('SELECT count(*) n FROM customers').get() as { n: number };
    expect(n.n).toBe(customers.length);
    const row = s.store.sqlite
      .prepare('SELECT name, id_masked FROM customers WHERE customer_no = ?')
      .get(customers[20]?.customerNo) as { name: string; id_masked: string | null };
    expect(row.name).toBe(customers[20]?.name);
  });

  it('finds no seeded ID, phone or card number in the database file or its WAL', () => {
    const files = dbFiles();
    const wal = files.find((f) => f.name.endsWith('-wal'));
    expect(wal?.bytes.length ?? 0, 'the WAL holds the recent writes').toBeGreaterThan(0);
    const values = new Set<string>();
    for (const c of customers) {
      if (c.idNumber) values.add(c.idNumber);
      values.add(c.phone);
      for (const card of c.cards) values.add(card);
    }
    const lengths = [...new Set([...values].map((v) => v.length))];
    expect(values.size).toBeGreaterThan(COUNT * 2);
    for (const f of files) expect(leaks(f.bytes, values, lengths), f.name).toEqual([]);

    // The scan does see plain numbers where they exist (the control in the complaint text), and the phone typed
    // into that text was masked before it was stored.
    const control = new Set(['20990000111']);
    expect(new Set(files.flatMap((f) => leaks(f.bytes, control, [11])))).toEqual(control);
    const typedPhone = new Set(['13099990001']);
    for (const f of files) expect(leaks(f.bytes, typedPhone, [11]), f.name).toEqual([]);
    // And names are there in clear, to be searched.
    const name = Buffer.from(customers[5]?.name ?? '', 'utf8');
    expect(files.some((f) => f.bytes.includes(name))).toBe(true);
  });

  it('keeps no full birth date beside the masked ID (masked ID + birth date gives the whole number back)', () => {
    const rows = s.store.sqlite
      .prepare('SELECT * FROM customers WHERE id_masked IS NOT NULL')
      .all() as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(COUNT / 2);
    const fullDate = /\d{4}-\d{2}-\d{2}|^(19|20)\d{6}$/;
    for (const r of rows) {
      for (const [col, v] of Object.entries(r)) {
        if (typeof v === 'string' && col !== 'id' && col !== 'id_enc' && col !== 'phone_enc') {
          expect(fullDate.test(v) ? `${col}=${v}` : null, String(r.customer_no)).toBeNull();
        }
      }
    }
    // Only the year and month stay, for the age rules.
    const c = customers.find((x) => x.birthDate && x.idNumber) as DemoCustomer;
    const row = s.store.sqlite
      .prepare('SELECT birth_month FROM customers WHERE customer_no = ?')
      .get(c.customerNo);
    expect(row).toEqual({ birth_month: c.birthDate?.slice(0, 7) });
    // Nor anywhere in the bytes (birth dates before 2010 cannot be a business date of this branch).
    const births = new Set(
      customers.flatMap((x) => (x.birthDate && x.birthDate < '2010' ? [x.birthDate] : [])),
    );
    expect(births.size).toBeGreaterThan(COUNT / 4);
    for (const f of dbFiles()) {
      const found = f.bytes.toString('latin1').match(/(19|20)\d\d-\d\d-\d\d/g) ?? [];
      expect(
        found.filter((d) => births.has(d)),
        f.name,
      ).toEqual([]);
    }
  });

  it('keeps names searchable', async () => {
    const t = await s.login('teller2');
    const c = customers.find((x) => x.kind === 'individual' && x.name.length >= 2) as DemoCustomer;
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/customers/lookup?q=${encodeURIComponent(c.name)}`,
      headers: { authorization: `Bearer ${t}` },
    });
    expect(res.statusCode).toBe(200);
    const found = (res.json() as { customers: { customerNo: string; name: string }[] }).customers;
    expect(found.map((x) => x.customerNo)).toContain(c.customerNo);
  });

  it('keeps the keys outside the data folder, readable by the owner only', () => {
    const keyFile = join(s.dataDir, 'data.keys', 'pii.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(s.dataDir, 'data.keys')).mode & 0o777).toBe(0o700);
    expect(existsSync(join(s.dataDir, 'data', 'pii.key'))).toBe(false);
  });
});
