import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentView } from '@shared/customer/consent';
import { defaultConsentConfig } from '@shared/customer/consent-config';
import type { ConsentSlip, ProspectList, ProspectView } from '@shared/prospect/api';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

/** Step 15: walk-in prospects (name + phone only with consent), their follow-up, link, withdrawal and the slip. */

let s: TestServer;
let lobby: string;
let rm: string;
let rmId: string;
let manager: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const V = defaultConsentConfig.version;
const consent = { granted: true, scope: 'all', channel: 'counter', textVersion: V };
const body = (phone: string, extra: Record<string, unknown> = {}) => ({
  name: '赵小梅',
  phone,
  intent: 'wealth',
  note: '想了解定期，电话 13912345678 联系',
  assigneeId: rmId,
  consent,
  ...extra,
});
const row = (sql: string, ...args: unknown[]) =>
  s.ctx.store.sqlite.prepare(sql).get(...args) as Record<string, unknown>;

beforeAll(async () => {
  s = await startTestServer();
  lobby = await s.login('lobby1');
  rm = await s.login('rm1');
  manager = await s.login('manager1');
  rmId = (row("SELECT id FROM staff WHERE username = 'rm1'") as { id: string }).id;
});
afterAll(async () => {
  await s.stop();
});

describe('walk-in prospects', () => {
  it('refuses bad input with bilingual 4xx, and keeps nothing without consent', async () => {
    const phone = await s.post('/api/prospects', body('1234'), lobby);
    expect(phone.status).toBe(400);
    expect(JSON.stringify(await phone.json())).toMatch(/手机号码.*mobile/);
    const name = await s.post('/api/prospects', body('13911110001', { name: '张3' }), lobby);
    expect(name.status).toBe(400);
    const noConsent = await s.post(
      '/api/prospects',
      body('13911110002', { consent: { ...consent, granted: false } }),
      lobby,
    );
    expect(noConsent.status).toBe(422);
    const b = await json<{ message: string; messageEn?: string }>(noConsent);
    expect(JSON.stringify(b)).toMatch(/未同意/);
    expect(JSON.stringify(b)).toMatch(/consent/);
    const old = await s.post(
      '/api/prospects',
      body('13911110003', { consent: { ...consent, textVersion: '1999' } }),
      lobby,
    );
    expect(old.status).toBe(409);
    const who = await s.post('/api/prospects', body('13911110004', { assigneeId: 'nobody' }), lobby);
    expect(who.status).toBe(400);
    expect(row('SELECT count(*) AS n FROM prospects').n).toBe(0);
    // The teller cannot see the RM's list; the lobby cannot read phones.
    expect((await s.get('/api/prospects', lobby)).status).toBe(403);
  });

  it('lobby records → the RM sees it masked, reveals with a reason (audited); phone never stored in clear', async () => {
    const res = await s.post('/api/prospects', body('13911112222'), lobby);
    expect(res.status).toBe(201);
    const p = await json<ProspectView>(res);
    expect(p.phoneMasked).toBe('139****2222');
    expect(p.status).toBe('open');
    expect(p.note).not.toContain('13912345678');
    expect(p.consent?.granted).toBe(true);
    const stored = row('SELECT * FROM prospects WHERE id = ?', p.id);
    expect(JSON.stringify(stored)).not.toContain('13911112222');
    const journal = s.ctx.store.sqlite
      .prepare("SELECT payload FROM ho_journal WHERE source LIKE 'prospect%'")
      .all();
    expect(journal.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(journal)).not.toContain('13911112222');

    const list = await json<ProspectList>(await s.get('/api/prospects', rm));
    const mine = list.prospects.find((x) => x.id === p.id);
    expect(mine?.assigneeName).toBeTruthy();
    expect(JSON.stringify(list)).not.toContain('13911112222');

    const noReason = await s.post(`/api/prospects/${p.id}/reveal`, { reason: ' ' }, rm);
    expect(noReason.status).toBe(400);
    const shown = await json<{ value: string }>(
      await s.post(`/api/prospects/${p.id}/reveal`, { reason: '回电' }, rm),
    );
    expect(shown.value).toBe('13911112222');
    expect(
      row("SELECT count(*) AS n FROM audit_log WHERE action = 'reveal.phone' AND target_id = ?", p.id).n,
    ).toBe(1);

    const closed = await json<ProspectView>(
      await s.post(`/api/prospects/${p.id}/close`, { status: 'contacted' }, rm),
    );
    expect(closed.status).toBe('contacted');
    const again = await s.post(`/api/prospects/${p.id}/close`, { status: 'closed' }, rm);
    expect(again.status).toBe(409);
  });

  it('withdrawal erases name and phone, is recorded, and its slip prints the words read', async () => {
    const p = await json<ProspectView>(await s.post('/api/prospects', body('13911113333'), lobby));
    const w = await s.post(`/api/prospects/${p.id}/withdraw`, { channel: 'counter', textVersion: V }, lobby);
    expect(w.status).toBe(200);
    const v = await json<ProspectView>(w);
    expect(v.status).toBe('withdrawn');
    expect(v.phoneMasked).toBeNull();
    const stored = row('SELECT name, phone_hash, phone_enc, note FROM prospects WHERE id = ?', p.id);
    expect(stored).toEqual({ name: '—', phone_hash: null, phone_enc: null, note: null });
    expect((await s.post(`/api/prospects/${p.id}/reveal`, { reason: '回电' }, rm)).status).toBe(404);

    const slip = await json<ConsentSlip>(
      await s.get(`/api/consent/slips/${v.consent?.eventId ?? ''}`, lobby),
    );
    expect(slip.event?.granted).toBe(false);
    expect(slip.version).toBe(V);
    expect(slip.text.zh).toBe(defaultConsentConfig.purposes.marketing.text.zh);
    expect(slip.text.en).toBe(defaultConsentConfig.purposes.marketing.text.en);
    expect(slip.event?.staffName).toBeTruthy();
    expect((await s.get('/api/consent/slips/nope', lobby)).status).toBe(404);
  });

  it('the same phone as a customer links the prospect and copies its consent to the customer, once', async () => {
    const known = await json<ProspectView>(
      await s.post('/api/prospects', body(SHOWCASE.potential.phone), lobby),
    );
    expect(known.status).toBe('converted');
    expect(known.customer?.customerNo).toBe(SHOWCASE.potential.customerNo);

    // A walk-in who becomes a customer later (an import brings the same phone).
    const later = await json<ProspectView>(await s.post('/api/prospects', body('13911114444'), lobby));
    const cust = row('SELECT id FROM customers WHERE customer_no = ?', SHOWCASE.elderly.customerNo) as {
      id: string;
    };
    s.ctx.store.sqlite
      .prepare('UPDATE customers SET phone_hash = ? WHERE id = ?')
      .run(s.ctx.pii.lookupHash('phone', '13911114444'), cust.id);
    const all = await json<ProspectList>(await s.get('/api/prospects?status=all&all=1', manager));
    const linked = all.prospects.find((x) => x.id === later.id);
    expect(linked?.status).toBe('converted');
    expect(linked?.customer?.id).toBe(cust.id);
    await s.get('/api/prospects?status=all&all=1', manager);
    const view = await json<ConsentView>(await s.get(`/api/customers/${cust.id}/consent`, manager));
    expect(view.history.filter((e) => e.id === later.consent?.eventId)).toHaveLength(1);
    expect(view.purposes.find((x) => x.purpose === 'marketing')?.source).toBe('desk');
    const slip = await json<ConsentSlip>(
      await s.get(`/api/consent/slips/${later.consent?.eventId ?? ''}`, manager),
    );
    expect(slip.event?.subject.customerNo).toBe(SHOWCASE.elderly.customerNo);
  });

  it('a customer identified by that phone at the lobby links the prospect without anyone opening the list', async () => {
    const later = await json<ProspectView>(await s.post('/api/prospects', body('13911115555'), lobby));
    const cust = row('SELECT id FROM customers WHERE customer_no = ?', SHOWCASE.private.customerNo) as {
      id: string;
    };
    s.ctx.store.sqlite
      .prepare('UPDATE customers SET phone_hash = ? WHERE id = ?')
      .run(s.ctx.pii.lookupHash('phone', '13911115555'), cust.id);
    expect(row('SELECT customer_id FROM prospects WHERE id = ?', later.id).customer_id).toBeNull();
    const found = await s.get('/api/customers/lookup?q=13911115555', lobby);
    expect(found.status).toBe(200);
    expect(row('SELECT customer_id, status FROM prospects WHERE id = ?', later.id)).toEqual({
      customer_id: cust.id,
      status: 'converted',
    });
  });

  it('prints the text in force for reading before a decision', async () => {
    const slip = await json<ConsentSlip>(await s.get('/api/consent/print?purpose=marketing', lobby));
    expect(slip.event).toBeNull();
    expect(slip.version).toBe(V);
    expect((await s.get('/api/consent/print?purpose=spam', lobby)).status).toBe(400);
  });
});
