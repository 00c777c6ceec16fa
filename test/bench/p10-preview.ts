/**
 * P10_preview: the preview of a tier-band change on a 1,000,000-customer branch — the matrix of customers moving
 * between tiers and the ten biggest moves — through the settings preview app (validation, SQL in electron/db, the
 * day's triage replay). Median of 5 runs after a warm-up.
 *
 * The data set is seeded into a temp dir (`npm run seed -- --customers 1000000`) and removed afterwards;
 * BENCH_P10_DATA=DIR reuses a seeded data dir (kept; opening it applies the migrations).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultRulesConfig, type RulesConfig } from '@shared/config/schema';
import { SettingsPreviewApp } from '../../electron/app/settings-preview';
import { openStore } from '../../electron/db/connection';
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
  run: async () => {
    const keep = process.env.BENCH_P10_DATA;
    const tmp = keep ? null : mkdtempSync(join(tmpdir(), 'bench-p10-'));
    const dataDir = keep ?? join(tmp as string, 'data');
    try {
      if (!existsSync(join(dataDir, 'branch.db'))) seed(dataDir);
      const store = await openStore(join(dataDir, 'branch.db'), { serving: true });
      try {
        const app = new SettingsPreviewApp({
          repo: new SettingsPreviewRepo(store),
          tickets: new StaffingRepo(store),
          rules: () => defaultRulesConfig,
          now: () => Date.UTC(2026, 11, 2, 2, 0),
        });
        const next = proposal();
        const times: number[] = [];
        let customers = 0;
        let moving = 0;
        for (let i = 0; i < 6; i++) {
          const t0 = performance.now();
          const p = app.preview(next);
          const s = (performance.now() - t0) / 1000;
          if (i > 0) times.push(s);
          customers = p.tiers?.customers ?? 0;
          moving = p.tiers?.moving ?? 0;
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)] as number;
        return {
          fields: { customers, seconds: round(median, 3) },
          checks: [
            {
              figure: 'customers previewed',
              target: '1,000,000',
              measured: `${customers.toLocaleString('en-US')} (${moving.toLocaleString('en-US')} move)`,
              pass: customers >= CUSTOMERS,
            },
            {
              figure: 'tier-change preview, median',
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
