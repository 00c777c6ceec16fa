import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csv, dataHash, testCard, testIdNumber } from '../../../test/support/import';
import {
  CARD1,
  CUSTOMERS_EN,
  dir,
  file,
  ID1,
  ID2,
  run,
  store,
  useBranchStore,
} from '../../../test/support/import-run';

useBranchStore();

describe('customers', () => {
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
});
