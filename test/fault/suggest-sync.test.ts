import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentView } from '@shared/customer/consent';
import { defaultConsentConfig } from '@shared/customer/consent-config';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { startPair, status, stopPair, synced, until, type Node } from './harness';
import type { LinkProxy } from './proxy';

/**
 * Step 15 across a link cut: a counter terminal offline ranks with the outcomes it has (a decline recorded there
 * takes the product off its own list at once), and consent withdrawn there is in force there; when the link is
 * back both reach the hub once, and the hub and the terminal then suggest the same for that customer.
 */
let hub: Node;
let t1: Node;
let link: LinkProxy;

interface Suggestions {
  items: { productCode: string }[];
  coolingDown: { productCode: string; why: { zh: string } }[];
  hints: { code: string }[];
}
const count = (n: Node, sql: string, ...args: unknown[]) =>
  (n.ctx.store.sqlite.prepare(sql).get(...args) as { n: number }).n;

beforeAll(async () => {
  ({ hub, link, term: t1 } = await startPair({ customers: 60 }));
}, 60_000);

afterAll(() => stopPair({ hub, link, term: t1 }));

async function idOf(n: Node, token: string, no: string): Promise<string> {
  const r = await n.call<{ customers: { id: string }[] }>(
    'GET',
    `/api/customers/lookup?q=${no}`,
    undefined,
    token,
  );
  return r.body.customers[0]?.id as string;
}
const suggest = async (n: Node, token: string, id: string) =>
  (await n.call<Suggestions>('GET', `/api/customers/${id}/suggestions?intents=wealth`, undefined, token))
    .body;

describe('outcomes and consent recorded on an offline terminal', () => {
  it('rank there at once, reach the hub once after sync, and both then suggest the same', async () => {
    const atT1 = await t1.login('teller1');
    const atHub = await hub.login('teller2');
    const zhang = await idOf(t1, atT1, SHOWCASE.effective.customerNo);
    const merchant = await idOf(t1, atT1, SHOWCASE.merchant.customerNo);
    const before = await suggest(t1, atT1, zhang);
    const top = before.items[0]?.productCode as string;
    expect(top).toBeTruthy();

    link.cut();
    await until(() => !status(t1).online, 't1 offline');
    const declined = await t1.call<{ id: string }>(
      'POST',
      '/api/outcomes',
      { customerId: zhang, productCode: top, outcome: 'declined', reason: 'has_elsewhere' },
      atT1,
    );
    expect(declined.status).toBe(201);
    const withdrawn = await t1.call<ConsentView>(
      'POST',
      `/api/customers/${merchant}/consent`,
      {
        purpose: 'marketing',
        granted: false,
        scope: 'all',
        channel: 'counter',
        textVersion: defaultConsentConfig.version,
      },
      atT1,
    );
    expect(withdrawn.status).toBe(201);

    // Offline, the terminal ranks with what it has: the decline is in force there, not yet at the hub.
    const offline = await suggest(t1, atT1, zhang);
    expect(offline.items.map((i) => i.productCode)).not.toContain(top);
    expect(offline.coolingDown[0]?.why.zh).toBe('上次拒绝：已在他行办理（今天）');
    expect((await suggest(hub, atHub, zhang)).items.map((i) => i.productCode)).toContain(top);
    expect((await suggest(t1, atT1, merchant)).hints.map((h) => h.code)).toContain('no_marketing_consent');

    link.heal();
    await synced(t1);
    await until(
      () =>
        count(hub, 'SELECT count(*) AS n FROM suggestion_outcomes WHERE id = ?', declined.body.id) === 1 &&
        count(hub, 'SELECT count(*) AS n FROM consent_events WHERE customer_id = ?', merchant) === 1,
      'outcome and consent at the hub',
    );
    // Pushed again (a lost answer): still once.
    await synced(t1);
    expect(count(hub, 'SELECT count(*) AS n FROM consent_events WHERE customer_id = ?', merchant)).toBe(1);

    const hubNow = await suggest(hub, atHub, zhang);
    const t1Now = await suggest(t1, atT1, zhang);
    expect(hubNow.items.map((i) => i.productCode)).not.toContain(top);
    expect(hubNow.items.map((i) => i.productCode)).toEqual(t1Now.items.map((i) => i.productCode));
    expect(hubNow.coolingDown).toEqual(t1Now.coolingDown);
    const hubConsent = await hub.call<ConsentView>(
      'GET',
      `/api/customers/${merchant}/consent`,
      undefined,
      atHub,
    );
    expect(hubConsent.body.purposes.find((p) => p.purpose === 'marketing')?.granted).toBe(false);
    expect((await suggest(hub, atHub, merchant)).hints.map((h) => h.code)).toContain('no_marketing_consent');
  }, 60_000);
});
