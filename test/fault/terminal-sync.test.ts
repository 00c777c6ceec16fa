import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startHub, startTerminal, status, synced, until, type Node } from './harness';
import { startProxy, type LinkProxy } from './proxy';

/** A terminal's copy, its offline work beyond tickets, the device credential, and profile last-writer-wins. */
let hub: Node;
let t1: Node;
let t2: Node;
let l1: LinkProxy;
let l2: LinkProxy;

beforeAll(async () => {
  hub = await startHub({ customers: 60 });
  const port = Number(new URL(hub.url).port);
  l1 = await startProxy({ host: '127.0.0.1', port });
  l2 = await startProxy({ host: '127.0.0.1', port });
  t1 = await startTerminal(l1.url);
  t2 = await startTerminal(l2.url);
  await Promise.all([synced(t1), synced(t2)]);
}, 60_000);

afterAll(async () => {
  await t1?.stop();
  await t2?.stop();
  await l1?.close();
  await l2?.close();
  await hub?.stop();
});

const count = (n: Node, sql: string) => (n.ctx.store.sqlite.prepare(sql).get() as { n: number }).n;

describe('the terminal copy', () => {
  it('holds the customers, staff and counters, without cipher texts', () => {
    for (const table of ['customers', 'staff', 'counters', 'products', 'cards', 'holdings']) {
      expect(count(t1, `SELECT count(*) AS n FROM ${table}`)).toBe(
        count(hub, `SELECT count(*) AS n FROM ${table}`),
      );
    }
    expect(
      count(t1, 'SELECT count(*) AS n FROM customers WHERE id_enc IS NOT NULL OR phone_enc IS NOT NULL'),
    ).toBe(0);
    expect(count(t1, 'SELECT count(*) AS n FROM cards WHERE card_enc IS NOT NULL')).toBe(0);
  });

  it('finds a walk-in by customer number and by ID offline, and staff log in offline', async () => {
    l1.cut();
    const teller = await t1.login('teller1');
    const byNo = await t1.call<{ customers: { id: string }[] }>(
      'GET',
      `/api/customers/lookup?q=${SHOWCASE.private.customerNo}`,
      undefined,
      teller,
    );
    expect(byNo.status).toBe(200);
    const hubTeller = await hub.login('teller1');
    // The hub reveals the ID (it holds the cipher text); the terminal finds the same customer by it.
    const revealed = await hub.call<{ value: string }>(
      'POST',
      `/api/customers/${byNo.body.customers[0]?.id}/reveal`,
      { field: 'id', reason: '核对身份 test' },
      hubTeller,
    );
    expect(revealed.status).toBe(200);
    const byId = await t1.call<{ customers: { id: string }[] }>(
      'GET',
      `/api/customers/lookup?q=${revealed.body.value}`,
      undefined,
      teller,
    );
    expect(byId.status).toBe(200);
    expect(byId.body.customers[0]?.id).toBe(byNo.body.customers[0]?.id);
    l1.heal();
    await synced(t1);
    // The offline login and look-ups join the hub's audit trail, under their own ids, marked with the device.
    t1.ctx.audit.flush();
    const local = t1.ctx.store.sqlite
      .prepare(`SELECT id FROM audit_log WHERE action IN ('login', 'customer.lookup')`)
      .all() as { id: string }[];
    expect(local.length).toBeGreaterThanOrEqual(3);
    t1.ctx.sync.kick();
    await until(
      () =>
        local.every((r) =>
          (
            hub.ctx.store.sqlite.prepare('SELECT detail FROM audit_log WHERE id = ?').get(r.id) as
              { detail: string } | undefined
          )?.detail.includes(t1.ctx.sync.deviceId),
        ),
      'terminal audit rows at the hub',
    );
  }, 20_000);
});

/**
 * Whoever holds a terminal (its copy and the key it got at enrollment) can test a guess offline, exactly as the
 * terminal's own look-up does. So guesses consistent with what the copy shows are run through that look-up: at
 * least MIN must pass for every customer, or the copy plus the key give the number away.
 */
describe('a terminal copy and its lookup key do not give the numbers away', () => {
  const MIN = 20;
  const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const checkChar = (s17: string) =>
    '10X98765432'[[...s17].reduce((a, ch, i) => a + Number(ch) * (WEIGHTS[i] as number), 0) % 11] as string;
  /** Digits the mask shows must agree; the guess is kept when the terminal's own look-up finds this customer. */
  const fits = (masked: string, guess: string) => [...masked].every((ch, i) => ch === '*' || ch === guess[i]);
  const finds = (kind: 'id' | 'phone', value: string, id: string) =>
    t1.ctx.customers.lookup({ kind, value }).some((c) => c.id === id);
  const revealAtHub = async (id: string, field: 'id' | 'phone', token: string) =>
    (
      await hub.call<{ value: string }>(
        'POST',
        `/api/customers/${id}/reveal`,
        { field, reason: '核对 test' },
        token,
      )
    ).body.value;
  const sample = () =>
    t1.ctx.store.sqlite
      .prepare(
        `SELECT id, phone_masked, id_masked, id_hash, birth_month, gender FROM customers
         WHERE kind = 'individual' AND phone_masked IS NOT NULL AND id_masked IS NOT NULL ORDER BY id LIMIT 4`,
      )
      .all() as {
      id: string;
      phone_masked: string;
      id_masked: string;
      id_hash: string;
      birth_month: string;
      gender: string;
    }[];

  it('phones: every mobile number the copy does not rule out, through the look-up, leaves ≥ MIN per customer', async () => {
    const teller = await hub.login('teller1');
    const rows = sample();
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) {
      const phone = await revealAtHub(r.id, 'phone', teller);
      expect(finds('phone', phone, r.id), 'the terminal finds the customer by the real number').toBe(true);
      // Every mobile prefix 130–199 × every middle, with the last 4 the copy shows (a copy hiding them too only
      // leaves more candidates; this enumeration would then undercount, never overcount).
      expect(r.phone_masked).toMatch(/\d{4}$/);
      let n = 0;
      outer: for (let p = 130; p <= 199; p++)
        for (let mid = 0; mid < 1e4; mid++) {
          const guess = `${p}${String(mid).padStart(4, '0')}${r.phone_masked.slice(-4)}`;
          if (fits(r.phone_masked, guess) && finds('phone', guess, r.id) && ++n >= MIN) break outer;
        }
      expect(n, `candidates for ${r.phone_masked}`).toBeGreaterThanOrEqual(MIN);
    }
  }, 60_000);

  it('IDs: every region of the prefecture × every sequence number, with the birth date the copy holds, leaves ≥ MIN', async () => {
    const teller = await hub.login('teller1');
    for (const r of sample()) {
      const idNo = await revealAtHub(r.id, 'id', teller);
      expect(finds('id', idNo, r.id)).toBe(true);
      // The copy keeps only the birth month in its column; the full date is the hint of the ID's tag.
      const birth = r.id_hash.split(':')[2] as string;
      expect(birth.slice(0, 6)).toBe(r.birth_month.replace('-', ''));
      let n = 0;
      // The attacker's prior: the customer lives in one of the 100 districts of the branch's prefecture.
      outer: for (let d = 0; d < 100; d++)
        for (let seq = 0; seq < 1000; seq++) {
          if (seq % 2 !== (r.gender === 'M' ? 1 : 0)) continue;
          const s17 = `${idNo.slice(0, 4)}${String(d).padStart(2, '0')}${birth}${String(seq).padStart(3, '0')}`;
          const guess = s17 + checkChar(s17);
          if (fits(r.id_masked, guess) && finds('id', guess, r.id) && ++n >= MIN) break outer;
        }
      expect(n, `candidates for ${r.id}`).toBeGreaterThanOrEqual(MIN);
    }
  }, 60_000);
});

describe('offline work reaches the hub', () => {
  it('outcomes, follow-ups and complaints made offline arrive once; terminal tickets never collide with the hub', async () => {
    l1.cut();
    await until(() => !status(t1).online, 't1 offline');
    const teller = await t1.login('teller1');
    const lookup = await t1.call<{ customers: { id: string }[] }>(
      'GET',
      `/api/customers/lookup?q=${SHOWCASE.private.customerNo}`,
      undefined,
      teller,
    );
    const customerId = lookup.body.customers[0]?.id as string;
    const issued = await t1.call<{ ticket: { id: string; displayNo: string } }>(
      'POST',
      '/api/tickets',
      { customerId, intents: ['wealth'] },
      teller,
    );
    expect(issued.status).toBe(201);
    const outcome = await t1.call<{ id: string; followUpId: string }>(
      'POST',
      '/api/outcomes',
      { customerId, ticketId: issued.body.ticket.id, productCode: 'DEP-3Y', outcome: 'interested' },
      teller,
    );
    expect(outcome.status).toBe(201);
    const complaint = await t1.call<{ id: string }>(
      'POST',
      '/api/complaints',
      { customerId, category: 'wait_time', description: '等候时间过长 offline' },
      teller,
    );
    expect(complaint.status).toBe(201);
    const closed = await t1.call(
      'PATCH',
      `/api/follow-ups/${outcome.body.followUpId}`,
      { status: 'done' },
      teller,
    );
    expect(closed.status).toBe(200);

    // Meanwhile the lobby at the hub issues in the same queue: numbers stay apart.
    const lobby = await hub.login('lobby1');
    const hubTicket = await hub.call<{ ticket: { displayNo: string; queue: string } }>(
      'POST',
      '/api/tickets',
      { customerId, intents: ['wealth'] },
      lobby,
    );
    expect(hubTicket.body.ticket.queue).toBe(t1.ctx.queue.tickets.get(issued.body.ticket.id)?.queue);
    expect(hubTicket.body.ticket.displayNo).not.toBe(issued.body.ticket.displayNo);

    l1.heal();
    await synced(t1);
    expect(hub.ctx.queue.tickets.get(issued.body.ticket.id)?.displayNo).toBe(issued.body.ticket.displayNo);
    expect(count(hub, `SELECT count(*) AS n FROM suggestion_outcomes WHERE id = '${outcome.body.id}'`)).toBe(
      1,
    );
    const fu = hub.ctx.store.sqlite
      .prepare('SELECT status FROM follow_ups WHERE id = ?')
      .get(outcome.body.followUpId) as {
      status: string;
    };
    expect(fu.status).toBe('done');
    expect(count(hub, `SELECT count(*) AS n FROM complaints WHERE id = '${complaint.body.id}'`)).toBe(1);
    // …and the other terminal gets them through the hub's journal.
    await until(
      () => count(t2, `SELECT count(*) AS n FROM suggestion_outcomes WHERE id = '${outcome.body.id}'`) === 1,
      'outcome at t2',
    );
    expect(t2.ctx.queue.tickets.get(issued.body.ticket.id)?.displayNo).toBe(issued.body.ticket.displayNo);
  }, 30_000);
});

describe('profile fields: last writer wins', () => {
  it('keeps the later change everywhere and the loser in the audit log', async () => {
    const customerId = (
      hub.ctx.store.sqlite.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').get() as { id: string }
    ).id;
    l1.cut();
    l2.cut();
    await until(() => !status(t1).online && !status(t2).online, 'both offline');
    t1.ctx.sync.updateProfile(customerId, { risk_level: 2, marketing_consent: 1 }, null);
    await new Promise((r) => setTimeout(r, 5));
    t2.ctx.sync.updateProfile(customerId, { risk_level: 4 }, null);
    // The later writer pushes first; the earlier change then arrives and must lose risk_level only.
    l2.heal();
    await synced(t2);
    l1.heal();
    await synced(t1);
    await until(
      () => t2.ctx.customers.get(customerId)?.marketingConsent === true,
      't2 pulls the consent change',
    );
    for (const n of [hub, t1, t2]) {
      const row = n.ctx.customers.get(customerId);
      expect(row?.riskLevel).toBe(4);
      expect(row?.marketingConsent).toBe(true);
    }
    const audit = hub.ctx.store.sqlite
      .prepare(`SELECT detail FROM audit_log WHERE action = 'sync.profile_lww' AND target_id = ?`)
      .all(customerId) as { detail: string }[];
    const lost = audit.map((a) => JSON.parse(a.detail) as { field: string; lost: { value: unknown } });
    expect(lost.some((d) => d.field === 'risk_level' && d.lost.value === 2)).toBe(true);
  }, 30_000);
});

describe('the device credential', () => {
  it('refuses pushes without a token, with a stranger device id, and enrollment by a teller', async () => {
    const anon = await fetch(`${hub.url}/api/sync/events?after=0`);
    expect(anon.status).toBe(401);
    const teller = await hub.call('POST', '/api/sync/enroll', {
      username: 'teller1',
      password: 'demo1234',
      deviceId: 'rogue',
    });
    expect(teller.status).toBe(403);
    const bad = await hub.call('POST', '/api/sync/enroll', {
      username: 'manager1',
      password: 'nope',
      deviceId: 'x',
    });
    expect(bad.status).toBe(401);
    const e = await hub.call<{ token: string }>('POST', '/api/sync/enroll', {
      username: 'manager1',
      password: 'demo1234',
      deviceId: 'honest',
    });
    expect(e.status).toBe(200);
    const spoof = await fetch(`${hub.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device-token': e.body.token },
      body: JSON.stringify({
        events: [
          {
            id: '01900000-0000-7000-8000-000000000001',
            deviceId: t1.ctx.sync.deviceId,
            branchCode: 'DEMO01',
            hlc: `${Date.now()}:0000:${t1.ctx.sync.deviceId}`,
            kind: 'audit',
            entityId: 'x',
            payload: {},
          },
        ],
      }),
    });
    expect(spoof.status).toBe(403);
    const st = await hub.call<{ devices: { deviceId: string; pushed: number }[] }>(
      'GET',
      '/api/sync/status?detail=1',
      undefined,
      await hub.login('manager1'),
    );
    expect(st.body.devices.map((d) => d.deviceId)).toEqual(
      expect.arrayContaining([t1.ctx.sync.deviceId, t2.ctx.sync.deviceId, 'honest']),
    );
  });
});

describe('customers whose ID tags coincide', () => {
  it('a fresh terminal takes its snapshot, goes online and finds each of them by ID', async () => {
    // 17 IDs with one region and birth date fall into 16 four-bit tags: at least two customers share a tag.
    const rows = hub.ctx.store.sqlite
      .prepare('SELECT id FROM customers WHERE id_enc IS NOT NULL ORDER BY id DESC LIMIT 17')
      .all() as { id: string }[];
    expect(rows).toHaveLength(17);
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const ids = rows.map((_, i) => {
      const s17 = `11010119900307${String(100 + 2 * i).padStart(3, '0')}`;
      const sum = [...s17].reduce((a, c, j) => a + Number(c) * (weights[j] ?? 0), 0);
      return s17 + '10X98765432'.charAt(sum % 11);
    });
    const set = hub.ctx.store.sqlite.prepare('UPDATE customers SET id_enc = ?, id_hash = ? WHERE id = ?');
    hub.ctx.store.tx(() =>
      rows.forEach((r, i) =>
        set.run(hub.ctx.pii.encrypt(ids[i] ?? ''), hub.ctx.pii.hash('id', ids[i] ?? ''), r.id),
      ),
    );
    const link = await startProxy({ host: '127.0.0.1', port: Number(new URL(hub.url).port) });
    const t3 = await startTerminal(link.url);
    try {
      await synced(t3);
      expect(status(t3).phase).toBe('online');
      expect(
        count(t3, 'SELECT count(*) AS n FROM (SELECT 1 FROM customers GROUP BY id_hash HAVING count(*) > 1)'),
      ).toBeGreaterThan(0);
      rows.forEach((r, i) =>
        expect(t3.ctx.customers.lookup({ kind: 'id', value: ids[i] ?? '' }).map((c) => c.id)).toContain(r.id),
      );
    } finally {
      await t3.stop();
      await link.close();
    }
  }, 60_000);
});
