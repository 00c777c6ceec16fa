/**
 * P4_import: 1,000,000 customers then 2,000,000 holdings imported from CSV into an empty branch,
 * each file all-or-nothing, by the import CLI in a child process (`dist/server/import-cli.js`, what
 * `npm run import` runs). Seconds are wall time of both imports (process start to exit, including
 * the final WAL checkpoint); peak RSS is the larger of the two processes' maxRSS. The floor (p4-floor.ts)
 * writes the same rows into a copy of the same empty branch with plain inserts, in the same run.
 * The CSVs are generated deterministically into a temp dir (not timed) and removed afterwards.
 *
 * BENCH_P4_CUSTOMERS / BENCH_P4_HOLDINGS set a smaller scale (e.g. 100000 / 200000: a before/after in a
 * minute, the ratio compared at the same scale); BENCH_P4_PROF=DIR has both imports write a V8 CPU profile
 * there (`--cpu-prof`; keep it out of git).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_SEED } from '../../electron/server/start';
import { writeDemoCsv } from './p4-data';
import { round } from './stats';
import type { Bench } from './types';

const FULL_CUSTOMERS = 1_000_000;
const FULL_HOLDINGS = 2_000_000;
const CUSTOMERS = Number(process.env.BENCH_P4_CUSTOMERS ?? FULL_CUSTOMERS);
const HOLDINGS = Number(process.env.BENCH_P4_HOLDINGS ?? FULL_HOLDINGS);
const PROF_DIR = process.env.BENCH_P4_PROF;
const root = process.cwd();

interface CliResult {
  status: string;
  maxRssMb: number;
  summary: {
    rows: number;
    inserted: number;
    seconds: number;
    phaseSeconds: { read: number; check: number; apply: number };
  };
}

function importFile(kind: string, file: string, dataDir: string): CliResult & { wall: number } {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      ...(PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROF_DIR] : []),
      'dist/server/import-cli.js',
      '--kind',
      kind,
      file,
      '--data',
      dataDir,
      '--json',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const wall = (performance.now() - t0) / 1000;
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let out: CliResult;
  try {
    out = JSON.parse(line) as CliResult;
  } catch {
    throw new Error(`import ${kind} failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  }
  if (out.status !== 'applied') throw new Error(`import ${kind} was ${out.status}: ${line.slice(0, 500)}`);
  const p = out.summary.phaseSeconds;
  process.stdout.write(
    `  ${kind}: ${out.summary.rows.toLocaleString()} rows in ${round(wall, 1)} s (read ${p.read}, check ${p.check}, apply ${p.apply}), peak RSS ${out.maxRssMb} MB\n`,
  );
  return { ...out, wall };
}

/** The floor (p4-floor.ts) in a child process, on a copy of the same empty branch: seconds of both files. */
function floorSeconds(dataDir: string, customersFile: string, holdingsFile: string): number {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'test/bench/p4-floor.ts', join(dataDir, 'branch.db'), customersFile, holdingsFile],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`the import floor failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { seconds: number };
  process.stdout.write(`  floor (plain inserts of the same rows): ${round(out.seconds, 1)} s\n`);
  return out.seconds;
}

export const p4Import: Bench = {
  key: 'P4_import',
  describe: `streamed CSV import, all-or-nothing: ${CUSTOMERS.toLocaleString()} customers + ${HOLDINGS.toLocaleString()} holdings into an empty branch`,
  run: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-p4-'));
    try {
      const csvDir = join(dir, 'csv');
      mkdirSync(csvDir);
      const data = writeDemoCsv(csvDir, {
        count: CUSTOMERS,
        seed: DEMO_SEED,
        now: Date.now(),
        maxHoldings: HOLDINGS,
      });
      const dataDir = join(dir, 'data');
      const seed = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'electron/cli/seed.ts', '--customers', '0', '--data', dataDir],
        { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      if (seed.status !== 0) throw new Error('seeding the empty branch failed');
      const floorDir = join(dir, 'floor');
      cpSync(dataDir, floorDir, { recursive: true });
      const c = importFile('customers', data.customersFile, dataDir);
      const h = importFile('holdings', data.holdingsFile, dataDir);
      const floor = round(floorSeconds(floorDir, data.customersFile, data.holdingsFile), 1);
      const seconds = round(c.wall + h.wall, 1);
      const ratio = round(seconds / floor, 2);
      const rss = Math.max(c.maxRssMb, h.maxRssMb);
      return {
        fields: {
          customers: c.summary.inserted,
          holdings: h.summary.inserted,
          seconds,
          floor_seconds: floor,
          ratio,
          peak_rss_mb: rss,
        },
        checks: [
          {
            figure: 'customers + holdings imported',
            target: `${FULL_CUSTOMERS} + ${FULL_HOLDINGS}`,
            measured: `${c.summary.inserted} + ${h.summary.inserted}`,
            // A smaller scale (BENCH_P4_*) is for profiling and before/after; it never passes as the figure.
            pass: c.summary.inserted === FULL_CUSTOMERS && h.summary.inserted === FULL_HOLDINGS,
          },
          { figure: 'seconds (both files)', target: '< 40', measured: String(seconds), pass: seconds < 40 },
          {
            figure: 'ratio to plain inserts (same run)',
            target: '<= 2.5',
            measured: String(ratio),
            pass: ratio <= 2.5,
          },
          {
            figure: 'peak RSS MB (importing process)',
            target: '< 600',
            measured: String(rss),
            pass: rss < 600,
          },
        ],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
