import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentView } from '@shared/customer/consent';
import { defaultConsentConfig } from '@shared/customer/consent-config';
import { branchDay } from '@shared/queue/numbering';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startTestServer, type TestServer } from './harness';

/** Step 15: consent given or withdrawn at the desk is audited, replicated and read by suggestions and outreach. */

let s: TestServer;
let teller: string;
let manager: string;

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
async function customerId(no: string): Promise<string> {
  const r = await json<{ customers: { id: string }[] }>(await s.get(`/api/customers/lookup?q=${no}`, teller));
  return r.customers[0]?.id as string;
}
const V = defaultConsentConfig.version;
const withdraw = { purpose: 'marketing', granted: false, scope: 'all', channel: 'counter', textVersion: V };
const tomorrow = branchDay(Date.now() + 86_400_000, 'Asia/Shanghai');

beforeAll(async () => {
  s = await startTestServer();
  teller = await s.login('teller1');
  manager = await s.login('manager1');
});
afterAll(async () => {
  await s.stop();
});

describe('consent at the desk', () => {
  it('validates: unknown purpose or scope, an outdated text → bilingual 4xx', async () => {
    const id = await customerId(SHOWCASE.effective.customerNo);
    const bad = await s.post(`/api/customers/${id}/consent`, { ...withdraw, purpose: 'spam' }, teller);
    expect(bad.status).toBe(400);
    const scope = await s.post(`/api/customers/${id}/consent`, { ...withdraw, scope: 'pigeon' }, teller);
    expect(scope.status).toBe(400);
    const old = await s.post(`/api/customers/${id}/consent`, { ...withdraw, textVersion: '1999' }, teller);
    expect(old.status).toBe(409);
    const body = await json<{ message: string; messageEn?: string }>(old);
    expect(JSON.stringify(body)).toMatch(/现行版本/);
  });

  it('withdrawing marketing: recorded with who/when/channel, audited, in the outbox; suggestions go service-only', async () => {
    const id = await customerId(SHOWCASE.effective.customerNo);
    const before = await json<{ items: { marketing: boolean }[] }>(
      await s.get(`/api/customers/${id}/suggestions?intents=wealth`, teller),
    );
    expect(before.items.some((i) => i.marketing)).toBe(true);

    const res = await s.post(`/api/customers/${id}/consent`, { ...withdraw, signed: true }, teller);
    expect(res.status).toBe(201);
    const view = await json<ConsentView>(res);
    const m = view.purposes.find((p) => p.purpose === 'marketing');
    expect(m?.granted).toBe(false);
    expect(m?.source).toBe('desk');
    expect(m?.event?.channel).toBe('counter');
    expect(m?.event?.signed).toBe(true);
    expect(m?.staffName).toBeTruthy();

    const after = await json<{ items: { marketing: boolean }[]; hints: { code: string }[] }>(
      await s.get(`/api/customers/${id}/suggestions?intents=wealth`, teller),
    );
    expect(after.items.every((i) => !i.marketing)).toBe(true);
    expect(after.hints.map((h) => h.code)).toContain('no_marketing_consent');
    const profile = await json<{ marketingConsent: boolean }>(await s.get(`/api/customers/${id}`, teller));
    expect(profile.marketingConsent).toBe(false);

    const audit = s.ctx.store.sqlite
      .prepare("SELECT action, detail FROM audit_log WHERE action = 'consent.withdraw' AND target_id = ?")
      .all(id) as { action: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ purpose: 'marketing', channel: 'counter' });
    const out = s.ctx.store.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'consent' AND entity_id = ?")
      .get(id) as { n: number };
    expect(out.n).toBe(1);
  });

  it('withdrawing holdings-based suggestions: service information only, said why', async () => {
    const id = await customerId(SHOWCASE.merchant.customerNo);
    const res = await s.post(
      `/api/customers/${id}/consent`,
      { purpose: 'suggestions', granted: false, scope: 'holdings', channel: 'counter', textVersion: V },
      teller,
    );
    expect(res.status).toBe(201);
    const r = await json<{ items: { marketing: boolean }[]; hints: { code: string }[] }>(
      await s.get(`/api/customers/${id}/suggestions?intents=cash`, teller),
    );
    expect(r.items.every((i) => !i.marketing)).toBe(true);
    expect(r.hints.map((h) => h.code)).toContain('no_suggestion_consent');
  });

  it('withdrawn today → off the marketing outreach lists the next day (service notices stay); granted again → back', async () => {
    // The branch treats reactivating dormant customers as marketing (its own settings version).
    const cur = await json<{ config: { outreach: { rules: { dormant: { purpose: string } } } } }>(
      await s.get('/api/settings', manager),
    );
    cur.config.outreach.rules.dormant.purpose = 'marketing';
    const put = await fetch(`${s.url}/api/settings`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
      body: JSON.stringify({ config: cur.config, note: '唤醒沉睡客户算营销' }),
    });
    expect(put.status).toBe(200);
    type List = { items: { customerId: string; hits: { rule: string }[] }[] };
    const list = async () =>
      (await json<List>(await s.get(`/api/outreach?scope=all&day=${tomorrow}`, manager))).items;
    const dormant = (items: List['items'], id: string) =>
      items.find((i) => i.customerId === id)?.hits.some((h) => h.rule === 'dormant') ?? false;
    const victim = (await list()).find((i) => i.hits.some((h) => h.rule === 'dormant'))?.customerId;
    expect(victim).toBeDefined();
    const id = victim as string;
    expect((await s.post(`/api/customers/${id}/consent`, withdraw, teller)).status).toBe(201);
    expect(dormant(await list(), id)).toBe(false);
    const grant = { ...withdraw, granted: true };
    expect((await s.post(`/api/customers/${id}/consent`, grant, teller)).status).toBe(201);
    expect(dormant(await list(), id)).toBe(true);
  });
});
