/**
 * P10_preview_product: the preview of a product change on a 1,000,000-customer branch — for each product it
 * touches, how many customers pass its hard filters and see it on their list, before and after — through the
 * settings preview app with the same learning (cool-downs) and consent sources as the server. The change opens
 * 安享专属定期 (TD_SILVER) from 55 to 45-year-olds and boosts it with a campaign, so the candidates are every
 * individual customer and the preview takes its stated random sample. Median of 5 runs after a warm-up.
 * On the branch of p10-branch.ts, as P10_preview.
 */
import { defaultRulesConfig, type RulesConfig } from '@shared/config/schema';
import { effectiveConsent } from '@shared/customer/consent';
import { ProductPreviewApp } from '../../electron/app/product-preview';
import { SettingsPreviewApp } from '../../electron/app/settings-preview';
import { SuggestLearningSource } from '../../electron/app/suggest-learning';
import { ConsentRepo } from '../../electron/db/repos/consent';
import { LearningRepo } from '../../electron/db/repos/learning';
import { ProductPreviewRepo } from '../../electron/db/repos/product-preview';
import { SettingsPreviewRepo } from '../../electron/db/repos/settings-preview';
import { StaffingRepo } from '../../electron/db/repos/staffing';
import { medianOf5, P10_CUSTOMERS, P10_TARGET_S, withP10Branch } from './p10-branch';
import { round } from './stats';
import type { Bench } from './types';

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
  run: () =>
    withP10Branch('bench-p10p-', (store) => {
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
      const { seconds, last } = medianOf5(() => app.preview(next).products ?? null);
      const customers = last?.customers ?? 0;
      const row = last?.products.find((x) => x.code === 'TD_SILVER');
      return {
        fields: { customers, seconds: round(seconds, 3) },
        checks: [
          {
            figure: 'customers previewed',
            target: '1,000,000',
            measured: `${customers.toLocaleString('en-US')} (${last?.method ?? '?'} of ${(last?.examined ?? 0).toLocaleString('en-US')}; suggested ${row?.before.suggested.value ?? '?'} → ${row?.after.suggested.value ?? '?'} ± ${row?.after.suggested.margin ?? '?'})`,
            pass: customers >= P10_CUSTOMERS,
          },
          {
            figure: 'product-change preview, median',
            target: `< ${P10_TARGET_S} s`,
            measured: `${round(seconds, 3)} s`,
            pass: seconds < P10_TARGET_S,
          },
        ],
      };
    }),
};
