/**
 * The 1,000,000-customer branch both P10 previews run on: seeded into a temp dir (`npm run seed -- --customers
 * 1000000`) and removed afterwards; BENCH_P10_DATA=DIR reuses a seeded data dir (kept; opening it applies the
 * migrations). Also the timing both use: the median of 5 runs after a warm-up.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../electron/db/connection';

export const P10_CUSTOMERS = 1_000_000;
export const P10_TARGET_S = 2;

function seed(dataDir: string): void {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/cli/seed.ts', '--customers', String(P10_CUSTOMERS), '--data', dataDir],
    { cwd: process.cwd(), stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`seeding failed (${r.status})`);
  process.stdout.write('\n');
}

/** Runs `use` on the seeded branch's store, then closes it and removes a temp data dir. */
export async function withP10Branch<T>(prefix: string, use: (store: Store) => T | Promise<T>): Promise<T> {
  const keep = process.env.BENCH_P10_DATA;
  const tmp = keep ? null : mkdtempSync(join(tmpdir(), prefix));
  const dataDir = keep ?? join(tmp as string, 'data');
  try {
    if (!existsSync(join(dataDir, 'branch.db'))) seed(dataDir);
    const store = await openStore(join(dataDir, 'branch.db'), { serving: true });
    try {
      return await use(store);
    } finally {
      store.close();
    }
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

/** One warm-up, then the median of 5 timed runs (seconds) and the last run's answer. */
export function medianOf5<T>(run: () => T): { seconds: number; last: T } {
  let last = run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    last = run();
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return { seconds: times[2] as number, last };
}
