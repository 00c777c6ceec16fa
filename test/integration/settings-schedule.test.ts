import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesConfig } from '@shared/config/schema';
import { startTestServer, type TestServer } from './harness';

/** A settings version that takes effect later (a new campaign next Monday), on an injected clock. */
let clock = Date.UTC(2026, 11, 2, 2, 0); // Wednesday 10:00 in Shanghai
let s: TestServer;
let manager = '';

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const put = (body: unknown) =>
  fetch(s.url + '/api/settings', {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  manager = await s.login('manager1');
});
afterAll(async () => {
  await s.stop();
});

describe('scheduled settings versions', () => {
  it('saves a version for later: listed with its time, in force only from then on', async () => {
    const cur = await json<{ version: number; config: RulesConfig }>(await s.get('/api/settings', manager));
    const next = structuredClone(cur.config);
    next.customer.elderlyAge = 65;
    const at = clock + 5 * 86_400_000; // next Monday
    const r = await put({ config: next, note: '下周一起老年客户按65岁', effectiveAt: at });
    expect(r.status).toBe(200);
    // Saved, but the rules in force are still the old ones.
    expect(s.ctx.rules().customer.elderlyAge).toBe(60);
    const now = await json<{ version: number }>(await s.get('/api/settings', manager));
    expect(now.version).toBe(cur.version);
    const list = await json<{ version: number; effectiveAt: number | null }[]>(
      await s.get('/api/settings/versions', manager),
    );
    expect(list[0]).toMatchObject({ version: cur.version + 1, effectiveAt: at });

    clock = at - 1;
    expect(s.ctx.rules().customer.elderlyAge).toBe(60);
    clock = at;
    expect(s.ctx.rules().customer.elderlyAge).toBe(65);
    manager = await s.login('manager1'); // five days on: the morning's session has ended
    expect((await json<{ version: number }>(await s.get('/api/settings', manager))).version).toBe(
      cur.version + 1,
    );
  });

  it('refuses a time in the past, in both languages', async () => {
    const cur = await json<{ config: RulesConfig }>(await s.get('/api/settings', manager));
    const r = await put({ config: cur.config, note: 'past', effectiveAt: clock - 1 });
    expect(r.status).toBe(400);
    const e = (await json<{ error: { code: string; zh: string; en: string } }>(r)).error;
    expect(e).toMatchObject({ code: 'effective_in_past' });
    expect(e.zh).toContain('晚于现在');
    expect(e.en).toContain('future');
  });
});
