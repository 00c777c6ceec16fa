import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryReport } from '@shared/api/dashboard';
import type { HoHistoryReport } from '@shared/api/headoffice-history';
import { defaultRulesConfig } from '@shared/config/schema';
import { branchDay } from '@shared/queue';
import { seedHistory } from '../../electron/db/demo/history';
import { backfillHistoryFacts } from '../../electron/db/headoffice/history-facts';
import { testKeys } from '../../electron/db/pii';
import { HeadOfficeSync } from '../../electron/sync/headoffice/sync';
import { enrol, startHub, startTestHeadOffice, type Hub } from './headoffice-harness';
import { testPgUrl } from './pg';

const PG = testPgUrl();
type Ho = Awaited<ReturnType<typeof startTestHeadOffice>>;
const DAY = 86_400_000;

/** Two weeks of fixed past days: the figures do not depend on when the test runs. */
const DAYS = Array.from({ length: 14 }, (_, i) =>
  new Date(Date.UTC(2026, 9, 5) + i * DAY).toISOString().slice(0, 10),
);
const FROM = DAYS[0] as string;

const json = async <T>(res: Response): Promise<T> => {
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** A few tickets today through the hub's API, pushed in between, so a ticket's events reach the head office in several pushes. */
async function liveTickets(h: Hub, push: () => Promise<unknown>): Promise<void> {
  const lobby = await h.login('lobby1');
  const teller = await h.login('teller1');
  const counters = await json<{ counters: { id: string }[] }>(
    await fetch(`${h.url}/api/counters`, { headers: { authorization: `Bearer ${lobby}` } }),
  );
  const counter = counters.counters[0]?.id as string;
  for (let i = 0; i < 5; i++)
    await json(await h.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby));
  await push();
  for (let i = 0; i < 3; i++) {
    const res = await h.post(`/api/counters/${counter}/call-next`, {}, teller);
    if (res.status !== 200) break;
    const { ticket } = (await res.json()) as { ticket: { id: string } };
    await push();
    await json(
      await h.post(`/api/tickets/${ticket.id}/events`, { type: 'start', counterId: counter }, teller),
    );
    await json(
      await h.post(`/api/tickets/${ticket.id}/events`, { type: 'finish', counterId: counter }, teller),
    );
  }
  await push();
}

/** What the branch's own report and the head office's must agree on (staff keyed by the branch's staff id). */
function comparable(r: HistoryReport, qualify = (id: string) => id) {
  return {
    total: r.total,
    heat: r.heat,
    days: r.days,
    staff: Object.fromEntries(
      r.staff.map((s) => [qualify(s.staffId), { figures: s.figures, shown: s.shown, accepted: s.accepted }]),
    ),
    products: r.products,
    complaints: r.complaints,
    overdue: r.overdue.map((o) => o.id).sort(),
    resolvedLate: r.resolvedLate,
  };
}

describe.skipIf(!PG)('head-office history across branches', () => {
  let ho: Ho;
  const hubs: { hub: Hub; sync: HeadOfficeSync; code: string }[] = [];
  let admin = '';
  let to = '';

  const history = (query: Record<string, string>, key = admin) =>
    fetch(`${ho.url}/api/ho/history?${new URLSearchParams(query).toString()}`, {
      headers: { authorization: `Bearer ${key}` },
    });

  beforeAll(async () => {
    ho = await startTestHeadOffice(PG as string);
    for (const [code, seed] of [
      ['DEMO01', 11],
      ['BR202', 29],
    ] as const) {
      const hub = await startHub({ customers: 120, keys: testKeys(), branchCode: code });
      seedHistory(hub.store, defaultRulesConfig, { days: DAYS, perDay: 50, seed, outcomes: true });
      const { key } = await enrol(ho, code);
      // Small batches: a ticket's events are split over several pushes.
      hubs.push({
        hub,
        code,
        sync: new HeadOfficeSync(hub.ctx.headOfficeSyncDeps(), { url: ho.url, key, batchSize: 333 }),
      });
    }
    for (const h of hubs) {
      await h.sync.push();
      await liveTickets(h.hub, () => h.sync.push());
    }
    admin = (await ho.ho.keys.issue({ scope: 'admin' }, null, Date.now())).token;
    // Tomorrow: today's live tickets are in range even if the test runs across the branch's midnight.
    to = branchDay(Date.now() + DAY);
  }, 120_000);
  afterAll(async () => {
    for (const h of hubs) await h.hub.stop();
    await ho?.stop();
  });

  it('per branch, the head office computes exactly what the branch computes for the same data', async () => {
    for (const { hub, code } of hubs) {
      const own = hub.ctx.reports.history({ from: FROM, to });
      expect(own.total.arrived).toBeGreaterThan(14 * 40);
      expect(own.products.length).toBeGreaterThan(0);
      expect(own.complaints.length).toBeGreaterThan(0);
      const got = await json<HoHistoryReport>(await history({ from: FROM, to, branch: code }));
      expect(got.branch).toBe(code);
      expect(comparable(got.report)).toEqual(comparable(own, (id) => `${code}:${id}`));
      // Campaigns: each outcome goes up with its campaign (migration 0026), so conversion by campaign matches too.
      const byCampaign = (r: HistoryReport) =>
        Object.fromEntries(r.campaigns.map((c) => [c.key, [c.shown, c.accepted, c.declined]]));
      expect(byCampaign(got.report)).toEqual(byCampaign(own));
      expect(own.campaigns.filter((c) => c.key).length).toBeGreaterThan(0);
      expect(got.report.migration).toBeNull();
      expect(got.branches).toHaveLength(1);
      expect(got.branches[0]?.figures).toEqual(own.total);
    }
  });

  it('all branches: the sum of the branches, and one comparison line each', async () => {
    const own = hubs.map((h) => h.hub.ctx.reports.history({ from: FROM, to }));
    const all = await json<HoHistoryReport>(await history({ from: FROM, to }));
    expect(all.branch).toBeNull();
    expect(all.known.map((b) => b.code)).toEqual(['BR202', 'DEMO01']);
    expect(all.report.total.arrived).toBe(own.reduce((s, r) => s + r.total.arrived, 0));
    expect(all.report.total.served).toBe(own.reduce((s, r) => s + r.total.served, 0));
    expect(all.report.heat).toEqual(
      own[0]?.heat.map((row, i) => row.map((n, j) => n + (own[1]?.heat[i]?.[j] ?? 0))),
    );
    const byCode = Object.fromEntries(all.branches.map((b) => [b.code, b]));
    hubs.forEach((h, i) => {
      const r = own[i] as HistoryReport;
      expect(byCode[h.code]?.figures).toEqual(r.total);
      expect(byCode[h.code]?.shown).toBe(r.products.reduce((s, p) => s + p.shown, 0));
      expect(byCode[h.code]?.complaints).toBe(r.complaints.reduce((s, c) => s + c.n, 0));
      expect(byCode[h.code]?.overdue).toBe(r.overdue.length);
    });
    // SL% of the whole is the served-within-target of both over the served of both, not a mean of two ratios.
    const slMet = own.reduce((s, r) => s + ((r.total.slPct ?? 0) * r.total.served) / 100, 0);
    expect(all.report.total.slPct).toBeCloseTo((100 * slMet) / all.report.total.served, 6);
  });

  it('a re-sent push and a rebuild from the journal change nothing', async () => {
    const before = await json<HoHistoryReport>(await history({ from: FROM, to }));
    const { hub, sync } = hubs[0] as (typeof hubs)[number];
    // Lost acknowledgements: the hub sends its last rows again.
    hub.store.sqlite
      .prepare(
        `INSERT INTO ho_journal (source, row_id, op, at, device_id, hlc, payload)
         SELECT 'ticket_events', id, 'insert', at, device_id, hlc,
           json_object('op', 'insert', 'ticketId', ticket_id, 'seq', seq, 'type', type, 'payload', json(payload),
             'staffId', staff_id, 'counterId', counter_id, 'at', at, 'accepted', accepted)
         FROM ticket_events ORDER BY at DESC LIMIT 40`,
      )
      .run();
    const again = await sync.push();
    expect(again.duplicates).toBe(40);
    const k = ho.ho.db.k;
    await k.deleteFrom('ho_ticket_facts').execute();
    await k.deleteFrom('ho_outcome_facts').execute();
    await k.deleteFrom('ho_complaint_facts').execute();
    await backfillHistoryFacts(k);
    const after = await json<HoHistoryReport>(await history({ from: FROM, to }));
    expect({ ...after, tookMs: 0 }).toEqual({ ...before, tookMs: 0 });
  });

  it('needs the admin key, then checks the input (bilingual 4xx)', async () => {
    const branchKey = (await enrol(ho, 'DEMO01')).key;
    const wrong = await history({ from: FROM, to }, 'nope');
    expect(wrong.status).toBe(401);
    // The admin tool is told about its admin key, not about a branch key.
    expect(await wrong.json()).toMatchObject({
      error: { code: 'bad_admin_key', zh: expect.stringContaining('总行管理密钥') },
    });
    expect((await history({ from: 'garbage' }, 'nope')).status).toBe(401);
    expect((await history({ from: FROM, to }, branchKey)).status).toBe(403);
    const bad = await history({ from: '2026-13-99x' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { message?: string; messageEn?: string };
    expect(JSON.stringify(body)).toMatch(/YYYY-MM-DD/);
    expect((await history({ from: to, to: FROM })).status).toBe(400);
    const unknown = await history({ branch: 'NOPE9' });
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(await unknown.json())).toMatch(/NOPE9/);
  });

  it('exports a table as CSV (BOM, bilingual header) and XLSX', async () => {
    const csv = await fetch(`${ho.url}/api/ho/history/export/branches?from=${FROM}&to=${to}&format=csv`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(csv.status).toBe(200);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('网点代码 Branch');
    expect(text).toContain('DEMO01');
    expect(text).toContain('BR202');
    const xlsx = await fetch(`${ho.url}/api/ho/history/export/days?from=${FROM}&to=${to}&format=xlsx`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const noKey = await fetch(`${ho.url}/api/ho/history/export/days`);
    expect(noKey.status).toBe(401);
  });
});
