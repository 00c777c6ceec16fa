import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

/** Showing a full ID or phone number: a real reason, and a per-staff limit with an alert row past it. */
const MIN = 60_000;
let s: TestServer;
let clock = Date.UTC(2026, 2, 10, 2, 0, 0);
let customerId: string;

type Res = { statusCode: number; json: () => unknown };
const err = (r: Res) => (r.json() as { error: { code: string; zh: string; en: string } }).error;

async function token(username: string): Promise<string> {
  const r = await s.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password: 'demo1234' },
  });
  return (r.json() as { token: string }).token;
}
const reveal = (tok: string, reason: string, field: 'id' | 'phone' = 'id') =>
  s.app.inject({
    method: 'POST',
    url: `/api/customers/${customerId}/reveal`,
    headers: { authorization: `Bearer ${tok}` },
    payload: { field, reason },
  });
const auditRows = (action: string) =>
  s.store.sqlite
    .prepare('SELECT staff_id, reason, target_id, detail FROM audit_log WHERE action = ? ORDER BY at')
    .all(action) as { staff_id: string; reason: string | null; target_id: string; detail: string }[];

function setSecurity(patch: Record<string, number>) {
  const cur = s.ctx.settings.current().config;
  s.ctx.settings.save({ ...cur, security: { ...cur.security, ...patch } }, null, 'test', clock);
  s.ctx.invalidateRules();
}

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  customerId = (
    s.store.sqlite
      .prepare('SELECT id FROM customers WHERE id_enc IS NOT NULL AND phone_enc IS NOT NULL LIMIT 1')
      .get() as { id: string }
  ).id;
});
afterAll(async () => {
  await s.stop();
});

describe('the reason for a reveal', () => {
  it('refuses blank, invisible-only and punctuation-only reasons', async () => {
    const t = await token('teller1');
    const blanks = [
      '\u200b\u200b',
      '\u200b\u200c\u200d\u2060\ufeff',
      ' \u3000 ',
      '\u00ad\u00ad\u00ad',
      '..',
      '核\u200b',
      '- -',
    ];
    for (const reason of blanks) {
      const r = await reveal(t, reason);
      expect(r.statusCode, JSON.stringify(reason)).toBe(400);
      expect(err(r).code).toBe('invalid_input');
    }
    expect(auditRows('reveal.id')).toEqual([]);
  });

  it('keeps a real reason, stored without the invisible characters', async () => {
    const t = await token('teller1');
    const r = await reveal(t, '  核\u200b对\u200d身份  ');
    expect(r.statusCode).toBe(200);
    expect(auditRows('reveal.id').at(-1)?.reason).toBe('核对身份');
  });
});

describe('reveals per staff member', () => {
  it('refuses past the limit in the window, with a reveal.limit audit row for the branch manager', async () => {
    clock += 60 * MIN;
    const t = await token('teller2');
    const tellerId = s.ctx.staff.byUsername('teller2')?.id;
    for (let i = 0; i < 10; i++) {
      const r = await reveal(t, `核对身份 ${i}`, i % 2 ? 'phone' : 'id');
      expect(r.statusCode, `reveal ${i + 1}`).toBe(200);
    }
    const over = await reveal(t, '再看一次');
    expect(over.statusCode).toBe(429);
    expect(err(over)).toMatchObject({ code: 'reveal_limit' });
    expect(err(over).zh).toContain('10');
    const alerts = auditRows('reveal.limit');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ staff_id: tellerId, target_id: customerId });
    // The refused reveal is not a reveal.
    expect(auditRows('reveal.id').filter((a) => a.staff_id === tellerId)).toHaveLength(5);

    // Another teller has a budget of their own.
    expect((await reveal(await token('teller3'), '核对身份')).statusCode).toBe(200);
    // The window moves on (a fresh login: the idle lock has locked the old session by then).
    clock += 10 * MIN + 1;
    expect((await reveal(await token('teller2'), '核对身份')).statusCode).toBe(200);
  });

  it('takes the limit and window from the security settings', async () => {
    clock += 60 * MIN;
    setSecurity({ revealsPerWindow: 3, revealWindowMinutes: 30 });
    const t = await token('rm1');
    for (let i = 0; i < 3; i++) expect((await reveal(t, '核对身份')).statusCode).toBe(200);
    expect((await reveal(t, '核对身份')).statusCode).toBe(429);
    clock += 11 * MIN;
    expect((await reveal(await token('rm1'), '核对身份')).statusCode).toBe(429);
    clock += 20 * MIN;
    expect((await reveal(await token('rm1'), '核对身份')).statusCode).toBe(200);
  });
});
