import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HoSettingsPublishResult } from '@shared/api/headoffice-settings';
import type { SettingsOrigins } from '@shared/api/settings-origin';
import type { SettingsVersionInfo } from '@shared/api/security';
import type { RulesConfig } from '@shared/config/schema';
import { testKeys } from '../../electron/db/pii';
import { HeadOfficeSync } from '../../electron/sync/headoffice/sync';
import { enrol, startHub, startTestHeadOffice, type Hub } from './headoffice-harness';
import { testPgUrl } from './pg';

const PG = testPgUrl();
type Ho = Awaited<ReturnType<typeof startTestHeadOffice>>;

const midOf = (c: RulesConfig) => c.customer.tiers.find((b) => b.key === 'mid')?.minFen;
const withMid = (c: RulesConfig, fen: number) => ({
  ...c.customer,
  tiers: c.customer.tiers.map((b) => (b.key === 'mid' ? { ...b, minFen: fen } : b)),
});

/**
 * Step 16: the head office publishes a settings version (admin API), the hub pulls it through the existing sync,
 * it becomes a branch version with origin `headoffice`; a setting the branch changed itself stays unless the push
 * is mandatory, and the branch's settings screen can tell which is which.
 */
describe.skipIf(!PG)('head-office settings push and local overrides', () => {
  let ho: Ho;
  let hub: Hub;
  let other: Hub;
  let key = '';
  let otherKey = '';
  let admin = '';
  let manager = '';

  const sync = (h: Hub, k = key) => new HeadOfficeSync(h.ctx.headOfficeSyncDeps(), { url: ho.url, key: k });
  const publish = async (body: unknown, token = admin) =>
    fetch(`${ho.url}/api/ho/settings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const get = async <T>(path: string): Promise<T> =>
    (await (await fetch(hub.url + path, { headers: { authorization: `Bearer ${manager}` } })).json()) as T;

  beforeAll(async () => {
    ho = await startTestHeadOffice(PG as string);
    hub = await startHub({ customers: 20, keys: testKeys() });
    other = await startHub({ customers: 0, keys: testKeys(), branchCode: 'DEMO02' });
    ({ key } = await enrol(ho, 'DEMO01'));
    ({ key: otherKey } = await enrol(ho, 'DEMO02'));
    admin = (await ho.ho.keys.issue({ scope: 'admin' }, 'test admin', Date.now())).token;
    manager = await hub.login('manager1');
  });
  afterAll(async () => {
    await hub?.stop();
    await other?.stop();
    await ho?.stop();
  });

  it('refuses a branch key, an unknown section, an invalid value and an unknown branch', async () => {
    expect((await publish({ config: { visit: hub.ctx.rules().visit } }, key)).status).toBe(403);
    expect((await publish({ config: { security: {} } })).status).toBe(400);
    const bad = await publish({ config: { customer: { ...hub.ctx.rules().customer, elderlyAge: -1 } } });
    expect(bad.status).toBe(400);
    const nobody = await publish({ config: { visit: hub.ctx.rules().visit }, branches: ['NOPE'] });
    expect(nobody.status).toBe(404);
  });

  it('push → pull → a branch version with origin headoffice; the setting reads "from head office"', async () => {
    const before = hub.ctx.settings.current().version;
    const r = await publish({
      config: { customer: withMid(hub.ctx.rules(), 4_000_000) },
      branches: ['DEMO01'],
      note: '总行统一中端门槛',
    });
    expect(r.status).toBe(200);
    const res = (await r.json()) as HoSettingsPublishResult;
    expect(res.versions).toEqual([{ branch: 'DEMO01', version: expect.any(Number) as number }]);

    const pulled = await sync(hub).pull();
    expect(pulled.rulesIssues).toEqual([]);
    expect(pulled.settingsVersion).toBe(before + 1);
    expect(midOf(hub.ctx.rules())).toBe(4_000_000);
    const versions = await get<SettingsVersionInfo[]>('/api/settings/versions');
    expect(versions[0]?.origin).toBe('headoffice');
    expect(versions.find((v) => v.version === before)?.origin ?? 'local').toBe('local');
    const origins = await get<SettingsOrigins>('/api/settings/origin');
    expect(origins.settings.find((s) => s.path === 'customer.tiers')?.origin).toBe('headoffice');
    // Only the branch it was meant for.
    expect((await sync(other, otherKey).pull()).settingsVersion).toBeNull();
  });

  it('keeps a local override on the next push, and a mandatory push replaces it', async () => {
    // The branch's own change: 中端 from ¥48,000.
    const local = structuredClone(hub.ctx.rules());
    local.customer = withMid(local, 4_800_000);
    const saved = await fetch(`${hub.url}/api/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
      body: JSON.stringify({ config: local, note: '本行中端门槛 4.8 万' }),
    });
    expect(saved.status).toBe(200);
    let origins = await get<SettingsOrigins>('/api/settings/origin');
    expect(origins.settings.find((s) => s.path === 'customer.tiers')?.origin).toBe('override');

    // A new head-office value for tiers and elderly age, not mandatory: the tiers stay the branch's.
    // (For the branch: its own head-office version wins over a global one, section by section.)
    const next = { ...withMid(hub.ctx.rules(), 3_500_000), elderlyAge: 62 };
    expect((await publish({ config: { customer: next }, branches: ['DEMO01'] })).status).toBe(200);
    const kept = await sync(hub).pull();
    expect(kept.keptOverrides).toEqual(['customer.tiers']);
    expect(midOf(hub.ctx.rules())).toBe(4_800_000);
    expect(hub.ctx.rules().customer.elderlyAge).toBe(62);
    origins = await get<SettingsOrigins>('/api/settings/origin');
    expect(origins.settings.find((s) => s.path === 'customer.tiers')?.origin).toBe('override');
    expect(origins.settings.find((s) => s.path === 'customer.elderlyAge')?.origin).toBe('headoffice');

    // Mandatory: the head office's value wins.
    const must = await publish({ config: { customer: next }, branches: ['DEMO01'], mandatory: true });
    expect(must.status).toBe(200);
    const forced = await sync(hub).pull();
    expect(forced.keptOverrides).toEqual([]);
    expect(midOf(hub.ctx.rules())).toBe(3_500_000);
    origins = await get<SettingsOrigins>('/api/settings/origin');
    const tiers = origins.settings.find((s) => s.path === 'customer.tiers');
    expect(tiers?.origin).toBe('headoffice');
    expect(tiers?.mandatory).toBe(true);
    const versions = await get<SettingsVersionInfo[]>('/api/settings/versions');
    expect(versions[0]?.origin).toBe('headoffice');
  });
});
