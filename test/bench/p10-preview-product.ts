/**
 * P10_preview_product: the preview of a product change on a 1,000,000-customer branch — for each product it
 * touches, how many customers pass its hard filters and see it on their list, before and after — through the
 * settings preview app with the same learning (cool-downs) and consent sources as the server. The change opens
 * 安享专属定期 (TD_SILVER) from 55 to 45-year-olds and boosts it with a campaign, so the candidates are every
 * individual customer and the preview takes its stated random sample. Median of 5 runs after a warm-up.
 *
 * Seeds like P10_preview (`npm run seed -- --customers 1000000` into a temp dir, removed afterwards);
 * BENCH_P10_DATA=DIR reuses a seeded data dir.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRulesConfig, type RulesConfig } from '@shared/config/schema';
import { effectiveConsent } from '@shared/customer/consent';
import { ProductPreviewApp } from '../../electron/app/product-preview';
import { SettingsPreviewApp } from '../../electron/app/settings-preview';
import { SuggestLearningSource } from '../../electron/app/suggest-learning';
import { openStore } from '../../electron/db/connection';
import { ConsentRepo } from '../../electron/db/repos/consent';
import { LearningRepo } from '../../electron/db/repos/learning';
import { ProductPreviewRepo } from '../../electron/db/repos/product-preview';
import { SettingsPreviewRepo } from '../../electron/db/repos/settings-preview';
import { StaffingRepo } from '../../electron/db/repos/staffing';
import { round } from './stats';
import type { Bench } from './types';

const CUSTOMERS = 1_000_000;
const TARGET_S = 2;

function seed(dataDir: string): void {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/seed.ts', '--customers', String(CUSTOMERS), '--data', dataDir],
    { cwd: process.cwd(), stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`seeding failed (${r.status})`);
  process.stdout.write('\n');
}

function proposal(): RulesConfig {
  const next = structuredClone(defaultRulesConfig);
  const silver = next.suggest.products.find((p) => p.code === 'TD_SILVER');
  if (silver) silver.minAge = 45;
  next.suggest.campaigns.push({
    id: 'silver_week',
    name: { zh: '安享周', en: 'Silver week' },
    productCodes: ['TD_SILVER'],
    boost: 3,
  });
  return next;
}

export const p10PreviewProduct: Bench = {
  key: 'P10_preview_product',
  describe: 'preview of a product change over 1M customers (eligible / suggested before and after, by tier)',
  run: async () => {
    const keep = process.env.BENCH_P10_DATA;
    const tmp = keep ? null : mkdtempSync(join(tmpdir(), 'bench-p10p-'));
    const dataDir = keep ?? join(tmp as string, 'data');
    try {
      if (!existsSync(join(dataDir, 'branch.db'))) seed(dataDir);
      const store = await openStore(join(dataDir, 'branch.db'), { serving: true });
      try {
        const rules = () => defaultRulesConfig;
        const learning = new SuggestLearningSource({ repo: new LearningRepo(store), rules });
        const consent = new ConsentRepo(store);
        const app = new SettingsPreviewApp({
          repo: new SettingsPreviewRepo(store),
          tickets: new StaffingRepo(store),
          rules,
          now: () => Date.UTC(2026, 11, 2, 2, 0),
          products: new ProductPreviewApp({
            repo: new ProductPreviewRepo(store),
            learning: (ids, at) => learning.forCustomers(ids, at),
            // What ConsentApp.effectiveMany does, without the app's other dependencies.
            consent: (cs) => {
              const events = consent.any() ? consent.forCustomers(cs.map((c) => c.id)) : new Map();
              return new Map(
                cs.map((c) => [
                  c.id,
                  effectiveConsent(events.get(c.id) ?? [], { marketing: c.marketingConsent }),
                ]),
              );
            },
          }),
        });
        const next = proposal();
        const times: number[] = [];
        let p = app.preview(next).products ?? null;
        for (let i = 0; i < 6; i++) {
          const t0 = performance.now();
          p = app.preview(next).products ?? null;
          const s = (performance.now() - t0) / 1000;
          if (i > 0) times.push(s);
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)] as number;
        const customers = p?.customers ?? 0;
        const row = p?.products.find((x) => x.code === 'TD_SILVER');
        return {
          fields: { customers, seconds: round(median, 3) },
          checks: [
            {
              figure: 'customers previewed',
              target: '1,000,000',
              measured: `${customers.toLocaleString('en-US')} (${p?.method ?? '?'} of ${(p?.examined ?? 0).toLocaleString('en-US')}; suggested ${row?.before.suggested.value ?? '?'} → ${row?.after.suggested.value ?? '?'} ± ${row?.after.suggested.margin ?? '?'})`,
              pass: customers >= CUSTOMERS,
            },
            {
              figure: 'product-change preview, median',
              target: `< ${TARGET_S} s`,
              measured: `${round(median, 3)} s`,
              pass: median < TARGET_S,
            },
          ],
        };
      } finally {
        store.close();
      }
    } finally {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    }
  },
};
