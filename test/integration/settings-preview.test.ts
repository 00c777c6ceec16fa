import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesConfig } from '@shared/config/schema';
import { classifyTier } from '@shared/customer/tier';
import type { SettingsPreview } from '@shared/api/settings-preview';
import { startTestServer, type TestServer } from './harness';

/** POST /api/settings/preview: the impact of a proposed version, computed on the branch's data, nothing saved. */
const NOW = Date.UTC(2026, 11, 2, 2, 0); // Wednesday 10:00 in Shanghai: the branch is open
let s: TestServer;
let manager = '';
let lobby = '';
let current: { version: number; config: RulesConfig };

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const preview = (body: unknown, token = manager) => s.post('/api/settings/preview', body, token);

beforeAll(async () => {
  s = await startTestServer({ now: () => NOW });
  manager = await s.login('manager1');
  lobby = await s.login('lobby1');
  current = await json(await s.get('/api/settings', manager));
});
afterAll(async () => {
  await s.stop();
});

describe('settings preview', () => {
  it('counts customers moving between tiers exactly as classifying each of them twice would', async () => {
    const next = structuredClone(current.config);
    const mid = next.customer.tiers.find((t) => t.key === 'mid');
    const high = next.customer.tiers.find((t) => t.key === 'high');
    if (!mid || !high) throw new Error('bands');
    mid.minFen = 3_000_000; // ¥30,000
    high.minFen = 80_000_000; // ¥800,000
    const r = await preview({ config: next });
    expect(r.status).toBe(200);
    const p = await json<SettingsPreview>(r);
    const aums = (s.store.sqlite.prepare('SELECT aum_fen AS a FROM customers').all() as { a: number }[]).map(
      (x) => x.a,
    );
    const expected = new Map<string, number>();
    for (const a of aums) {
      const k = `${classifyTier(a, current.config.customer.tiers).tier}>${classifyTier(a, next.customer.tiers).tier}`;
      expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    expect(p.tiers?.customers).toBe(aums.length);
    expect(new Map(p.tiers?.matrix.map((c) => [`${c.before}>${c.after}`, c.customers]))).toEqual(expected);
    expect(p.tiers?.moving).toBe((expected.get('effective>mid') ?? 0) + (expected.get('high>mid') ?? 0));
    expect(p.tiers?.moving).toBeGreaterThan(0);
    // The biggest moves: each really moves that way, at most ten, two-step moves would come first.
    const biggest = p.tiers?.biggest ?? [];
    expect(biggest.length).toBe(Math.min(10, p.tiers?.moving ?? 0));
    for (const m of biggest) {
      expect(classifyTier(m.aumFen, current.config.customer.tiers).tier).toBe(m.before);
      expect(classifyTier(m.aumFen, next.customer.tiers).tier).toBe(m.after);
    }
    // Nothing saved.
    expect((await json<{ version: number }>(await s.get('/api/settings', manager))).version).toBe(
      current.version,
    );
  });

  it("replays today's visits: disabling the VIP-tier rule moves the high-end visit off the VIP room", async () => {
    const row = s.store.sqlite
      .prepare(
        "SELECT id FROM customers WHERE kind = 'individual' AND aum_fen >= 50000000 AND aum_fen < 600000000 LIMIT 1",
      )
      .get() as { id: string };
    const t = await s.post('/api/tickets', { customerId: row.id, intents: ['wealth'] }, lobby);
    expect(t.status).toBe(201);
    const next = structuredClone(current.config);
    const rule = next.triage.rules.find((r) => r.id === 'vip-tier');
    if (!rule) throw new Error('vip-tier');
    rule.enabled = false;
    const p = await json<SettingsPreview>(await preview({ config: next }));
    expect(p.day).toBe('2026-12-02');
    expect(p.tiers).toBeNull();
    expect(p.triage?.visits).toBeGreaterThanOrEqual(1);
    expect(p.triage?.changed).toBeGreaterThanOrEqual(1);
    expect(p.triage?.routes.every((r) => r.before === 'vip' && r.after !== 'vip')).toBe(true);
    expect(p.triage?.examples[0]).toMatchObject({ tier: 'high', before: { channel: 'vip', priority: 2 } });
    // Another day with no visits: nothing to replay.
    const empty = await json<SettingsPreview>(await preview({ config: next, day: '2020-01-01' }));
    expect(empty.triage).toMatchObject({ visits: 0, changed: 0 });
  });

  it('refuses an invalid proposal like a save would, in both languages, and only for managers', async () => {
    const bad = structuredClone(current.config) as unknown as { customer: { elderlyAge: number } };
    bad.customer.elderlyAge = 10;
    const r = await preview({ config: bad });
    expect(r.status).toBe(400);
    const e = (await json<{ error: { code: string; zh: string; en: string } }>(r)).error;
    expect(e.code).toBe('invalid_settings');
    expect(e.zh).toContain('customer.elderlyAge');
    expect(e.en).toContain('customer.elderlyAge');
    expect((await preview({ config: current.config }, lobby)).status).toBe(403);
  });
});
