/**
 * Shared set-up for the runImport tests (electron/sync/import/run-*.test.ts): a fresh seeded branch per test, input
 * files and sample customers. Here, not beside them: only test files in a production folder may import test code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import type { ImportKind } from '@shared/import/types';
import { openStore, type Store } from '../../electron/db/connection';
import { seedBranch } from '../../electron/db/demo/seed';
import { Pii, testKeys } from '../../electron/db/pii';
import { runImport, type RunImportOptions } from '../../electron/sync/import/run';
import { csv, testCard, testIdNumber } from './import';

export const NOW = Date.UTC(2026, 10, 20, 4, 0); // 2026-11-20 12:00 in Beijing
const DAY = 86_400_000;
export const pii = new Pii(testKeys());
// Live bindings: set afresh by the hooks useBranchStore() registers, read by the tests.
export let dir: string;
export let store: Store;

/** Call once at the top of a test file: every test gets its own seeded branch database. */
export function useBranchStore(): void {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'import-test-'));
    store = await openStore(join(dir, 'branch.db'));
    seedBranch(store, defaultRulesConfig, 'x', NOW - 400 * DAY);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

let fileNo = 0;
export function file(content: string | Buffer, ext = 'csv'): string {
  const f = join(dir, `in-${++fileNo}.${ext}`);
  writeFileSync(f, content);
  return f;
}

export function run(kind: ImportKind, f: string, extra: Partial<RunImportOptions> = {}) {
  return runImport({
    kind,
    file: f,
    fileName: f.split('/').pop() ?? f,
    store,
    pii,
    rules: defaultRulesConfig,
    now: () => NOW,
    staffId: null,
    workDir: join(dir, `work-${++fileNo}`),
    ...extra,
  });
}

export const ID1 = testIdNumber('19730512', 31);
export const ID2 = testIdNumber('19881130', 15);
export const ID3 = testIdNumber('19540308', 42);
export const CARD1 = testCard(1);
export const CARD2 = testCard(2);

export const HEADER_EN = [
  'customer_no',
  'name',
  'kind',
  'id_number',
  'phone',
  'cards',
  'segments',
  'marketing_consent',
  'opened_at',
];
export const CUSTOMERS_EN = csv([
  HEADER_EN,
  ['C200000001', '陈建华', 'individual', ID1, '13858106688', CARD1, 'executive', 'Y', '2017-11-26'],
  ['C200000002', '张伟', '个人', ID2, '138 5793 2046', `${CARD2}`, '', '否', '2020/11/25'],
  ['C200000003', '王秀英', '', ID3, '+8613805718863', '', '老年客户、女性客户', '是', '20081128'],
]);

export function customer(no: string) {
  return store.sqlite.prepare('SELECT * FROM customers WHERE customer_no = ?').get(no) as Record<
    string,
    unknown
  >;
}
