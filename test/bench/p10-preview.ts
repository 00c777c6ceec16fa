/**
 * P10_preview: the preview of a tier-band change on a 1,000,000-customer branch — the matrix of customers moving
 * between tiers and the ten biggest moves — through the settings preview app (validation, SQL in electron/db, the
 * day's triage replay). Median of 5 runs after a warm-up, on the branch of p10-branch.ts.
 */
import { defaultRulesConfig, type RulesConfig } from '@shared/config/schema';
import { SettingsPreviewApp } from '../../electron/app/settings-preview';
import { SettingsPreviewRepo } from '../../electron/db/repos/settings-preview';
import { StaffingRepo } from '../../electron/db/repos/staffing';
import { medianOf5, P10_CUSTOMERS, P10_TARGET_S, withP10Branch } from './p10-branch';
import { round } from './stats';
import type { Bench } from './types';

/** 中端 from ¥50,000 down to ¥40,000 and 高端 from ¥500,000 up to ¥600,000. */
function proposal(): RulesConfig {
  const next = structuredClone(defaultRulesConfig);
  next.customer.tiers = next.customer.tiers.map((b) =>
    b.key === 'mid' ? { ...b, minFen: 4_000_000 } : b.key === 'high' ? { ...b, minFen: 60_000_000 } : b,
  );
  return next;
}

export const p10Preview: Bench = {
  key: 'P10_preview',
  describe: 'preview of a tier-band change over 1M customers (matrix + 10 biggest moves)',
  run: () =>
    withP10Branch('bench-p10-', (store) => {
      const app = new SettingsPreviewApp({
        repo: new SettingsPreviewRepo(store),
        tickets: new StaffingRepo(store),
        rules: () => defaultRulesConfig,
        now: () => Date.UTC(2026, 11, 2, 2, 0),
      });
      const next = proposal();
      const { seconds, last } = medianOf5(() => app.preview(next));
      const customers = last.tiers?.customers ?? 0;
      const moving = last.tiers?.moving ?? 0;
      return {
        fields: { customers, seconds: round(seconds, 3) },
        checks: [
          {
            figure: 'customers previewed',
            target: '1,000,000',
            measured: `${customers.toLocaleString('en-US')} (${moving.toLocaleString('en-US')} move)`,
            pass: customers >= P10_CUSTOMERS,
          },
          {
            figure: 'tier-change preview, median',
            target: `< ${P10_TARGET_S} s`,
            measured: `${round(seconds, 3)} s`,
            pass: seconds < P10_TARGET_S,
          },
        ],
      };
    }),
};
