import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import { openStore, type Store } from '../../db/connection';
import { seedBranch } from '../../db/demo/seed';
import { Pii, testKeys } from '../../db/pii';
import { runImport } from './run';

const NOW = Date.UTC(2026, 10, 20, 4, 0);
const pii = new Pii(testKeys());
let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xlsx-test-'));
  store = await openStore(join(dir, 'branch.db'));
  seedBranch(store, defaultRulesConfig, 'x', NOW - 400 * 86_400_000);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Products on the first tab, notes on the second; the zip stores the second tab's part first. */
async function workbookSecondTabStoredFirst(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const products = wb.addWorksheet('产品');
  products.addRow(['产品代码', '产品名称', '英文名称', '产品类型']);
  products.addRow(['TD-SHEET-1', '整存整取一年', '1-year time deposit', '定期存款']);
  const notes = wb.addWorksheet('说明');
  notes.addRow(['本表由核心系统导出']);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const names = Object.keys(zip.files);
  const first = 'xl/worksheets/sheet2.xml';
  expect(names).toContain(first);
  const out = new JSZip();
  for (const name of [first, ...names.filter((n) => n !== first)]) {
    const f = zip.file(name);
    if (f) out.file(name, await f.async('uint8array'));
  }
  const buf = await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  // The premise: the second tab's part really comes first in the archive.
  const order = Object.keys((await JSZip.loadAsync(buf)).files).filter((n) => n.startsWith('xl/worksheets/'));
  expect(order.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(order.indexOf('xl/worksheets/sheet1.xml'));
  return buf;
}

describe('XLSX', () => {
  it("reads the workbook's first tab, whatever the order of the parts in the zip", async () => {
    const f = join(dir, 'products.xlsx');
    writeFileSync(f, await workbookSecondTabStoredFirst());
    const r = await runImport({
      kind: 'products',
      file: f,
      fileName: 'products.xlsx',
      store,
      pii,
      rules: defaultRulesConfig,
      now: () => NOW,
      staffId: null,
      workDir: join(dir, 'work'),
    });
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('applied');
    expect(r.summary).toMatchObject({ format: 'xlsx', rows: 1, inserted: 1 });
    // exceljs parks a tab stored before the shared strings in a temp file of its own (tmp-<pid>-…, the tab's cells):
    // none may outlive the import.
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`tmp-${process.pid}-`))).toEqual([]);
  });
});
