import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import type { ImportKind } from '@shared/import/types';
import { openStore, type Store } from '../../db/connection';
import { seedBranch } from '../../db/demo/seed';
import { Pii, testKeys } from '../../db/pii';
import type { RunImportOptions } from './options';
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
  const buf = await storedFirst(await wb.xlsx.writeBuffer(), 'xl/worksheets/sheet2.xml');
  // The premise: the second tab's part really comes first in the archive.
  const order = Object.keys((await JSZip.loadAsync(buf)).files).filter((n) => n.startsWith('xl/worksheets/'));
  expect(order.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(order.indexOf('xl/worksheets/sheet1.xml'));
  return buf;
}

/** The workbook with the part `first` moved to the front of the zip (before the shared strings and the rest). */
async function storedFirst(xlsx: ArrayBuffer | Buffer, first: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const names = Object.keys(zip.files);
  expect(names).toContain(first);
  const out = new JSZip();
  for (const name of [first, ...names.filter((n) => n !== first)]) {
    const f = zip.file(name);
    if (f) out.file(name, await f.async('uint8array'));
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Imports the workbook `buf` as a file of `kind`. */
function importXlsx(kind: ImportKind, buf: Buffer, more: Partial<RunImportOptions> = {}) {
  const file = join(dir, `${kind}.xlsx`);
  writeFileSync(file, buf);
  return runImport({
    kind,
    file,
    fileName: `${kind}.xlsx`,
    store,
    pii,
    rules: defaultRulesConfig,
    now: () => NOW,
    staffId: null,
    workDir: join(dir, 'work'),
    ...more,
  });
}

const ownTempFiles = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`tmp-${process.pid}-`));

describe('XLSX', () => {
  it("reads the workbook's first tab, whatever the order of the parts in the zip", async () => {
    const r = await importXlsx('products', await workbookSecondTabStoredFirst());
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('applied');
    expect(r.summary).toMatchObject({ format: 'xlsx', rows: 1, inserted: 1 });
    // exceljs parks a tab stored before the shared strings in a temp file of its own (tmp-<pid>-…, the tab's cells):
    // none may outlive the import.
    expect(ownTempFiles()).toEqual([]);
  });

  it('leaves no temp file behind when an import of it is cancelled mid-read', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('客户');
    sheet.addRow(['客户号', '客户姓名', '手机号']);
    for (let i = 0; i < 6000; i++) sheet.addRow([`C4${String(i).padStart(8, '0')}`, '测试', 13900000000 + i]);
    const buf = await storedFirst(await wb.xlsx.writeBuffer(), 'xl/worksheets/sheet1.xml');
    const ac = new AbortController();
    let tempWhileReading: string[] = [];
    const r = await importXlsx('customers', buf, {
      signal: ac.signal,
      onProgress: (p) => {
        if (p.rowsRead > 0 && !ac.signal.aborted) {
          tempWhileReading = ownTempFiles();
          ac.abort();
        }
      },
    });
    expect(r.status).toBe('cancelled');
    // The premise: the tab was being read from exceljs's temp file (stored before the shared strings).
    expect(tempWhileReading).toHaveLength(1);
    expect(ownTempFiles()).toEqual([]);
  });
});
