/**
 * `npm run bench [-- --json FILE] [--only KEY,KEY] [--busy]`: measures the figures in BENCH.md and prints
 * them beside their targets. A figure that was not measured is absent from the JSON. `--busy` has the
 * benches that compare with a floor repeat the comparison beside one spinning process.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { p1Lookup } from './p1-lookup';
import { p2Suggest, p2Triage } from './p2-pure';
import { p3Queue } from './p3-queue';
import { p4Import } from './p4-import';
import { p5Startup } from './p5-startup';
import { p6Sync } from './p6-sync';
import { p7Dashboard } from './p7-dashboard';
import { p8Simulate } from './p8-simulate';
import { p9HeadOffice } from './p9-headoffice';
import { p10Preview } from './p10-preview';
import { p10PreviewProduct } from './p10-preview-product';
import type { Bench, BenchOptions, Check } from './types';

const BENCHES: Bench[] = [
  p1Lookup,
  p2Triage,
  p2Suggest,
  p3Queue,
  p4Import,
  p5Startup,
  p6Sync,
  p7Dashboard,
  p8Simulate,
  p9HeadOffice,
  p10Preview,
  p10PreviewProduct,
];

const argv = process.argv.slice(2);
const jsonFile = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : undefined;
const only = argv.includes('--only') ? new Set((argv[argv.indexOf('--only') + 1] ?? '').split(',')) : null;
const opts: BenchOptions = { busy: argv.includes('--busy') };

const build = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/build.ts'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const json: Record<string, Record<string, number>> = {};
const rows: (Check & { key: string })[] = [];
let failed = false;
for (const b of BENCHES) {
  if (only && !only.has(b.key)) continue;
  process.stdout.write(`${b.key}: ${b.describe} …\n`);
  try {
    const r = await b.run(opts);
    json[b.key] = r.fields;
    for (const c of r.checks) rows.push({ key: b.key, ...c });
  } catch (err) {
    failed = true;
    rows.push({ key: b.key, figure: 'error', target: '', measured: String(err), pass: false });
  }
}

const widths = [12, 36, 14, 14, 6];
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ');
console.log('\n' + line(['key', 'figure', 'target', 'measured', 'pass']));
console.log('-'.repeat(widths.reduce((a, b) => a + b + 1, 0)));
for (const r of rows) console.log(line([r.key, r.figure, r.target, r.measured, r.pass ? 'PASS' : 'FAIL']));
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify(json, null, 2) + '\n');
  console.log(`\nJSON written to ${jsonFile}`);
}
if (failed) process.exitCode = 1;
