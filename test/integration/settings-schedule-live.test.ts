import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesConfig } from '@shared/config/schema';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

/**
 * A version scheduled for later takes effect on the next read once its time comes, without a restart: the lobby's
 * triage, the counter's suggestions and the dashboard's alert thresholds all follow (injected clock; nothing is
 * saved at the effective time, so only the scheduled time can make the change).
 */
let clock = Date.UTC(2026, 11, 2, 2, 0); // Wednesday 10:00 in Shanghai, the branch open
let s: TestServer;
let manager = '';
let lobby = '';
let customerId = '';

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

beforeAll(async () => {
  s = await startTestServer({ now: () => clock });
  manager = await s.login('manager1');
  lobby = await s.login('lobby1');
  const found = await json<{ customers: { id: string }[] }>(
    await s.get(`/api/customers/lookup?q=${SHOWCASE.effective.customerNo}`, lobby),
  );
  customerId = found.customers[0]?.id ?? '';
  expect(customerId).not.toBe('');
});
afterAll(async () => {
  await s.stop();
});

const queueFor = async (intent: string) => {
  const r = await s.post('/api/triage', { customerId: null, intents: [intent] }, lobby);
  expect(r.status).toBe(200);
  return (await json<{ queue: string }>(r)).queue;
};
const suggested = async (intent: string) =>
  (
    await json<{ items: { productCode: string }[] }>(
      await s.get(`/api/customers/${customerId}/suggestions?intents=${intent}`, lobby),
    )
  ).items.map((i) => i.productCode);
const alertKeys = async () =>
  (await json<{ alerts: { key: string }[] }>(await s.get('/api/dashboard/alerts', manager))).alerts.map(
    (a) => a.key,
  );

describe('a scheduled version in force on the next read after its time', () => {
  it('lobby triage, counter suggestions and dashboard thresholds change at the time, not before', async () => {
    // Two walk-ins waiting at the counter: under the default queue-length threshold (8).
    for (let i = 0; i < 2; i++)
      expect(
        (await s.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby)).status,
      ).toBe(201);
    const cur = await json<{ config: RulesConfig }>(await s.get('/api/settings', manager));
    const next = structuredClone(cur.config);
    const fx = next.triage.intents.find((i) => i.key === 'fx');
    if (!fx) throw new Error('no fx intent');
    fx.channels = ['corporate'];
    fx.corporateOnly = true;
    const product = 'FX_SAVINGS';
    next.suggest.intentAffinity.statement = [{ codes: [product], weight: 10 }];
    next.dashboard.alerts.queueLength = 1;

    // What the branch does now, and every read before the time (each one warms whatever caches there are).
    const before = { queue: await queueFor('fx'), offered: await suggested('statement') };
    expect(before.queue).not.toBe('corporate');
    expect(before.offered).not.toContain(product);
    expect(await alertKeys()).not.toContain('queue_length:individual');

    const at = clock + 3_600_000;
    const r = await fetch(s.url + '/api/settings', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
      body: JSON.stringify({ config: next, note: '一小时后：外汇改到对公窗口', effectiveAt: at }),
    });
    expect(r.status).toBe(200);

    clock = at - 1;
    // An hour on, the idle lock has ended the sessions: sign in again (a new session caches no rules).
    lobby = await s.login('lobby1');
    manager = await s.login('manager1');
    expect(await queueFor('fx')).toBe(before.queue);
    expect(await suggested('statement')).not.toContain(product);
    expect(await alertKeys()).not.toContain('queue_length:individual');

    clock = at;
    expect(await queueFor('fx')).toBe('corporate');
    expect(await suggested('statement')).toContain(product);
    expect(await alertKeys()).toContain('queue_length:individual');
  });
});
