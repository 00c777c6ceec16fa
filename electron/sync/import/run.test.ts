import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import type { ImportKind } from '@shared/import/types';
import { openStore, type Store } from '../../db/connection';
import { seedBranch } from '../../db/demo/seed';
import { Pii, testKeys } from '../../db/pii';
import { runImport, type RunImportOptions } from './run';
import { csv, dataHash, testCard, testIdNumber } from '../../../test/support/import';

const NOW = Date.UTC(2026, 10, 20, 4, 0); // 2026-11-20 12:00 in Beijing
const DAY = 86_400_000;
const pii = new Pii(testKeys());
let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'import-test-'));
  store = await openStore(join(dir, 'branch.db'));
  seedBranch(store, defaultRulesConfig, 'x', NOW - 400 * DAY);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

let fileNo = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const f = join(dir, `in-${++fileNo}.${ext}`);
  writeFileSync(f, content);
  return f;
}

function run(kind: ImportKind, f: string, extra: Partial<RunImportOptions> = {}) {
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

const ID1 = testIdNumber('19730512', 31);
const ID2 = testIdNumber('19881130', 15);
const ID3 = testIdNumber('19540308', 42);
const CARD1 = testCard(1);
const CARD2 = testCard(2);

const HEADER_EN = [
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
const CUSTOMERS_EN = csv([
  HEADER_EN,
  ['C200000001', '陈建华', 'individual', ID1, '13858106688', CARD1, 'executive', 'Y', '2017-11-26'],
  ['C200000002', '张伟', '个人', ID2, '138 5793 2046', `${CARD2}`, '', '否', '2020/11/25'],
  ['C200000003', '王秀英', '', ID3, '+8613805718863', '', '老年客户、女性客户', '是', '20081128'],
]);

function customer(no: string) {
  return store.sqlite.prepare('SELECT * FROM customers WHERE customer_no = ?').get(no) as Record<
    string,
    unknown
  >;
}

describe('customers', () => {
  it('imports a UTF-8 CSV with English headers: hashed, masked and encrypted numbers, never in clear', async () => {
    const r = await run('customers', file(CUSTOMERS_EN));
    expect(r.status).toBe('applied');
    expect(r.summary).toMatchObject({
      rows: 3,
      inserted: 3,
      updated: 0,
      rejectedRows: 0,
      format: 'csv',
      encoding: 'utf-8',
    });
    const c = customer('C200000001');
    expect(c.id_hash).toBe(pii.hash('id', ID1));
    expect(c.id_masked).toBe('330106********0313'.slice(0, 6) + '********' + ID1.slice(-4));
    expect(pii.decrypt(c.id_enc as string)).toBe(ID1);
    expect(pii.decrypt(c.phone_enc as string)).toBe('13858106688');
    // Only the year and month are kept (with the masked ID a full date gives the number back).
    expect(c.birth_month).toBe('1973-05');
    expect(c.birth_date ?? null).toBeNull(); // the emptied legacy column (migration 0007) stays NULL
    expect(c.gender).toBe('M');
    expect(c.tier).toBe('potential');
    expect(JSON.parse(c.segments as string)).toEqual(['executive']);
    expect(customer('C200000002').phone_hash).toBe(pii.hash('phone', '13857932046'));
    expect(JSON.parse(customer('C200000003').segments as string)).toEqual(['elderly', 'women']);
    const card = store.sqlite
      .prepare('SELECT * FROM cards WHERE card_hash = ?')
      .get(pii.hash('card', CARD1)) as Record<string, unknown>;
    expect(card.card_masked).toBe(`${CARD1.slice(0, 6)}*********${CARD1.slice(-4)}`);
    expect(card.card_enc).toBeNull();
    const dump = JSON.stringify(store.sqlite.prepare('SELECT * FROM customers').all());
    for (const secret of [ID1, ID2, ID3, '13858106688', CARD1]) expect(dump).not.toContain(secret);
    expect(r.summary.tiersBefore).toEqual({});
    expect(r.summary.tiersAfter).toEqual({ potential: 3 });
    const run1 = store.sqlite.prepare('SELECT * FROM import_runs').all() as {
      kind: string;
      inserted: number;
    }[];
    expect(run1).toEqual([expect.objectContaining({ kind: 'customers', inserted: 3 })]);
  });

  it('is idempotent: the same file again changes nothing, byte for byte', async () => {
    await run('customers', file(CUSTOMERS_EN));
    const tables = { customers: 'customer_no', cards: 'card_hash' };
    const before = dataHash(store, tables);
    const r = await run('customers', file(CUSTOMERS_EN));
    expect(r.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(dataHash(store, tables)).toBe(before);
  });

  it('upserts by customer number and updates only the columns the file has', async () => {
    await run('customers', file(CUSTOMERS_EN));
    const r = await run(
      'customers',
      file(
        csv([
          ['客户号', '客户姓名', '手机号'],
          ['C200000001', '陈建华', '13900001111'],
        ]),
      ),
    );
    expect(r.summary).toMatchObject({ inserted: 0, updated: 1 });
    const c = customer('C200000001');
    expect(pii.decrypt(c.phone_enc as string)).toBe('13900001111');
    expect(pii.decrypt(c.id_enc as string)).toBe(ID1);
    expect(JSON.parse(c.segments as string)).toEqual(['executive']);
    expect(c.marketing_consent).toBe(1);
  });

  it('reads a GBK (GB18030) file with Chinese headers', async () => {
    const text = csv(
      [
        ['客户号', '客户姓名', '客户类型', '证件号码', '手机号码', '客群', '营销授权', '开户日期'],
        ['C200000011', '欧阳娜娜', '个人', ID2, '13857932046', '女性客户', '同意', '2019年3月5日'],
        ['C200000012', '杭州恒达贸易有限公司', '对公', '', '13900000000', '', '否', '2015-01-02'],
      ],
      '\r\n',
    );
    const r = await run('customers', file(iconv.encode(text, 'gbk')));
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('applied');
    expect(r.summary.encoding).toBe('gb18030');
    expect(customer('C200000011').name).toBe('欧阳娜娜');
    expect(customer('C200000012')).toMatchObject({
      kind: 'corporate',
      corporate_type: 'enterprise',
      corporate_grade: 'general',
    });
  });

  it('reads an XLSX file: a title row above the header, numbers and date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['示范支行客户清单（2026-11-20）']);
    ws.addRow(['客户号', '客户姓名', '证件号码', '手机号', '开户日期', '最近到店日期']);
    ws.addRow([
      'C200000021',
      '李建国',
      ID3,
      13805718863,
      new Date(Date.UTC(2012, 5, 1)),
      new Date(Date.UTC(2026, 9, 1)),
    ]);
    ws.addRow(['C200000022', '周丽娟', testIdNumber('19790101', 22), '13858100000', '2010-01-01', null]);
    const f = join(dir, 'customers.xlsx');
    await wb.xlsx.writeFile(f);
    const r = await run('customers', f);
    expect(r.issues).toEqual([]);
    expect(r.summary).toMatchObject({ format: 'xlsx', rows: 2, inserted: 2, skippedTitleRows: 1 });
    const c = customer('C200000021');
    expect(pii.decrypt(c.phone_enc as string)).toBe('13805718863');
    expect(c.created_at).toBe(Date.UTC(2012, 4, 31, 16)); // 2012-06-01 00:00 Beijing
    expect(c.lifecycle).toBe('active');
  });

  it('rejects the whole file on a bad row, writes nothing, and reports every bad row with line and column', async () => {
    await run('customers', file(CUSTOMERS_EN));
    const before = dataHash(store);
    const badId = ID1.slice(0, 17) + (ID1[17] === '0' ? '1' : '0');
    const content = csv([
      ['客户号', '客户姓名', '证件号码', '手机号', '银行卡号', '开户日期', '营销授权'],
      ['C200000031', '好人甲', testIdNumber('19900101', 1), '13800000001', '', '2020-01-01', '是'],
      ['C200000032', '坏人乙', badId, '13800000002', '', '2020-01-01', '是'],
      [
        'C200000033',
        '坏人丙',
        testIdNumber('19900101', 3),
        '1380000',
        testCard(99).slice(0, -1) + '0',
        '2020-02-30',
        '也许',
      ],
      ['X1', '', '', '', '', '', ''],
      ['C200000031', '重复', testIdNumber('19900101', 5), '13800000005', '', '', ''],
      ['C200000036', '冒用', ID2, '13800000006', '', '', ''],
      ['C200000037', '好人丁', testIdNumber('19900101', 7), '13800000007', CARD1, '', ''],
    ]);
    const r = await run('customers', file(content));
    expect(r.status).toBe('rejected');
    expect(dataHash(store)).toBe(before);
    const byLine = new Map<number, string[]>();
    for (const i of r.issues) byLine.set(i.line, [...(byLine.get(i.line) ?? []), `${i.field}:${i.code}`]);
    expect(byLine.get(3)).toEqual(['id_number:id_check_digit']);
    expect(byLine.get(4)).toEqual(
      expect.arrayContaining([
        'phone:phone_format',
        'cards:card_luhn',
        'opened_at:date_invalid',
        'marketing_consent:flag_format',
      ]),
    );
    expect(byLine.get(5)).toEqual(['customer_no:customer_no_format', 'name:required']);
    expect(byLine.get(6)).toEqual(['customer_no:duplicate_in_file']);
    expect(byLine.get(7)).toEqual(['id_number:id_taken']);
    expect(byLine.get(8)).toEqual(['cards:card_taken']);
    expect(byLine.has(2)).toBe(false);
    expect(r.summary).toMatchObject({ rows: 7, rejectedRows: 6 });
    // Bilingual, with the header as written in the file, values masked.
    const idIssue = r.issues.find((i) => i.line === 3);
    expect(idIssue).toMatchObject({
      column: '证件号码',
      zh: expect.stringContaining('校验位'),
      en: expect.stringContaining('check digit'),
    });
    expect(idIssue?.value).toBe(`${badId.slice(0, 6)}********${badId.slice(-4)}`);
    const report = readFileSync(r.reportFile, 'utf8');
    expect(report.startsWith('\uFEFF行号 line')).toBe(true);
    expect(report.trim().split('\r\n')).toHaveLength(1 + r.summary.issueCount);
    expect(report).not.toContain(badId);
    const audit = store.sqlite
      .prepare(`SELECT detail FROM audit_log WHERE action = 'import.rejected'`)
      .get() as { detail: string };
    expect(JSON.parse(audit.detail)).toMatchObject({ kind: 'customers', rejectedRows: 6 });
  });

  it('reports a missing required column as a file-level problem', async () => {
    const r = await run(
      'customers',
      file(
        csv([
          ['客户号', '手机号'],
          ['C200000001', '13800000000'],
        ]),
      ),
    );
    expect(r.status).toBe('rejected');
    expect(r.issues).toEqual([expect.objectContaining({ line: 1, field: 'name', code: 'header_missing' })]);
  });

  it('flags an ID number Excel stored as a number', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['客户号', '客户姓名', '证件号码']);
    ws.addRow(['C200000041', '赵六', Number('330106197305120313')]);
    const f = join(dir, 'n.xlsx');
    await wb.xlsx.writeFile(f);
    const r = await run('customers', f);
    expect(r.issues).toEqual([
      expect.objectContaining({ line: 2, field: 'id_number', code: 'excel_number' }),
    ]);
  });

  it('links a customer to another in the same file or the branch, and reports an unknown link', async () => {
    const ok = await run(
      'customers',
      file(
        csv([
          ['客户号', '客户姓名', '客户类型', '关联客户号'],
          ['C200000051', '陈建华', '个人', 'C200000052'],
          ['C200000052', '恒达贸易有限公司', '对公', 'C200000051'],
        ]),
      ),
    );
    expect(ok.status).toBe('applied');
    expect(customer('C200000051').linked_customer_id).toBe(customer('C200000052').id);
    const bad = await run(
      'customers',
      file(
        csv([
          ['客户号', '客户姓名', '关联客户号'],
          ['C200000053', '某人', 'C299999999'],
        ]),
      ),
    );
    expect(bad.issues).toEqual([expect.objectContaining({ line: 2, code: 'link_unknown' })]);
  });

  it('links a new customer to a branch customer outside the file, and re-links an existing one', async () => {
    await run(
      'customers',
      file(
        csv([
          ['客户号', '客户姓名', '客户类型', '关联客户号'],
          ['C200000061', '恒达贸易有限公司', '对公', ''],
          ['C200000063', '陈建华', '个人', 'C200000061'],
        ]),
      ),
    );
    expect(customer('C200000063').linked_customer_id).toBe(customer('C200000061').id);
    const r = await run(
      'customers',
      file(
        csv([
          ['客户号', '客户姓名', '客户类型', '关联客户号'],
          ['C200000062', '张伟', '个人', 'C200000061'],
          ['C200000063', '陈建华', '个人', 'C200000062'],
          ['C200000064', '王秀英', '个人', ''],
        ]),
      ),
    );
    expect(r.status).toBe('applied');
    expect(r.summary).toMatchObject({ inserted: 2, updated: 1 });
    expect(customer('C200000062').linked_customer_id).toBe(customer('C200000061').id);
    expect(customer('C200000063').linked_customer_id).toBe(customer('C200000062').id);
    expect(customer('C200000064').linked_customer_id).toBeNull();
  });

  it('stops when cancelled and writes nothing', async () => {
    const rows: (string | number)[][] = [['客户号', '客户姓名', '手机号']];
    for (let i = 0; i < 20_000; i++)
      rows.push([`C3${String(i).padStart(8, '0')}`, '测试', `139${String(i).padStart(8, '0')}`]);
    const before = dataHash(store);
    const ac = new AbortController();
    const r = await run('customers', file(csv(rows)), {
      signal: ac.signal,
      onProgress: (p) => {
        if (p.rowsRead > 0) ac.abort();
      },
    });
    expect(r.status).toBe('cancelled');
    expect(dataHash(store)).toBe(before);
  });
});

const HOLDINGS_HEADER = ['客户号', '产品类型', '产品代码', '余额（元）', '余额日期'];

describe('customers, hashed and encrypted on a worker thread (as for big files)', () => {
  const threaded = { protectThreads: 1 };

  it('stores the same hashes, and ciphertexts that decrypt to the numbers', async () => {
    const r = await run('customers', file(CUSTOMERS_EN), threaded);
    expect(r.status).toBe('applied');
    expect(r.summary.inserted).toBe(3);
    const c = customer('C200000001');
    expect(c.id_hash).toBe(pii.hash('id', ID1));
    expect(c.phone_hash).toBe(pii.hash('phone', '13858106688'));
    expect(pii.decrypt(c.id_enc as string)).toBe(ID1);
    expect(pii.decrypt(c.phone_enc as string)).toBe('13858106688');
    expect(customer('C200000003').id_hash).toBe(pii.hash('id', ID3));
    const cards = store.sqlite.prepare('SELECT card_hash FROM cards ORDER BY card_hash').pluck().all();
    expect(cards).toEqual([pii.hash('card', CARD1), pii.hash('card', CARD2)].sort());
  });

  it('keeps the ciphertext of an unchanged number (re-import byte for byte) and encrypts a new one', async () => {
    await run('customers', file(CUSTOMERS_EN), threaded);
    const tables = { customers: 'customer_no', cards: 'card_hash' };
    const before = dataHash(store, tables);
    const again = await run('customers', file(CUSTOMERS_EN), threaded);
    expect(again.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(dataHash(store, tables)).toBe(before);
    const idEnc = customer('C200000001').id_enc;
    await run(
      'customers',
      file(
        csv([
          ['客户号', '客户姓名', '证件号码', '手机号'],
          ['C200000001', '陈建华', ID1, '13900001111'],
        ]),
      ),
      threaded,
    );
    const c = customer('C200000001');
    expect(c.id_enc).toBe(idEnc);
    expect(pii.decrypt(c.phone_enc as string)).toBe('13900001111');
  });

  it('still rejects the whole file and reports every bad row', async () => {
    const before = dataHash(store);
    const r = await run(
      'customers',
      file(
        csv([
          HEADER_EN,
          ['C200000001', '陈建华', 'individual', ID1, '13858106688', CARD1, '', 'Y', '2017-11-26'],
          ['C200000002', '张伟', 'individual', ID1, '13857932046', '', '', 'Y', '2017-11-26'],
          ['C200000003', '王秀英', 'individual', ID3, '12345', CARD1, '', 'Y', '2017-11-26'],
        ]),
      ),
      threaded,
    );
    expect(r.status).toBe('rejected');
    // The duplicate is found by comparing the worker's hashes of the staged rows.
    expect(r.issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [3, 'id_number', 'duplicate_in_file'],
      [4, 'phone', 'phone_format'],
    ]);
    expect(dataHash(store)).toBe(before);
  });
});

describe('holdings', () => {
  beforeEach(async () => {
    await run('customers', file(CUSTOMERS_EN));
  });

  it('sums AUM, recomputes tiers, keeps a snapshot, and shows tier counts before and after', async () => {
    const r = await run(
      'holdings',
      file(
        csv([
          HOLDINGS_HEADER,
          ['C200000001', '活期存款', 'DEBIT_CARD', '586,321.45', '2026-11-19'],
          ['C200000001', '理财', 'WM_PRIVATE', '5000000', '2026-11-19'],
          ['C200000001', '信用卡', '', '1.2万', '2026-11-19'],
          ['C200000002', 'time_deposit', '', '46800', '2026-11-19'],
        ]),
      ),
    );
    expect(r.issues).toEqual([]);
    expect(r.status).toBe('applied');
    expect(customer('C200000001')).toMatchObject({ aum_fen: 558_632_145, tier: 'high' });
    expect(customer('C200000002')).toMatchObject({ aum_fen: 4_680_000, tier: 'effective' });
    expect(r.summary.tiersBefore).toEqual({ potential: 3 });
    expect(r.summary.tiersAfter).toEqual({ potential: 1, effective: 1, high: 1 });
    expect(r.summary.tierMoves).toEqual({ 'potential>high': 1, 'potential>effective': 1 });
    const snaps = store.sqlite
      .prepare('SELECT as_of, aum_fen, tier FROM aum_snapshots ORDER BY aum_fen')
      .all();
    expect(snaps).toEqual([
      { as_of: Date.UTC(2026, 10, 18, 16), aum_fen: 4_680_000, tier: 'effective' },
      { as_of: Date.UTC(2026, 10, 18, 16), aum_fen: 558_632_145, tier: 'high' },
    ]);
  });

  it('replaces the snapshot with a newer file, keeps history, and ignores an older one (history only)', async () => {
    const f1 = csv([HOLDINGS_HEADER, ['C200000002', '定期存款', '', '46800', '2026-11-01']]);
    const f2 = csv([HOLDINGS_HEADER, ['C200000002', '定期存款', '', '52000', '2026-11-15']]);
    const f0 = csv([HOLDINGS_HEADER, ['C200000002', '定期存款', '', '9000', '2026-10-01']]);
    await run('holdings', file(f1));
    const r2 = await run('holdings', file(f2));
    expect(r2.summary).toMatchObject({ updated: 1, tierMoves: { 'effective>mid': 1 } });
    expect(customer('C200000002')).toMatchObject({ aum_fen: 5_200_000, tier: 'mid' });
    const r0 = await run('holdings', file(f0));
    expect(r0.summary).toMatchObject({ stale: 1, updated: 0, inserted: 0 });
    expect(customer('C200000002')).toMatchObject({ aum_fen: 5_200_000, tier: 'mid' });
    const history = store.sqlite.prepare('SELECT aum_fen, tier FROM aum_snapshots ORDER BY as_of').all();
    expect(history).toEqual([
      { aum_fen: 900_000, tier: 'potential' },
      { aum_fen: 4_680_000, tier: 'effective' },
      { aum_fen: 5_200_000, tier: 'mid' },
    ]);
    const holdings = store.sqlite.prepare('SELECT balance_fen FROM holdings').all();
    expect(holdings).toEqual([{ balance_fen: 5_200_000 }]);
  });

  it('is idempotent for the same balance file, and corrects a same-day file that differs', async () => {
    const f = csv([
      HOLDINGS_HEADER,
      ['C200000001', '活期存款', '', '100', '2026-11-19'],
      ['C200000001', '基金', '', '200', '2026-11-19'],
    ]);
    await run('holdings', file(f));
    const before = dataHash(store, {
      customers: 'customer_no',
      holdings: 'id',
      aum_snapshots: 'customer_id, as_of',
    });
    const again = await run('holdings', file(f));
    expect(again.summary).toMatchObject({ unchanged: 1, updated: 0, inserted: 0 });
    expect(
      dataHash(store, { customers: 'customer_no', holdings: 'id', aum_snapshots: 'customer_id, as_of' }),
    ).toBe(before);
    const fixed = await run(
      'holdings',
      file(csv([HOLDINGS_HEADER, ['C200000001', '活期存款', '', '150', '2026-11-19']])),
    );
    expect(fixed.summary).toMatchObject({ updated: 1 });
    expect(customer('C200000001').aum_fen).toBe(15_000);
  });

  it('checks foreign keys: the customer and the product code must exist', async () => {
    const before = dataHash(store);
    const r = await run(
      'holdings',
      file(
        csv([
          HOLDINGS_HEADER,
          ['C299999999', '活期存款', '', '100', '2026-11-19'],
          ['C200000001', '', 'NO_SUCH', '100', '2026-11-19'],
          ['C200000001', '基金', 'DEBIT_CARD', '-5', '2030-01-01'],
          ['C200000001', '活期存款', '', '100', ''],
        ]),
      ),
    );
    expect(r.status).toBe('rejected');
    expect(dataHash(store)).toBe(before);
    expect(r.issues.map((i) => `${i.line}:${i.field}:${i.code}`)).toEqual([
      '2:customer_no:customer_unknown',
      '3:product_code:product_unknown',
      '4:product_type:product_type_mismatch',
      '4:balance:amount_negative',
      '4:as_of:date_future',
      '5:as_of:required',
    ]);
  });

  it('takes the balance date of the whole file when the file has no date column', async () => {
    const r = await run(
      'holdings',
      file(
        csv([
          ['客户号', '产品类型', '余额'],
          ['C200000003', '活期存款', '20000'],
        ]),
      ),
      {
        asOf: Date.UTC(2026, 10, 18, 16),
      },
    );
    expect(r.status).toBe('applied');
    expect(customer('C200000003').tier).toBe('effective');
  });
});

describe('products and risk assessments', () => {
  it('upserts products by code', async () => {
    const r = await run(
      'products',
      file(
        csv([
          ['产品代码', '产品名称', '英文名称', '产品类型', '风险等级', '是否在售'],
          ['WM_NEW_1Y', '新稳盈一年期', 'New 1-year', '理财', 'R2', '是'],
          ['DEBIT_CARD', '一卡通借记卡（新版）', 'Debit card', '活期存款', '', '是'],
          ['FUND_X', '某基金', '', '基金', '', ''],
        ]),
      ),
    );
    expect(r.issues).toEqual([expect.objectContaining({ line: 4, code: 'risk_required' })]);
    const ok = await run(
      'products',
      file(
        csv([
          ['产品代码', '产品名称', '英文名称', '产品类型', '风险等级', '是否在售'],
          ['WM_NEW_1Y', '新稳盈一年期', 'New 1-year', '理财', 'R2', '是'],
          ['DEBIT_CARD', '一卡通借记卡（新版）', 'Debit card', '活期存款', '', '是'],
        ]),
      ),
    );
    expect(ok.summary).toMatchObject({ inserted: 1, updated: 1 });
    const p = store.sqlite.prepare(`SELECT * FROM products WHERE code = 'WM_NEW_1Y'`).get();
    expect(p).toMatchObject({ type: 'wealth', risk_level: 2, active: 1 });
  });

  it('applies the latest assessment per customer, never an older one than the branch has', async () => {
    await run('customers', file(CUSTOMERS_EN));
    const r = await run(
      'risk',
      file(
        csv([
          ['客户号', '风险承受能力', '评估日期'],
          ['C200000001', 'C3', '2025-06-01'],
          ['C200000001', '进取型', '2026-06-01'],
          ['C200000002', '2', '2026-01-10'],
        ]),
      ),
    );
    expect(r.summary).toMatchObject({ updated: 2 });
    expect(customer('C200000001')).toMatchObject({
      risk_level: 5,
      risk_assessed_at: Date.UTC(2026, 4, 31, 16),
    });
    const older = await run(
      'risk',
      file(
        csv([
          ['客户号', '风险等级', '评估日期'],
          ['C200000001', 'C1', '2024-01-01'],
        ]),
      ),
    );
    expect(older.summary).toMatchObject({ stale: 1, updated: 0 });
    expect(customer('C200000001').risk_level).toBe(5);
  });
});
