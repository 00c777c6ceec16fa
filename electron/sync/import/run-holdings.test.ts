import { beforeEach, describe, expect, it } from 'vitest';
import { csv, dataHash } from '../../../test/support/import';
import { CUSTOMERS_EN, customer, file, run, store, useBranchStore } from '../../../test/support/import-run';

useBranchStore();

const HOLDINGS_HEADER = ['客户号', '产品类型', '产品代码', '余额（元）', '余额日期'];

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
