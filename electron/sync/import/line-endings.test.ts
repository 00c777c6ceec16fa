import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { openStore, type Store } from '../../db/connection';
import { seedBranch } from '../../db/demo/seed';
import { Pii, testKeys } from '../../db/pii';
import { dataHash } from '../../../test/support/import';
import { runImport } from './run';
import { openSource, type SourceRow } from './source';

const NOW = Date.UTC(2026, 10, 20, 4, 0);
const pii = new Pii(testKeys());
let dir: string;
let store: Store;
let n = 0;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eol-test-'));
  store = await openStore(join(dir, 'branch.db'));
  seedBranch(store, defaultRulesConfig, 'x', NOW - 400 * 86_400_000);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(text: string): string {
  const f = join(dir, `in-${++n}.csv`);
  writeFileSync(f, text);
  return f;
}

async function rows(f: string): Promise<SourceRow[]> {
  const s = openSource(f);
  const out: SourceRow[] = [];
  try {
    for await (const b of s.rows()) out.push(...b);
  } finally {
    s.close();
  }
  return out;
}

// The incident: a CRLF export where one line ends in a bare LF. Read by the file's newline (CRLF),
// lines 3 and 4 became one record and 甲一's name took the next customer's number.
const STRAY_LF = '客户号,客户姓名\r\nC810000001,甲一\nC810000002,乙二\r\nC810000003,丙三\r\n';
// The same with a quoted cell elsewhere, so csv-parse reads it instead of the quote-free splitter.
const STRAY_LF_QUOTED = '客户号,客户姓名\r\nC810000001,甲一\nC810000002,乙二\r\nC810000003,"丙三"\r\n';

describe('mixed line endings', () => {
  for (const [path, text] of [
    ['quote-free splitter', STRAY_LF],
    ['csv-parse', STRAY_LF_QUOTED],
  ] as const) {
    it(`flags a record with a bare line break outside quotes (${path})`, async () => {
      const r = await rows(file(text));
      expect(r[1]?.line).toBe(2);
      expect(r[1]?.problem?.code).toBe('line_break_in_field');
      expect(r[0]?.problem).toBeUndefined();
      expect(r[2]).toEqual({ line: 4, cells: ['C810000003', '丙三'] });
    });

    it(`rejects the file and reports the merged row, never imports it (${path})`, async () => {
      const before = dataHash(store);
      const res = await runImport({
        kind: 'customers',
        file: file(text),
        fileName: 'eol.csv',
        store,
        pii,
        rules: defaultRulesConfig,
        now: () => NOW,
        staffId: null,
        workDir: join(dir, `work-${++n}`),
      });
      expect(res.status).toBe('rejected');
      expect(res.summary.rejectedRows).toBe(1);
      expect(res.issues).toHaveLength(1);
      expect(res.issues[0]).toMatchObject({ line: 2, code: 'line_break_in_field' });
      expect(res.issues[0]?.zh).toContain('换行');
      expect(res.issues[0]?.en).toContain('line break');
      expect(dataHash(store)).toBe(before);
    });
  }

  it('still accepts line breaks inside quoted cells', async () => {
    const r = await rows(file('a,b\r\n"two\r\nlines",z\r\n"lf\nonly",y\r\n'));
    expect(r.map((x) => x.problem)).toEqual([undefined, undefined, undefined]);
    expect(r[2]?.cells).toEqual(['lf\nonly', 'y']);
  });
});
