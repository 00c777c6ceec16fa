import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, dataHash, testIdNumber } from '../../../test/support/import';
import {
  CARD1,
  CARD2,
  CUSTOMERS_EN,
  customer,
  dir,
  file,
  HEADER_EN,
  ID1,
  ID2,
  ID3,
  pii,
  run,
  store,
  useBranchStore,
} from '../../../test/support/import-run';

useBranchStore();

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
