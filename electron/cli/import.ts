/**
 * `npm run import -- --kind customers FILE [--data DIR] [--as-of YYYY-MM-DD] [--encoding auto|utf-8|gbk]
 *   [--report FILE] [--json]`: imports a CSV or XLSX file into the branch database, all or nothing.
 * Exit code 0 = applied, 1 = rejected (nothing written; see the report), 2 = usage or fault.
 * Best run while the branch server is stopped, or off-hours: the final apply of a large file holds
 * the database's write lock for some seconds.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '@shared/import/types';
import { parseCivil, zonedInstant } from '@shared/import/values';
import { bulkLoadJournal, openStore } from '../db/connection';
import { loadOrCreateKeys, Pii } from '../db/pii';
import { SettingsRepo } from '../db/repos/settings';
import { readServeConfig } from '../server/config';
import { runImport } from '../sync/import/run';
import type { SourceEncoding } from '../sync/import/source';

const argv = process.argv.slice(2);
const valueFlags = new Set(['--kind', '--data', '--as-of', '--encoding', '--report', '--key-file']);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const positional = argv.filter((a, i) => !a.startsWith('--') && !valueFlags.has(argv[i - 1] ?? ''));
const kind = flag('--kind') as ImportKind | undefined;
const file = positional[0];
const json = argv.includes('--json');

function usage(msg: string): never {
  console.error(
    `${msg}\nusage: npm run import -- --kind ${IMPORT_KINDS.join('|')} FILE [--data DIR] [--as-of YYYY-MM-DD] [--encoding auto|utf-8|gbk] [--report FILE] [--json]`,
  );
  process.exit(2);
}
if (!kind || !IMPORT_KINDS.includes(kind)) usage(`--kind must be one of ${IMPORT_KINDS.join(', ')}`);
if (!file) usage('FILE is missing');
const encArg = flag('--encoding') ?? 'auto';
const encoding: SourceEncoding | 'auto' =
  encArg === 'gbk' || encArg === 'gb2312' || encArg === 'gb18030'
    ? 'gb18030'
    : encArg === 'utf8'
      ? 'utf-8'
      : (encArg as SourceEncoding | 'auto');
if (!['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'].includes(encoding))
  usage(`unknown --encoding ${encArg}`);

const cfg = readServeConfig(argv, process.env, process.cwd());
const store = await openStore(join(cfg.dataDir, 'branch.db'));
const pii = new Pii(loadOrCreateKeys(cfg.keyFile ?? `${cfg.dataDir}.keys/pii.key`));
const rules = new SettingsRepo(store).current().config;
let asOf: number | null = null;
const asOfArg = flag('--as-of');
if (asOfArg) {
  const d = parseCivil(asOfArg);
  if (!d.ok) usage(`--as-of: ${d.en}`);
  asOf = zonedInstant({ ...d.value, minutes: 0 }, rules.branch.timezone);
}

const workDir = mkdtempSync(join(tmpdir(), 'branch-import-'));
// Alone on the database (the server stopped, as advised above): a rollback journal for this load.
const restoreWal = bulkLoadJournal(store);
let lastLine = 0;
try {
  const r = await runImport({
    kind,
    file,
    fileName: basename(file),
    store,
    pii,
    rules,
    now: Date.now,
    staffId: null,
    workDir,
    asOf,
    encoding,
    onProgress: (p) => {
      if (json || !process.stderr.isTTY) return;
      const t = Date.now();
      if (t - lastLine < 250 && p.phase === 'reading') return;
      lastLine = t;
      const pct = p.bytesTotal ? Math.floor((100 * p.bytesRead) / p.bytesTotal) : 0;
      process.stderr.write(
        `\r  ${p.phase.padEnd(8)} ${String(pct).padStart(3)}%  ${p.rowsRead.toLocaleString()} rows, ${p.rejectedRows.toLocaleString()} rejected   `,
      );
    },
  });
  const report = flag('--report');
  if (report) copyFileSync(r.reportFile, report);
  const s = r.summary;
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  if (json) {
    console.log(JSON.stringify({ status: r.status, summary: s, maxRssMb, issues: r.issues.slice(0, 20) }));
  } else {
    process.stderr.write('\n');
    console.log(
      `${r.status.toUpperCase()}: ${s.kind} from ${s.fileName} (${s.format}${s.encoding ? ', ' + s.encoding : ''}), ${s.rows.toLocaleString()} rows in ${s.seconds} s (read ${s.phaseSeconds.read}, check ${s.phaseSeconds.check}, apply ${s.phaseSeconds.apply})`,
    );
    if (r.status === 'applied') {
      console.log(
        `  inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}${s.stale ? `, older than current ${s.stale}` : ''}`,
      );
      console.log(
        `  tiers before ${JSON.stringify(s.tiersBefore)}\n  tiers after  ${JSON.stringify(s.tiersAfter)}`,
      );
    } else if (r.status === 'rejected') {
      console.log(
        `  nothing was written: ${s.rejectedRows} bad rows, ${s.issueCount} issues${report ? ` (report: ${report})` : ''}`,
      );
      for (const i of r.issues.slice(0, 20))
        console.log(`  line ${i.line}${i.column ? ` [${i.column}]` : ''}: ${i.zh} / ${i.en}`);
      if (s.issueCount > 20) console.log(`  … ${s.issueCount - 20} more`);
    }
    if (s.ignoredColumns.length) console.log(`  ignored columns: ${s.ignoredColumns.join(', ')}`);
  }
  process.exitCode = r.status === 'applied' ? 0 : 1;
} finally {
  restoreWal?.();
  store.close();
  rmSync(workDir, { recursive: true, force: true });
}
