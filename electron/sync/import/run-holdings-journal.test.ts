import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultRulesConfig } from '@shared/config/schema';
import type { SyncEnvelope } from '@shared/sync/envelope';
import { AuditRepo, SettingsRepo } from '../../db/repos/settings';
import { HeadOfficeSync } from '../headoffice/sync';
import { csv } from '../../../test/support/import';
import { CUSTOMERS_EN, file, NOW, pii, run, store, useBranchStore } from '../../../test/support/import-run';

/**
 * A large holdings import journals its balance snapshots for the head office as one row (migration 0031), and the
 * push sends each snapshot as the envelope its own journal row would have made. Here "large" is lowered to 1 row.
 */
useBranchStore();

const HEADER = ['客户号', '产品类型', '产品代码', '余额（元）', '余额日期'];
const BULK = { bulkJournalMin: 1 };

/** A head office that records what it is sent; `failAt` refuses that push (1-based) for good. */
function headOffice(failAt = 0) {
  const pushes: SyncEnvelope[][] = [];
  let calls = 0;
  const fetchFake: typeof fetch = async (_url, init) => {
    calls++;
    if (calls === failAt) {
      return Response.json({ error: { code: 'bad_request', en: 'no' } }, { status: 400 });
    }
    const body = JSON.parse(String(init?.body)) as { events: SyncEnvelope[] };
    pushes.push(body.events);
    return Response.json({ accepted: body.events.length, duplicates: 0, cursor: { hlc: null, events: 0 } });
  };
  const sync = (batchSize: number) =>
    new HeadOfficeSync(
      {
        store,
        now: () => NOW,
        log: pino({ level: 'silent' }),
        deviceId: 'hub-1',
        pii,
        rules: () => defaultRulesConfig,
        rulesChanged: () => undefined,
        settings: new SettingsRepo(store),
        audit: new AuditRepo(store),
      },
      { url: 'http://ho.invalid', key: 'hok.x', batchSize, client: { fetch: fetchFake, retries: 0 } },
    );
  return { pushes, sync };
}

const journal = () =>
  store.sqlite.prepare("SELECT source, op FROM ho_journal WHERE source LIKE 'aum%' ORDER BY seq").all() as {
    source: string;
    op: string;
  }[];

/** The branch's snapshots as the head office should get them. */
const snapshots = () =>
  store.sqlite
    .prepare(
      `SELECT s.customer_id AS customerId, c.customer_no AS customerNo, s.as_of AS asOf, s.tier, s.aum_fen AS aumFen
       FROM aum_snapshots s JOIN customers c ON c.id = s.customer_id ORDER BY 1, 3`,
    )
    .all();

const sent = (pushes: SyncEnvelope[][]) =>
  pushes
    .flat()
    .filter((e) => e.kind === 'balance_snapshot')
    .map((e) => ({
      customerId: e.payload.customerId,
      customerNo: e.payload.customerNo,
      asOf: e.payload.asOf,
      tier: e.payload.tier,
      aumFen: e.payload.aumFen,
    }))
    .sort((a, b) => (`${a.customerId}:${a.asOf}` < `${b.customerId}:${b.asOf}` ? -1 : 1));

const holdings = (rows: string[][]) => file(csv([HEADER, ...rows]));
const NOV = [
  ['C200000001', '理财', 'WM_PRIVATE', '5000000', '2026-11-19'],
  ['C200000002', '定期存款', '', '46800', '2026-11-19'],
  ['C200000003', '活期存款', '', '120', '2026-11-19'],
];

describe('balance snapshots journalled in bulk for the head office', () => {
  beforeEach(async () => {
    await run('customers', file(CUSTOMERS_EN));
    // What the customers import journalled is not under test: sent and acknowledged first.
    await headOffice().sync(500).push();
  });

  it('writes one journal row for the import and sends every snapshot, as a per-row journal would', async () => {
    const r = await run('holdings', holdings(NOV), BULK);
    expect(r.status).toBe('applied');
    expect(journal()).toEqual([{ source: 'aum_snapshots_bulk', op: 'bulk' }]);
    const ho = headOffice();
    const sync = ho.sync(2);
    // The banner counts the snapshots waiting, not the one row (and the import's audit row, after it).
    expect(sync.repo.journalFacts().pending).toBe(4);
    expect(sync.repo.pendingCount()).toBe(4);
    const report = await sync.push();
    expect(report).toMatchObject({ sent: 4, invalid: 0, pending: 0 });
    expect(ho.pushes.map((p) => p.map((e) => e.kind))).toEqual([
      ['balance_snapshot', 'balance_snapshot'],
      ['balance_snapshot'],
      ['audit'],
    ]);
    expect(sent(ho.pushes)).toEqual(snapshots());
    const envs = ho.pushes.flat().filter((e) => e.kind === 'balance_snapshot');
    expect(
      envs.every((e) => e.entityId === `${String(e.payload.customerId)}:${String(e.payload.asOf)}`),
    ).toBe(true);
    // Stable ids (a re-push is a duplicate at the head office) and distinct from any earlier snapshot's.
    expect(new Set(envs.map((e) => e.id)).size).toBe(3);
    expect(envs.every((e) => /:\d+$/.test(e.id) && e.id.startsWith(e.entityId))).toBe(true);
    expect(journal()).toEqual([]);
    expect(store.sqlite.prepare('SELECT count(*) FROM ho_journal_bulk').pluck().get()).toBe(0);
  });

  it('a push cut off inside the snapshots goes on where it stopped, and rows around the import keep their order', async () => {
    new AuditRepo(store).append({ at: NOW, staffId: null, action: 'before.import' });
    await run('holdings', holdings(NOV), BULK);
    new AuditRepo(store).append({ at: NOW, staffId: null, action: 'after.import' });
    const first = headOffice(3); // the audit rows before (1), the first window (2), then refused
    await expect(first.sync(1).push()).rejects.toMatchObject({ status: 400 });
    expect(first.pushes.length).toBe(2);
    const pendingAfterCut = headOffice().sync(1).repo.pendingCount();
    const second = headOffice();
    const report = await second.sync(1).push();
    // What was acknowledged is not sent again; the rest and the row after the import are.
    expect(sent([...first.pushes, ...second.pushes])).toEqual(snapshots());
    expect(report.sent).toBe(pendingAfterCut);
    const actions = [...first.pushes, ...second.pushes]
      .flat()
      .map((e) => (e.kind === 'audit' ? String(e.payload.action) : e.kind));
    expect(actions.indexOf('after.import')).toBe(actions.length - 1);
    expect(actions.filter((a) => a === 'before.import').length).toBe(1);
    expect(actions.indexOf('before.import')).toBeLessThan(actions.indexOf('balance_snapshot'));
    expect(journal()).toEqual([]);
  });

  it('sends only what a later import on the same date changed, and nothing for a file that changed nothing', async () => {
    await run('holdings', holdings(NOV), BULK);
    await headOffice().sync(500).push();
    const again = await run('holdings', holdings(NOV), BULK);
    expect(again.summary.unchanged).toBe(3);
    const quiet = headOffice();
    expect(await quiet.sync(500).push()).toMatchObject({ pending: 0 });
    expect(sent(quiet.pushes)).toEqual([]);
    const changed = NOV.map((r) => [...r]);
    (changed[1] as string[])[3] = '520000';
    await run('holdings', holdings(changed), BULK);
    const ho = headOffice();
    await ho.sync(500).push();
    expect(sent(ho.pushes)).toEqual(
      (snapshots() as { customerNo: string }[]).filter((s) => s.customerNo === 'C200000002'),
    );
    expect(sent(ho.pushes)[0]).toMatchObject({ aumFen: 52_000_000, tier: 'high' });
  });

  it('journals a small import per row, as before', async () => {
    await run('holdings', holdings(NOV));
    expect(journal()).toEqual([
      { source: 'aum_snapshots', op: 'insert' },
      { source: 'aum_snapshots', op: 'insert' },
      { source: 'aum_snapshots', op: 'insert' },
    ]);
    const ho = headOffice();
    await ho.sync(500).push();
    expect(sent(ho.pushes)).toEqual(snapshots());
  });
});
