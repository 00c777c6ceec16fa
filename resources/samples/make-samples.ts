/**
 * Writes the sample import files of this folder: `npx tsx resources/samples/make-samples.ts`.
 * Numbers are made up but valid (ID check characters, Luhn digits), in ranges the demo branch
 * never uses (customer numbers C9…, region 310104, phone prefix 195, card BIN 622609), so the
 * samples import cleanly into a demo branch.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { luhnCheckDigit, residentIdCheckChar } from '../../shared/customer/ids';

const dir = import.meta.dirname;

const id = (birth: string, seq: number): string => {
  const first17 = `310104${birth}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
const card = (n: number): string => {
  const payload = `622609${String(n).padStart(12, '0')}`;
  return payload + String(luhnCheckDigit(payload));
};
const csv = (rows: (string | number)[][]): string =>
  rows.map((r) => r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\r\n') +
  '\r\n';

const CUSTOMER_HEADER = ['客户号', '客户姓名', '客户类型', '证件号码', '统一社会信用代码', '手机号', '银行卡号', '客群', '关系类型', '营销授权', '开户日期', '最近到店日期', '关联客户号'];

writeFileSync(
  join(dir, 'customers.csv'),
  csv([
    CUSTOMER_HEADER,
    ['C900000001', '林国栋', '个人', id('19700315', 11), '', '19512340001', card(1), '企业高管', '主动式', '是', '2012-04-01', '2026-10-28', 'C900000004'],
    ['C900000002', '沈美玲', '个人', id('19850722', 22), '', '19512340002', `${card(2)};${card(3)}`, '女性客户', '负责式', '是', '2016-08-19', '2026-09-30', ''],
    ['C900000003', '顾福生', '个人', id('19510101', 33), '', '19512340003', card(4), '老年客户', '被动式', '否', '2003-01-06', '2026-10-12', ''],
    ['C900000004', '上海国栋实业有限公司', '对公', '', '91310104MA1FL0K37A', '19512340004', '', '', '伙伴式', '是', '2014-05-20', '2026-10-30', 'C900000001'],
    ['C900000005', '何小雨', '个人', id('20010909', 44), '', '19512340005', card(5), '', '被动式', '是', '2026-10-02', '2026-10-02', ''],
  ]),
);

// The same format as a GBK file, the way many core-banking exports and older Excel versions save CSV.
writeFileSync(
  join(dir, 'customers-gbk.csv'),
  iconv.encode(
    csv([
      ['客户号', '客户姓名', '证件号码', '手机号码', '客群', '营销授权', '开户日期'],
      ['C900000011', '欧阳振华', id('19660218', 55), '19512340011', '商贸结算户', '同意', '2009年3月5日'],
      ['C900000012', '钱淑芬', id('19580611', 66), '19512340012', '老年客户;女性客户', '同意', '2001/07/01'],
      ['C900000013', '赵大勇', id('19790404', 77), '19512340013', '农村种养殖户', '不同意', '20180316'],
    ]),
    'gbk',
  ),
);

writeFileSync(
  join(dir, 'customers-with-errors.csv'),
  csv([
    ['客户号', '客户姓名', '证件号码', '手机号', '银行卡号', '开户日期'],
    ['C900000021', '正确的行', id('19900101', 1), '19512340021', card(21), '2020-01-01'],
    ['C900000022', '校验位错', id('19900101', 2).slice(0, 17) + (id('19900101', 2).endsWith('0') ? '1' : '0'), '19512340022', '', '2020-01-01'],
    ['C900000023', '手机号错', id('19900101', 3), '1951234', card(23).slice(0, -1) + ((Number(card(23).slice(-1)) + 1) % 10), '2020-02-30'],
    ['C900000021', '客户号重复', id('19900101', 4), '19512340024', '', ''],
  ]),
);

writeFileSync(
  join(dir, 'holdings.csv'),
  csv([
    ['customer_no', 'product_type', 'product_code', 'balance', 'as_of'],
    ['C900000001', 'demand_deposit', 'DEBIT_CARD', '1,286,000.00', '2026-10-31'],
    ['C900000001', 'wealth', 'WM_PRIVATE', '5000000', '2026-10-31'],
    ['C900000001', 'time_deposit', 'TD_LARGE_CD', '3000000', '2026-10-31'],
    ['C900000002', 'demand_deposit', 'DEBIT_CARD', '28650.37', '2026-10-31'],
    ['C900000002', 'wealth_7day', 'WM_CASH', '20000', '2026-10-31'],
    ['C900000003', 'time_deposit', 'TD_STANDARD', '8.6万', '2026-10-31'],
    ['C900000003', 'demand_deposit', '', '3200', '2026-10-31'],
    ['C900000005', 'demand_deposit', 'DEBIT_CARD', '3000', '2026-10-31'],
    ['C900000005', 'credit_card', '', '1500', '2026-10-31'],
  ]),
);

writeFileSync(
  join(dir, 'products.csv'),
  csv([
    ['产品代码', '产品名称', '英文名称', '产品类型', '风险等级', '是否在售'],
    ['WM_STEADY_2Y', '稳盈两年期固收理财', 'Wenying 2-year fixed income', '理财', 'R2', '是'],
    ['TD_3Y_SPECIAL', '三年期特色定期', '3-year special time deposit', '定期存款', '', '是'],
    ['FUND_DIVIDEND', '红利精选混合基金', 'Dividend select hybrid fund', '基金', 'R4', '否'],
  ]),
);

writeFileSync(
  join(dir, 'risk.csv'),
  csv([
    ['客户号', '风险承受能力', '评估日期'],
    ['C900000001', 'C4', '2026-03-12'],
    ['C900000002', '稳健型', '2025-12-01'],
    ['C900000003', '保守型', '2026-06-20'],
  ]),
);

// XLSX: a title row above the header, money as numbers and dates as date cells.
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('余额');
ws.addRow(['示范支行 客户持有产品余额（2026-10-31）']);
ws.addRow(['客户号', '产品类型', '产品代码', '余额（元）', '余额日期']);
const asOf = new Date(Date.UTC(2026, 9, 31));
for (const r of [
  ['C900000011', '活期存款', 'DEBIT_CARD', 86000.5, asOf],
  ['C900000011', '定期存款', 'TD_STANDARD', 300000, asOf],
  ['C900000012', '定期存款', 'TD_SILVER', 150000, asOf],
  ['C900000012', '保险', '', 50000, asOf],
  ['C900000013', '活期存款', 'DEBIT_CARD', 12600, asOf],
]) {
  ws.addRow(r);
}
ws.getColumn(5).numFmt = 'yyyy-mm-dd';
ws.getColumn(4).numFmt = '#,##0.00';
await wb.xlsx.writeFile(join(dir, 'holdings.xlsx'));
process.stdout.write(`samples written to ${dir}\n`);
