import { describe, expect, it } from 'vitest';
import { csv } from '../../../test/support/import';
import { CUSTOMERS_EN, customer, file, run, store, useBranchStore } from '../../../test/support/import-run';

useBranchStore();

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
