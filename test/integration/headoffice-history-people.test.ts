import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HoHistoryReport } from '@shared/api/headoffice-history';
import { branchDay } from '@shared/queue';
import { backfillPeople } from '../../electron/db/headoffice/history-people';
import { newId } from '../../electron/db/ids';
import { testKeys } from '../../electron/db/pii';
import { HeadOfficeSync } from '../../electron/sync/headoffice/sync';
import { enrol, startHub, startTestHeadOffice, type Hub } from './headoffice-harness';
import { balances, writeSnapshots } from './ho-snapshots';
import { testPgUrl } from './pg';

/**
 * The head office's tier migration matrix and staff names come from what the branches journal (branch migration
 * 0027, head-office migration 0006): per branch the matrix is the branch's own, and a rename reaches the head office.
 */
const PG = testPgUrl();
type Ho = Awaited<ReturnType<typeof startTestHeadOffice>>;
const DAY = 86_400_000;
/** Three month-end snapshot dates, fixed: nothing depends on when the test runs. */
const SNAPS = [Date.UTC(2026, 7, 31, 16), Date.UTC(2026, 8, 30, 16), Date.UTC(2026, 9, 31, 16)] as const;
const json = async <T>(res: Response): Promise<T> => {
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

describe.skipIf(!PG)('head-office tier migration and staff names', () => {
  let ho: Ho;
  const hubs: { hub: Hub; sync: HeadOfficeSync; code: string }[] = [];
  let admin = '';
  const from = branchDay(SNAPS[1] + DAY);
  const to = branchDay(SNAPS[2] + DAY);

  const history = (query: Record<string, string>) =>
    fetch(`${ho.url}/api/ho/history?${new URLSearchParams(query).toString()}`, {
      headers: { authorization: `Bearer ${admin}` },
    });

  beforeAll(async () => {
    ho = await startTestHeadOffice(PG as string);
    for (const [code, seed] of [
      ['DEMO01', 7],
      ['BR202', 31],
    ] as const) {
      const hub = await startHub({ customers: 80, keys: testKeys(), branchCode: code });
      // The second branch's snapshots as large imports write them: one journal row a date (migration 0031).
      writeSnapshots(hub, SNAPS, balances(seed, 80, SNAPS.length), { bulk: code === 'BR202' });
      expect(hub.sql(`SELECT count(*) AS n FROM ho_journal WHERE source = 'aum_snapshots_bulk'`)).toEqual([
        { n: code === 'BR202' ? SNAPS.length : 0 },
      ]);
      const { key } = await enrol(ho, code);
      const sync = new HeadOfficeSync(hub.ctx.headOfficeSyncDeps(), { url: ho.url, key, batchSize: 97 });
      hubs.push({ hub, code, sync });
      await sync.push();
    }
    admin = (await ho.ho.keys.issue({ scope: 'admin' }, null, Date.now())).token;
  }, 120_000);
  afterAll(async () => {
    for (const h of hubs) await h.hub.stop();
    await ho?.stop();
  });

  it("per branch, the head office's matrix is the branch's own, for any two snapshots and the default pair", async () => {
    for (const { hub, code } of hubs) {
      for (const [a, b] of [
        [SNAPS[0], SNAPS[2]],
        [SNAPS[1], SNAPS[0]],
        [undefined, undefined],
      ] as const) {
        const q = { from, to, ...(a ? { snapA: a, snapB: b } : {}) };
        const own = hub.ctx.reports.history(q).migration;
        expect(own).not.toBeNull();
        expect((own?.up ?? 0) + (own?.down ?? 0)).toBeGreaterThan(10);
        const got = await json<HoHistoryReport>(
          await history({ from, to, branch: code, ...(a ? { snapA: String(a), snapB: String(b) } : {}) }),
        );
        expect(got.report.migration).toEqual(own);
        expect(got.report.snapshots).toEqual([...SNAPS]);
        expect(got.report.migration?.names.map((n) => n.zh)).toContain('中端客户');
      }
      // The branch's own SQL, for the record: the matrix counts exactly its rows.
      const own = hub.ctx.reports.history({ from, to, snapA: SNAPS[0], snapB: SNAPS[1] }).migration;
      expect((own?.up ?? 0) + (own?.down ?? 0) + (own?.same ?? 0)).toBe(80);
    }
  });

  it('a re-imported snapshot replaces its row at the head office; re-sent and rebuilt change nothing', async () => {
    const { hub, sync, code } = hubs[0] as (typeof hubs)[number];
    // The October import is corrected: everyone's balance at the last date moves two bands down or up.
    const aum = balances(7, 80, SNAPS.length).map((row) =>
      row.map((fen, j) => (j === 2 ? (fen * 37) % 9_000_000_00 : fen)),
    );
    writeSnapshots(hub, SNAPS, aum);
    await sync.push();
    const q = { from, to, branch: code, snapA: String(SNAPS[1]), snapB: String(SNAPS[2]) };
    const own = hub.ctx.reports.history({ from, to, snapA: SNAPS[1], snapB: SNAPS[2] }).migration;
    const got = await json<HoHistoryReport>(await history(q));
    expect(got.report.migration).toEqual(own);
    // Lost acknowledgements: the hub sends the original snapshots again; then a rebuild from the journal.
    hub.store.sqlite
      .prepare(
        `INSERT INTO ho_journal (source, row_id, op, at, device_id, hlc, payload)
         SELECT 'aum_snapshots', customer_id || ':' || as_of, 'insert', as_of, NULL, NULL,
           json_object('op', 'insert', 'customerId', customer_id, 'asOf', as_of, 'tier', 'private', 'aumFen', 1)
         FROM aum_snapshots WHERE as_of = ${SNAPS[2]}`,
      )
      .run();
    expect((await sync.push()).duplicates).toBe(80);
    expect((await json<HoHistoryReport>(await history(q))).report.migration).toEqual(own);
    await ho.ho.db.k.deleteFrom('ho_balance_snapshots' as never).execute();
    await backfillPeople(ho.ho.db.k);
    expect((await json<HoHistoryReport>(await history(q))).report.migration).toEqual(own);
  });

  it('all branches: a customer both branches know is counted once', async () => {
    const all = await json<HoHistoryReport>(
      await history({ from, to, snapA: String(SNAPS[0]), snapB: String(SNAPS[1]) }),
    );
    const m = all.report.migration;
    // Customers both demo branches hold (same customer number) count once, with one branch's pair of tiers.
    const numbers = new Set(
      hubs.flatMap((h) => h.hub.sql<{ n: string }>('SELECT customer_no AS n FROM customers')),
    );
    const distinct = new Set([...numbers].map((r) => r.n)).size;
    expect(distinct).toBeLessThan(160);
    expect((m?.up ?? 0) + (m?.down ?? 0) + (m?.same ?? 0)).toBe(distinct);
    const csv = await fetch(`${ho.url}/api/ho/history/export/migration?from=${from}&to=${to}&format=csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(csv.status).toBe(200);
    const text = Buffer.from(await csv.arrayBuffer()).toString('utf8');
    expect(text).toContain('中端客户 / Mid-tier');
    expect(text).not.toMatch(/C\d{9}/);
  });

  it("conversion by tier without a head-office master: the tier of the customer's latest snapshot there", async () => {
    const { hub, sync, code } = hubs[0] as (typeof hubs)[number];
    const staffId = hub.sql<{ id: string }>(`SELECT id FROM staff WHERE username = 'rm1'`)[0]?.id as string;
    const latest = hub.sql<{ id: string; tier: string }>(
      `SELECT c.id, s.tier FROM customers c JOIN aum_snapshots s ON s.customer_id = c.id
       WHERE s.as_of = (SELECT max(as_of) FROM aum_snapshots WHERE customer_id = c.id)
       ORDER BY c.customer_no LIMIT 12`,
    );
    expect(latest).toHaveLength(12);
    const put = hub.store.sqlite.prepare(
      `INSERT INTO suggestion_outcomes (id, ticket_id, customer_id, product_code, outcome, reason, note, staff_id, at)
       VALUES (?, NULL, ?, 'WM_STABLE', ?, NULL, NULL, ?, ?)`,
    );
    const at = SNAPS[2] + 3 * 3_600_000;
    latest.forEach((c, i) => put.run(newId(), c.id, i % 3 === 0 ? 'accepted' : 'declined', staffId, at));
    await sync.push();
    const r = await json<HoHistoryReport>(await history({ from, to, branch: code }));
    const expected = new Map<string, { shown: number; accepted: number }>();
    latest.forEach((c, i) => {
      const e = expected.get(c.tier) ?? { shown: 0, accepted: 0 };
      e.shown++;
      if (i % 3 === 0) e.accepted++;
      expected.set(c.tier, e);
    });
    // No "(none)" row: every outcome found its customer's tier; the counts are the snapshots' tiers'.
    expect(r.report.tiers.map((t) => t.key).sort()).toEqual([...expected.keys()].sort());
    for (const t of r.report.tiers)
      expect({ shown: t.shown, accepted: t.accepted }).toEqual(expected.get(t.key));
  });

  it('names staff "name (branch)" in the per-staff table and its export, and a rename arrives', async () => {
    const { hub, sync, code } = hubs[1] as (typeof hubs)[number];
    const lobby = await hub.login('lobby1');
    const teller = await hub.login('teller1');
    const manager = await hub.login('manager1');
    const counters = await json<{ counters: { id: string }[] }>(
      await fetch(`${hub.url}/api/counters`, { headers: { authorization: `Bearer ${lobby}` } }),
    );
    const counter = counters.counters[0]?.id as string;
    await json(await hub.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby));
    const { ticket } = await json<{ ticket: { id: string } }>(
      await hub.post(`/api/counters/${counter}/call-next`, {}, teller),
    );
    for (const type of ['start', 'finish'])
      await json(await hub.post(`/api/tickets/${ticket.id}/events`, { type, counterId: counter }, teller));
    await sync.push();
    const tellerRow = hub.sql<{ id: string; display_name: string }>(
      "SELECT id, display_name FROM staff WHERE username = 'teller1'",
    )[0];
    const day = branchDay(Date.now());
    const staffName = async () => {
      const r = await json<HoHistoryReport>(
        await history({ from: day, to: branchDay(Date.now() + DAY), branch: code }),
      );
      return r.report.staff.find((s) => s.staffId === `${code}:${tellerRow?.id}`)?.name;
    };
    expect(await staffName()).toBe(`${tellerRow?.display_name} (${code})`);

    const res = await fetch(`${hub.url}/api/staff/${tellerRow?.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${manager}` },
      body: JSON.stringify({ displayName: '柜员改名' }),
    });
    expect(res.status).toBe(200);
    await sync.push();
    expect(await staffName()).toBe(`柜员改名 (${code})`);
    const csv = await fetch(
      `${ho.url}/api/ho/history/export/staff?from=${day}&to=${branchDay(Date.now() + DAY)}&format=csv`,
      { headers: { authorization: `Bearer ${admin}` } },
    );
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toContain(`柜员改名 (${code})`);
    // Only id, name, role and whether active go up: never a username or a password hash.
    const journal = await ho.ho.db.k
      .selectFrom('journal')
      .select('payload')
      .where('kind', '=', 'staff')
      .execute();
    expect(journal.length).toBeGreaterThan(0);
    for (const { payload } of journal)
      expect(Object.keys(payload as object).sort()).toEqual([
        'active',
        'displayName',
        'id',
        'op',
        'role',
        'source',
      ]);
  });
});
