/** What an import writes to disk holds personal data: private to the server's user, and gone when done. */
import pino from 'pino';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { openStore, type Store } from '../../db/connection';
import { seedBranch } from '../../db/demo/seed';
import { Pii, testKeys } from '../../db/pii';
import { ImportJobs } from './jobs';
import { runImport } from './run';

const NOW = Date.UTC(2026, 10, 20, 4, 0);
const pii = new Pii(testKeys());
let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'private-test-'));
  store = await openStore(join(dir, 'branch.db'));
  seedBranch(store, defaultRulesConfig, 'x', NOW - 400 * 86_400_000);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const mode = (f: string) => statSync(f).mode & 0o777;

describe('import files on disk', () => {
  it('creates the staging database, the report and the work folder private (0600 / 0700)', async () => {
    const f = join(dir, 'in.csv');
    writeFileSync(f, '客户号,客户姓名,手机号\nC200000001,张三,12345\n');
    const workDir = join(dir, 'work');
    let stageMode: number | null = null;
    const r = await runImport({
      kind: 'customers',
      file: f,
      fileName: 'in.csv',
      store,
      pii,
      rules: defaultRulesConfig,
      now: () => NOW,
      staffId: null,
      workDir,
      onProgress: (p) => {
        if (p.phase === 'checking' && stageMode === null) stageMode = mode(join(workDir, 'stage.db'));
      },
    });
    expect(r.status).toBe('rejected');
    expect(stageMode).toBe(0o600);
    expect(mode(r.reportFile)).toBe(0o600);
    expect(mode(workDir)).toBe(0o700);
    expect(existsSync(join(workDir, 'stage.db'))).toBe(false);
  });

  it('removes the leftovers of a crash at start and makes the scratch folder private again', async () => {
    const root = join(dir, 'import-tmp');
    mkdirSync(join(root, 'crashed-job'), { recursive: true });
    writeFileSync(join(root, 'crashed-job', 'upload'), '客户号,证件号码\nC1,110101199003070011\n');
    chmodSync(root, 0o755);
    const jobs = new ImportJobs({
      store,
      pii,
      rules: () => defaultRulesConfig,
      now: () => NOW,
      log: pino({ level: 'silent' }),
    });
    expect(jobs.root).toBe(root);
    expect(readdirSync(root)).toEqual([]);
    expect(mode(root)).toBe(0o700);
    await jobs.close();
  });
});
