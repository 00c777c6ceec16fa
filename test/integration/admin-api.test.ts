import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesConfig } from '@shared/config/schema';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

/** Staff and counters management, versioned settings with rollback, and the audit rows they leave. */
let s: TestServer;
let manager = '';
let admin = '';

type Res = { statusCode: number; json: () => unknown; body: string };
const err = (r: Res) =>
  (r.json() as { error: { code: string; zh: string; en: string; details?: unknown } }).error;

function req(method: string, url: string, token: string | undefined, payload?: unknown) {
  return s.app.inject({
    method: method as 'GET',
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
const audit = (action: string) =>
  s.store.sqlite
    .prepare('SELECT staff_id, target_id, reason, detail FROM audit_log WHERE action = ? ORDER BY at, id')
    .all(action) as { staff_id: string; target_id: string; reason: string | null; detail: string }[];
const staffId = (u: string) => s.ctx.staff.byUsername(u)?.id as string;

beforeAll(async () => {
  s = await startTestServer();
  manager = await s.login('manager1');
  admin = await s.login('admin');
});
afterAll(async () => {
  await s.stop();
});

describe('staff management', () => {
  it('lets a manager add a teller, but only an admin add a manager', async () => {
    const mk = (token: string, username: string, role: string) =>
      req('POST', '/api/staff', token, {
        username,
        displayName: `员工 ${username}`,
        role,
        password: 'start1234',
      });
    const t = await mk(manager, 'teller9', 'teller');
    expect(t.statusCode).toBe(201);
    expect(t.json()).toMatchObject({ username: 'teller9', role: 'teller', active: true, lockedUntil: null });
    expect(JSON.stringify(t.json())).not.toContain('password');
    const denied = await mk(manager, 'boss2', 'manager');
    expect(denied.statusCode).toBe(403);
    expect(err(denied).code).toBe('admin_only');
    expect((await mk(admin, 'boss2', 'manager')).statusCode).toBe(201);
    const dup = await mk(admin, 'teller9', 'teller');
    expect(dup.statusCode).toBe(409);
    expect(err(dup).code).toBe('username_taken');
    expect((await mk(manager, 'Bad Name', 'teller')).statusCode).toBe(400);
    expect(audit('staff.create').map((r) => JSON.parse(r.detail) as { username: string })).toMatchObject([
      { username: 'teller9' },
      { username: 'boss2' },
    ]);
    const list = (await req('GET', '/api/staff', manager)).json() as { username: string }[];
    expect(list.map((x) => x.username)).toEqual(expect.arrayContaining(['teller9', 'boss2', 'admin']));
  });

  it('audits a role change, and keeps managers away from privileged accounts', async () => {
    const id = staffId('teller9');
    const r = await req('PATCH', `/api/staff/${id}`, manager, { role: 'lobby' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ role: 'lobby' });
    const row = audit('staff.role_change').at(-1);
    expect(row?.staff_id).toBe(staffId('manager1'));
    expect(JSON.parse(row?.detail ?? '{}')).toMatchObject({ from: 'teller', to: 'lobby' });
    expect(err(await req('PATCH', `/api/staff/${id}`, manager, { role: 'admin' })).code).toBe('admin_only');
    expect(err(await req('PATCH', `/api/staff/${staffId('admin')}`, manager, { active: false })).code).toBe(
      'admin_only',
    );
    expect(err(await req('PATCH', `/api/staff/${staffId('admin')}`, admin, { active: false })).code).toBe(
      'own_account',
    );
    expect((await req('PATCH', `/api/staff/${id}`, manager, {})).statusCode).toBe(400);
    expect((await req('PATCH', `/api/staff/nope`, manager, { displayName: 'x' })).statusCode).toBe(404);
  });

  it('ends a disabled account’s sessions at once and refuses its login', async () => {
    const t = await s.login('teller9', 'start1234');
    expect((await req('GET', '/api/queues', t)).statusCode).toBe(200);
    const id = staffId('teller9');
    expect((await req('PATCH', `/api/staff/${id}`, manager, { active: false })).statusCode).toBe(200);
    expect((await req('GET', '/api/queues', t)).statusCode).toBe(401);
    const again = await req('POST', '/api/session', undefined, {
      username: 'teller9',
      password: 'start1234',
    });
    expect(again.statusCode).toBe(401);
    expect(JSON.parse(audit('staff.disable').at(-1)?.detail ?? '{}')).toMatchObject({ sessionsEnded: 1 });
    expect((await req('PATCH', `/api/staff/${id}`, manager, { active: true })).statusCode).toBe(200);
    expect(audit('staff.enable')).toHaveLength(1);
  });

  it('resets a password: old sessions end, the new password works', async () => {
    const id = staffId('teller9');
    const t = await s.login('teller9', 'start1234');
    const r = await req('POST', `/api/staff/${id}/password`, manager, { password: 'fresh5678' });
    expect(r.json()).toEqual({ ok: true, sessionsEnded: 1 });
    expect((await req('GET', '/api/queues', t)).statusCode).toBe(401);
    expect(await s.login('teller9', 'fresh5678')).toBeTruthy();
    expect(audit('staff.password_reset')).toHaveLength(1);
    expect(
      err(await req('POST', `/api/staff/${staffId('admin')}/password`, manager, { password: 'x1234567' }))
        .code,
    ).toBe('admin_only');
  });
});

describe('counters management', () => {
  it('adds a counter (closed), refuses a taken number or an unknown queue, and re-configures one', async () => {
    const c = await req('POST', '/api/counters', manager, {
      number: 12,
      name: '12号窗口',
      channel: 'counter',
      queues: ['individual'],
    });
    expect(c.statusCode).toBe(201);
    const counter = c.json() as { id: string; open: boolean; corporateOnly: boolean };
    expect(counter).toMatchObject({ open: false, corporateOnly: false });
    const taken = await req('POST', '/api/counters', manager, {
      number: 12,
      name: 'x',
      channel: 'counter',
      queues: ['individual'],
    });
    expect(err(taken).code).toBe('counter_number_taken');
    const unknown = await req('POST', '/api/counters', manager, {
      number: 13,
      name: 'x',
      channel: 'counter',
      queues: ['teleport'],
    });
    expect(err(unknown).code).toBe('unknown_queue');
    const p = await req('PATCH', `/api/counters/${counter.id}`, manager, {
      name: '12号 理财窗口',
      queues: ['individual', 'vip'],
      open: true,
    });
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ name: '12号 理财窗口', queues: ['individual', 'vip'], open: true });
    const counters = (await req('GET', '/api/counters', manager)).json() as {
      counters: { id: string; name: string }[];
    };
    expect(counters.counters.find((x) => x.id === counter.id)?.name).toBe('12号 理财窗口');
    expect(JSON.parse(audit('counter.update').at(-1)?.detail ?? '{}')).toMatchObject({
      name: '12号 理财窗口',
      before: { name: '12号窗口' },
    });
    expect(audit('counter.create')).toHaveLength(1);
  });
});

describe('settings versions', () => {
  let v1: { version: number; config: RulesConfig };

  it('reads the current version', async () => {
    const r = await req('GET', '/api/settings', manager);
    expect(r.statusCode).toBe(200);
    v1 = r.json() as typeof v1;
    expect(v1.version).toBe(1);
    expect(v1.config.customer.elderlyAge).toBe(60);
  });

  it('refuses a bad value with the field and the reason in both languages, and saves nothing', async () => {
    const bad = structuredClone(v1.config) as unknown as {
      customer: { elderlyAge: number; tiers: unknown[] };
    };
    bad.customer.elderlyAge = 30;
    (bad.customer.tiers[2] as { minFen: unknown }).minFen = 'lots';
    const r = await req('PUT', '/api/settings', manager, { config: bad });
    expect(r.statusCode).toBe(400);
    const e = err(r);
    expect(e.code).toBe('invalid_settings');
    expect(e.details).toEqual(
      expect.arrayContaining([
        { path: 'customer.elderlyAge', zh: '不能小于 50', en: 'Must be at least 50' },
        expect.objectContaining({ path: 'customer.tiers.2.minFen', zh: '类型应为数字' }),
      ]),
    );
    expect(e.zh).toContain('customer.');
    expect(e.en).toContain('customer.');
    expect(s.ctx.settings.current().version).toBe(1);
  });

  it('refuses a valid change without a description, in both languages, and saves nothing', async () => {
    const cfg = structuredClone(v1.config);
    cfg.customer.elderlyAge = 65;
    for (const note of [undefined, '', '   ']) {
      const r = await req('PUT', '/api/settings', manager, {
        config: cfg,
        ...(note === undefined ? {} : { note }),
      });
      expect(r.statusCode).toBe(400);
      const e = err(r);
      expect(e.code).toBe('note_required');
      expect(e.zh).toContain('变更说明');
      expect(e.en).toContain('Describe the change');
    }
    expect(s.ctx.settings.current().version).toBe(1);
  });

  it('saves a new version that lookups, triage, suggestions and the display use at once', async () => {
    const lobby = await s.login('lobby1');
    const lookup = async () =>
      (
        (await req('GET', `/api/customers/lookup?q=${SHOWCASE.effective.customerNo}`, lobby)).json() as {
          customers: { id: string; tier: { tier: string } }[];
        }
      ).customers[0];
    const before = await lookup();
    expect(before?.tier.tier).toBe('effective');
    const suggestions = async () =>
      ((await req('GET', `/api/customers/${before?.id}/suggestions`, lobby)).json() as { items: unknown[] })
        .items.length;
    expect(await suggestions()).toBeGreaterThan(1);

    const cfg = structuredClone(v1.config);
    cfg.branch.name = '城东支行';
    const mid = cfg.customer.tiers.find((t) => t.key === 'mid');
    if (mid) mid.minFen -= 400_000; // ¥4,000 lower: the ¥3,200-short customer is now 中端
    cfg.triage.intents = cfg.triage.intents.filter((i) => i.key !== 'fx');
    cfg.suggest.topN = 1;
    const r = await req('PUT', '/api/settings', manager, { config: cfg, note: '城东支行开业' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ version: 2, note: '城东支行开业', createdByName: '网点负责人 刘洋' });

    expect((await lookup())?.tier.tier).toBe('mid');
    expect(await suggestions()).toBe(1);
    const triage = await req('POST', '/api/triage', lobby, { customerId: null, intents: ['fx'] });
    expect(err(triage).code).toBe('unknown_intent');
    expect(((await req('GET', '/api/display', undefined)).json() as { branchName: string }).branchName).toBe(
      '城东支行',
    );
    const row = audit('settings.change').at(-1);
    expect(row?.reason).toBe('城东支行开业');
    expect(JSON.parse(row?.detail ?? '{}')).toMatchObject({ from: 1, to: 2 });
    expect((JSON.parse(row?.detail ?? '{}') as { sections: string[] }).sections.sort()).toEqual(
      ['branch', 'customer', 'suggest', 'triage'].sort(),
    );
  });

  it('lists versions with who saved them and rolls back to an older one as a new version', async () => {
    const versions = (await req('GET', '/api/settings/versions', admin)).json() as {
      version: number;
      createdByName: string | null;
    }[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]?.createdByName).toBe('网点负责人 刘洋');
    // The list says what version 2 changed, in words: names and 元 instead of keys and fen.
    const changes = (versions[0] as unknown as { changes: { zh: string; en: string }[] }).changes;
    expect(changes.map((c) => c.zh)).toEqual(
      expect.arrayContaining([
        '网点：名称 示范支行 → 城东支行',
        '中端客户下限 ¥50,000 → ¥46,000',
        '删除业务「外汇」',
      ]),
    );
    expect(changes.map((c) => c.en)).toContain('Mid-tier lower bound ¥50,000 → ¥46,000');
    const old = (await req('GET', '/api/settings/versions/1', admin)).json() as { config: RulesConfig };
    expect(old.config.branch.name).toBe(v1.config.branch.name);
    expect((await req('GET', '/api/settings/versions/99', admin)).statusCode).toBe(404);

    const r = await req('POST', '/api/settings/rollback', admin, { version: 1 });
    expect(r.statusCode).toBe(200);
    const now = r.json() as { version: number; config: RulesConfig; note: string };
    expect(now.version).toBe(3);
    expect(now.config).toEqual(v1.config);
    expect(now.note).toContain('1');
    expect(((await req('GET', '/api/display', undefined)).json() as { branchName: string }).branchName).toBe(
      v1.config.branch.name,
    );
    expect(JSON.parse(audit('settings.rollback').at(-1)?.detail ?? '{}')).toMatchObject({
      from: 2,
      to: 3,
      source: 1,
    });
    expect((await req('POST', '/api/settings/rollback', admin, { version: 42 })).statusCode).toBe(404);
  });
});

describe('settings and counters together', () => {
  it('refuses dropping a queue a counter still serves', async () => {
    const base = s.ctx.settings.current().config;
    const withDesk = structuredClone(base);
    withDesk.queue.queues.push({
      key: 'fx_desk',
      prefix: 'F',
      channel: 'counter',
      zh: '外汇专柜',
      en: 'FX desk',
      defaultServiceMinutes: 12,
    });
    expect(
      (await req('PUT', '/api/settings', manager, { config: withDesk, note: '外汇窗口' })).statusCode,
    ).toBe(200);
    const c = await req('POST', '/api/counters', manager, {
      number: 20,
      name: '20号外汇窗口',
      channel: 'counter',
      queues: ['fx_desk'],
    });
    expect(c.statusCode).toBe(201);
    const version = s.ctx.settings.current().version;
    const r = await req('PUT', '/api/settings', manager, { config: base, note: '去掉外汇队列' });
    expect(r.statusCode).toBe(400);
    const details = err(r).details as { path: string; zh: string; en: string }[];
    expect(details).toEqual([expect.objectContaining({ path: 'queue.queues' })]);
    expect(details[0]?.zh).toContain('20号外汇窗口');
    expect(s.ctx.settings.current().version).toBe(version);
    // Once the counter serves something else, the queue can go.
    await req('PATCH', `/api/counters/${(c.json() as { id: string }).id}`, manager, {
      queues: ['individual'],
    });
    expect(
      (await req('PUT', '/api/settings', manager, { config: base, note: '去掉外汇队列' })).statusCode,
    ).toBe(200);
  });
});

describe('audit trail', () => {
  it('has no route to change or delete audit rows, and SQLite refuses both', async () => {
    const id = (s.store.sqlite.prepare('SELECT id FROM audit_log LIMIT 1').get() as { id: string }).id;
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect(
        (await req(method, `/api/audit/${id}`, admin, method === 'DELETE' ? undefined : {})).statusCode,
      ).toBe(404);
      expect((await req(method, '/api/audit', admin, method === 'DELETE' ? undefined : {})).statusCode).toBe(
        404,
      );
    }
    expect(() => s.store.sqlite.prepare(`UPDATE audit_log SET action = 'x' WHERE id = ?`).run(id)).toThrow(
      /append-only/,
    );
    expect(() => s.store.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(() => s.store.sqlite.prepare('DELETE FROM settings').run()).toThrow(/immutable/);
    expect(() => s.store.sqlite.prepare(`UPDATE settings SET note = 'x'`).run()).toThrow(/immutable/);
  });

  it('records logins, settings changes, role changes and staff changes for the audit screen', async () => {
    const page = (await req('GET', '/api/audit?limit=500', manager)).json() as { rows: { action: string }[] };
    const actions = new Set(page.rows.map((r) => r.action));
    for (const a of [
      'login',
      'settings.change',
      'settings.rollback',
      'staff.role_change',
      'staff.create',
      'counter.create',
    ]) {
      expect(actions, a).toContain(a);
    }
  });
});
