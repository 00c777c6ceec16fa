import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesConfig } from '@shared/config/schema';
import type { SettingsPreview } from '@shared/api/settings-preview';
import type { SuggestResult } from '@shared/suggest/types';
import { ProductPreviewApp } from '../../electron/app/product-preview';
import { ProductPreviewRepo } from '../../electron/db/repos/product-preview';
import { startTestServer, type TestServer } from './harness';

/** The product-change preview (Step 16) on the demo branch: real ranking, exact or sampled with a stated margin. */
const NOW = Date.UTC(2026, 11, 2, 2, 0);
let s: TestServer;
let manager = '';
let current: { version: number; config: RulesConfig };

const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

/** The silver-age deposit opened to 45-year-olds and boosted by a campaign: more customers should see it. */
function proposal(): RulesConfig {
  const next = structuredClone(current.config);
  const p = next.suggest.products.find((x) => x.code === 'TD_SILVER');
  if (!p) throw new Error('TD_SILVER');
  p.minAge = 45;
  next.suggest.campaigns.push({
    id: 'silver_week',
    name: { zh: '安享周', en: 'Silver week' },
    productCodes: ['TD_SILVER'],
    boost: 40,
  });
  return next;
}

beforeAll(async () => {
  s = await startTestServer({ now: () => NOW, customers: 400 });
  manager = await s.login('manager1');
  current = await json(await s.get('/api/settings', manager));
});
afterAll(async () => {
  await s.stop();
});

describe('product-change preview', () => {
  it('is null when neither products nor campaigns change', async () => {
    const next = structuredClone(current.config);
    next.suggest.topN = 4;
    const p = await json<SettingsPreview>(await s.post('/api/settings/preview', { config: next }, manager));
    expect(p.products).toBeNull();
  });

  it('counts every candidate exactly on a small branch, and its examples are what the counter then shows', async () => {
    const next = proposal();
    const r = await s.post('/api/settings/preview', { config: next }, manager);
    expect(r.status).toBe(200);
    const p = (await json<SettingsPreview>(r)).products;
    if (!p) throw new Error('no product preview');
    expect(p.method).toBe('all');
    expect(p.examined).toBe(p.candidates);
    const row = p.products.find((x) => x.code === 'TD_SILVER');
    expect(row?.change).toBe('changed');
    expect(row?.after.suggested.margin).toBe(0);
    expect(row?.after.eligible.value).toBeGreaterThan(row?.before.eligible.value ?? Infinity);
    expect(row?.after.suggested.value).toBeGreaterThan(row?.before.suggested.value ?? Infinity);
    const tierSum = row?.byTier.reduce((a, t) => a + t.after, 0);
    expect(tierSum).toBe(row?.after.suggested.value);

    // Masked examples; after saving, the counter's own suggestion route agrees with each of them.
    const gained = p.examples.filter((e) => e.code === 'TD_SILVER' && e.after && !e.before);
    expect(gained.length).toBeGreaterThan(0);
    for (const e of gained) expect(e.customerNo).toMatch(/^\*{4}\d{4}$/);
    const saved = await fetch(`${s.url}/api/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
      body: JSON.stringify({ config: next, note: 'product preview test' }),
    });
    expect(saved.status).toBe(200);
    for (const e of gained) {
      const row2 = s.store.sqlite
        .prepare('SELECT id FROM customers WHERE customer_no LIKE ? ORDER BY customer_no')
        .all(`%${e.customerNo.slice(-4)}`) as { id: string }[];
      const lists = await Promise.all(
        row2.map(async (c) =>
          json<SuggestResult>(await s.get(`/api/customers/${c.id}/suggestions`, manager)),
        ),
      );
      expect(lists.some((l) => l.items.some((i) => i.productCode === 'TD_SILVER'))).toBe(true);
    }
  });

  it('samples when there are more candidates than the sample size, and says so with a margin', () => {
    const exact = new ProductPreviewApp({ repo: new ProductPreviewRepo(s.store) });
    const sampled = new ProductPreviewApp({ repo: new ProductPreviewRepo(s.store), sampleSize: 120 });
    const next = proposal();
    const all = exact.preview(current.config, next, NOW);
    const some = sampled.preview(current.config, next, NOW);
    if (!all || !some) throw new Error('no preview');
    expect(some.method).toBe('sample');
    expect(some.examined).toBeLessThan(some.candidates);
    expect(some.examined).toBeGreaterThan(40);
    const a = all.products.find((x) => x.code === 'TD_SILVER')?.after.eligible;
    const b = some.products.find((x) => x.code === 'TD_SILVER')?.after.eligible;
    expect(b?.margin).toBeGreaterThan(0);
    // The exact figure lies inside the sample's interval (a 95 % interval; the hash sample is deterministic).
    expect(Math.abs((b?.value ?? 0) - (a?.value ?? 0))).toBeLessThanOrEqual(b?.margin ?? 0);
  });
});
