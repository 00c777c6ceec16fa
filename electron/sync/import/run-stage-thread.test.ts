/**
 * A large file's staging writes on their own thread (ImportStage.startWriter, import-stage-writer.ts): what it
 * stages, applies and reports must be what the same file gives staged in line, row for row and issue for issue.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StageWriter } from '../../db/repos/import-stage-writer';
import { ImportStage } from '../../db/repos/import-stage';
import { csv, testCard, testIdNumber } from '../../../test/support/import';
import { dir, file, run, store, useBranchStore } from '../../../test/support/import-run';

useBranchStore();
afterEach(() => vi.restoreAllMocks());

const CUSTOMERS = 2_500;
const no = (i: number) => `C3${String(i).padStart(8, '0')}`;

/** Distinct valid ID numbers (a test number's sequence has three digits). */
const idNo = (i: number) =>
  testIdNumber(
    `1980${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`,
    i % 1000,
  );

function customersFile(): string {
  const rows: (string | number)[][] = [['客户号', '客户姓名', '证件号码', '手机号', '银行卡号', '开户日期']];
  for (let i = 1; i <= CUSTOMERS; i++) {
    const cards = i % 3 === 0 ? `${testCard(10_000 + i)};${testCard(20_000 + i)}` : testCard(10_000 + i);
    rows.push([no(i), `客户${i}`, idNo(i), `139${String(i).padStart(8, '0')}`, cards, '2020-01-02']);
  }
  return file(csv(rows));
}

/** Two balances a customer; every tenth customer's second row comes at the end (a total added to twice). */
function holdingsFile(): string {
  const rows: (string | number)[][] = [['客户号', '产品类型', '余额（元）', '余额日期']];
  const late: (string | number)[][] = [];
  for (let i = 1; i <= CUSTOMERS; i++) {
    rows.push([no(i), '活期存款', String(i * 37), '2026-11-19']);
    (i % 10 === 0 ? late : rows).push([no(i), '理财', String(i * 1_000), '2026-11-19']);
  }
  return file(csv([...rows, ...late]));
}

interface Content {
  customers: unknown[];
  cards: unknown[];
  holdings: unknown[];
  snapshots: unknown[];
}

/** What the branch holds after the imports, without the random ids. */
function content(): Content {
  const q = (sql: string) => store.sqlite.prepare(sql).all();
  return {
    customers:
      q(`SELECT customer_no, name, id_hash, id_masked, phone_hash, phone_masked, created_at, aum_fen, tier
                  FROM customers WHERE customer_no LIKE 'C3%' ORDER BY customer_no`),
    cards:
      q(`SELECT c.customer_no, k.card_hash, k.card_masked FROM cards k JOIN customers c ON c.id = k.customer_id
              WHERE c.customer_no LIKE 'C3%' ORDER BY k.card_hash`),
    holdings: q(`SELECT c.customer_no, h.product_type, h.balance_fen, h.as_of FROM holdings h
                 JOIN customers c ON c.id = h.customer_id WHERE c.customer_no LIKE 'C3%'
                 ORDER BY c.customer_no, h.product_type`),
    snapshots: q(`SELECT c.customer_no, s.as_of, s.aum_fen, s.tier FROM aum_snapshots s
                  JOIN customers c ON c.id = s.customer_id WHERE c.customer_no LIKE 'C3%' ORDER BY c.customer_no`),
  };
}

describe('staging on a thread of its own', () => {
  it('applies a customer file and a balance file exactly as staged in line', async () => {
    const writer = vi.spyOn(ImportStage.prototype, 'startWriter');
    const customers = customersFile();
    const holdings = holdingsFile();
    const results = [];
    const seen = [];
    for (const stageThread of [true, false]) {
      // The same files into the same branch: the threaded run's rows are removed before the run in line.
      const c = await run('customers', customers, { stageThread, protectThreads: 1 });
      expect(c.issues.slice(0, 3)).toEqual([]);
      const h = await run('holdings', holdings, { stageThread });
      expect(h.issues.slice(0, 3)).toEqual([]);
      results.push([c.status, c.summary.inserted, h.status, h.summary.inserted, h.summary.tierMoves]);
      seen.push(content());
      if (stageThread) {
        expect(writer).toHaveBeenCalledTimes(2);
        const ours = `SELECT id FROM customers WHERE customer_no LIKE 'C3%'`;
        store.sqlite.exec(`DELETE FROM aum_snapshots WHERE customer_id IN (${ours});
          DELETE FROM holdings WHERE customer_id IN (${ours});
          DELETE FROM cards WHERE customer_id IN (SELECT id FROM customers WHERE customer_no LIKE 'C3%');
          DELETE FROM customers WHERE customer_no LIKE 'C3%'`);
      }
    }
    expect(writer).toHaveBeenCalledTimes(2);
    expect(results[0]).toEqual(['applied', CUSTOMERS, 'applied', 2 * CUSTOMERS, expect.any(Object)]);
    expect(results[0]).toEqual(results[1]);
    const [threaded, inLine] = seen as [Content, Content];
    expect(threaded.cards).toHaveLength(CUSTOMERS + Math.floor(CUSTOMERS / 3));
    expect(threaded.snapshots).toHaveLength(CUSTOMERS);
    expect(threaded).toEqual(inLine);
  });

  it('reports a file of bad rows issue for issue, past the report cap', async () => {
    // Every odd row bad while read, twice (no name, a short phone): over twice the report's cap, so the kept issues
    // are pruned on the thread. Every fourth row repeats the customer no. two rows up: found by the set checks, after
    // the thread has ended.
    const rows: string[][] = [['客户号', '客户姓名', '手机号']];
    for (let i = 1; i <= 42_000; i++) {
      rows.push([
        no(i % 4 === 0 ? i - 2 : i),
        i % 2 === 1 ? '' : `好${i}`,
        i % 2 === 1 ? '1380' : `139${String(i).padStart(8, '0')}`,
      ]);
    }
    const bad = file(csv(rows));
    const [threaded, inLine] = [
      await run('customers', bad, { stageThread: true }),
      await run('customers', bad, { stageThread: false }),
    ];
    expect(threaded.status).toBe('rejected');
    expect(threaded.summary.rejectedRows).toBe(21_000 + 10_500);
    expect(threaded.summary.issueCount).toBe(2 * 21_000 + 10_500);
    expect(threaded.summary).toEqual({
      ...inLine.summary,
      seconds: threaded.summary.seconds,
      phaseSeconds: threaded.summary.phaseSeconds,
    });
    expect(threaded.issues).toEqual(inLine.issues);
    expect(readFileSync(threaded.reportFile, 'utf8')).toBe(readFileSync(inLine.reportFile, 'utf8'));
  });

  it('reports an empty file (an issue written after the last batch)', async () => {
    const r = await run('customers', file(''), { stageThread: true });
    expect(r.status).toBe('rejected');
    expect(r.issues).toEqual([expect.objectContaining({ line: 0, code: 'empty_file' })]);
  });
});

describe('StageWriter', () => {
  it('fails the import when a write fails, and the thread ends', async () => {
    const stage = new ImportStage(join(dir, 'w.db'), 'risk');
    stage.close();
    const w = new StageWriter(join(dir, 'w.db'), { risk: 'INSERT INTO no_such_table VALUES (?)' });
    w.write('risk', [1]);
    w.commit();
    await expect(w.close()).rejects.toThrow(/import staging failed: no such table/);
    rmSync(join(dir, 'w.db'));
  });

  it('waits while too many writes are with the thread, then goes on', async () => {
    const stage = new ImportStage(join(dir, 'p.db'), 'risk');
    const w = new StageWriter(stage.file, { risk: 'INSERT INTO risk VALUES (?,?,?,?)' });
    for (let i = 0; i < 5_000; i++) w.write('risk', [i, 'c', 1, 0]);
    w.commit();
    await w.writable(0);
    expect(stage.db.prepare('SELECT count(*) FROM risk').pluck().get()).toBe(5_000);
    await w.close();
    stage.close();
  });
});
