import { describe, expect, it } from 'vitest';
import { csv, dataHash, testCard, testIdNumber } from '../../../test/support/import';
import {
  CARD1,
  CUSTOMERS_EN,
  customer,
  file,
  ID2,
  run,
  useBranchStore,
  store,
} from '../../../test/support/import-run';
import type { RunImportOptions } from './options';

useBranchStore();

/** Enough rows for the server's jobs to check on a worker thread (CHECK_THREAD_MIN_ROWS in run.ts). */
const ROWS = 20_500;

/**
 * Turns of the event loop during the set checks: from the report that the checking phase began to the next report
 * (the checks' issue count). On a worker the loop is free meanwhile (the server answers); on the branch connection
 * the checks run in one go.
 */
function turnsDuringChecks(): { onProgress: RunImportOptions['onProgress']; turns: () => number } {
  let checking = false;
  let turns = 0;
  const spin = () => {
    if (!checking) return;
    turns++;
    setImmediate(spin);
  };
  return {
    onProgress: (p) => {
      if (checking) checking = false;
      else if (p.phase === 'checking' && turns === 0) {
        checking = true;
        setImmediate(spin);
      }
    },
    turns: () => turns,
  };
}

function customersWithClashes(): string {
  const rows: string[][] = [['客户号', '客户姓名', '证件号码', '手机号', '银行卡号']];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      `C3${String(i).padStart(8, '0')}`,
      `客户${i}`,
      testIdNumber('19800101', i % 1000, String(330000 + Math.floor(i / 1000))),
      `139${String(i).padStart(8, '0')}`,
      testCard(100_000 + i),
    ]);
  }
  // Every kind of clash the set checks find: a number twice in the file, and numbers another customer holds.
  rows.push(['C300000007', '重复客户号', testIdNumber('19910101', 1), '13900000001', '']);
  rows.push(['C399000001', '重复证件', rows[3]?.[2] ?? '', '13900000002', '']);
  rows.push(['C399000002', '冒用证件', ID2, '13900000003', '']);
  rows.push(['C399000003', '冒用卡', testIdNumber('19910101', 2), '13900000004', CARD1]);
  rows.push(['C399000004', '重复卡', testIdNumber('19910101', 3), '13900000005', testCard(100_005)]);
  return csv(rows);
}

describe('the set checks of a large file at the server', () => {
  it('run on a worker while the event loop turns, and find what the branch connection finds', async () => {
    await run('customers', file(CUSTOMERS_EN));
    const before = dataHash(store);
    const content = customersWithClashes();
    const onWorker = turnsDuringChecks();
    const a = await run('customers', file(content), { checkThread: true, onProgress: onWorker.onProgress });
    const inLine = turnsDuringChecks();
    const b = await run('customers', file(content), { onProgress: inLine.onProgress });
    expect(a.status).toBe('rejected');
    const codes = new Set(a.issues.map((i) => i.code));
    for (const code of ['duplicate_in_file', 'id_taken', 'card_taken']) expect(codes).toContain(code);
    expect(a.issues).toEqual(b.issues);
    expect(a.summary.issueCount).toBe(b.summary.issueCount);
    expect(dataHash(store)).toBe(before);
    expect(onWorker.turns()).toBeGreaterThan(0);
    expect(inLine.turns()).toBe(0);
  });

  it('summarise a balance file on the worker (stage.agg) that the apply then writes, as in line', async () => {
    const customers: string[][] = [['客户号', '客户姓名', '手机号']];
    const holdings: string[][] = [['客户号', '产品类型', '余额（元）', '余额日期']];
    for (let i = 0; i < ROWS; i++) {
      const no = `C4${String(i).padStart(8, '0')}`;
      customers.push([no, `客户${i}`, `137${String(i).padStart(8, '0')}`]);
      holdings.push([no, '定期存款', String((i % 97) * 10_000 + 1), '2026-11-19']);
    }
    await run('customers', file(csv(customers)));
    const onWorker = turnsDuringChecks();
    const r = await run('holdings', file(csv(holdings)), {
      checkThread: true,
      onProgress: onWorker.onProgress,
    });
    expect(r.status).toBe('applied');
    expect(onWorker.turns()).toBeGreaterThan(0);
    // Tiers come from the worker's summary: 90,001 yuan is a mid-tier balance (from 50,000 yuan), 1 yuan potential.
    expect(customer('C400000009')).toMatchObject({ aum_fen: 9_000_100, tier: 'mid' });
    expect(customer('C400000097')).toMatchObject({ aum_fen: 100, tier: 'potential' });
    expect(r.summary.tierMoves['potential>mid']).toBeGreaterThan(0);

    // The same balances a day later with one customer's rows on two dates: refused whole, from the worker's checks.
    const mixed = holdings.map((h, i) => (i === 0 ? h : [h[0] ?? '', h[1] ?? '', h[2] ?? '', '2026-11-20']));
    mixed.push(['C400000001', '活期存款', '5', '2026-11-18']);
    const m = await run('holdings', file(csv(mixed)), { checkThread: true });
    expect(m.status).toBe('rejected');
    expect(m.issues.map((i) => i.code)).toContain('as_of_mixed');
  });
});
