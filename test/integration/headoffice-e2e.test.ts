import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HoReport } from '@shared/api/headoffice';
import { SHOWCASE } from '../../electron/db/demo/generate';
import { testKeys } from '../../electron/db/pii';
import { HeadOfficeSync } from '../../electron/sync/headoffice/sync';
import { enrol, startHub, startTestHeadOffice, type Hub } from './headoffice-harness';
import { testPgUrl } from './pg';

const PG = testPgUrl();
type Ho = Awaited<ReturnType<typeof startTestHeadOffice>>;

const json = async <T>(res: Response): Promise<T> => {
  if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

/** A morning at a branch through its API: tickets issued and served, outcomes, a follow-up closed, a complaint. */
async function workDay(h: Hub, tickets: number): Promise<void> {
  const lobby = await h.login('lobby1');
  const teller = await h.login('teller1');
  const counters = await json<{ counters: { id: string; name: string; queues: string[] }[] }>(
    await fetch(`${h.url}/api/counters`, { headers: { authorization: `Bearer ${lobby}` } }),
  );
  const counter = counters.counters[0]?.id as string;
  for (let i = 0; i < tickets; i++) {
    await json(await h.post('/api/tickets', { customerId: null, intents: ['account_open'] }, lobby));
  }
  for (let i = 0; i < Math.floor(tickets / 2); i++) {
    const res = await h.post(`/api/counters/${counter}/call-next`, {}, teller);
    if (res.status !== 200) break;
    const { ticket } = (await res.json()) as { ticket: { id: string } };
    await json(
      await h.post(`/api/tickets/${ticket.id}/events`, { type: 'start', counterId: counter }, teller),
    );
    await json(
      await h.post(`/api/tickets/${ticket.id}/events`, { type: 'finish', counterId: counter }, teller),
    );
  }
  const lookup = await json<{ customers: { id: string }[] }>(
    await fetch(`${h.url}/api/customers/lookup?q=${SHOWCASE.private.customerNo}`, {
      headers: { authorization: `Bearer ${teller}` },
    }),
  );
  const customerId = lookup.customers[0]?.id as string;
  const out = await json<{ followUpId: string | null }>(
    await h.post('/api/outcomes', { customerId, productCode: 'TD_STANDARD', outcome: 'interested' }, teller),
  );
  await json(
    await h.post(
      '/api/outcomes',
      { customerId, productCode: 'DEBIT_CARD', outcome: 'declined', reason: 'no_time' },
      teller,
    ),
  );
  if (out.followUpId) {
    await json(
      await fetch(`${h.url}/api/follow-ups/${out.followUpId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${teller}` },
        body: JSON.stringify({ status: 'done', note: '已回访' }),
      }),
    );
  }
  await json(
    await h.post('/api/complaints', { customerId, category: 'wait_time', description: '排队太久' }, teller),
  );
  h.ctx.audit.flush();
}

/** What the hub's own tables say the head office must end up with. */
function expectedKinds(h: Hub): Record<string, number> {
  const n = (q: string) => h.sql<{ n: number }>(q)[0]?.n ?? 0;
  return {
    ticket_event: n('SELECT count(*) AS n FROM ticket_events'),
    suggestion_outcome: n('SELECT count(*) AS n FROM suggestion_outcomes'),
    follow_up: n('SELECT count(*) AS n FROM follow_ups'),
    follow_up_done: n(`SELECT count(*) AS n FROM follow_ups WHERE status <> 'open'`),
    complaint: n('SELECT count(*) AS n FROM complaints'),
    audit: n('SELECT count(*) AS n FROM audit_log'),
  };
}

describe.skipIf(!PG)('hub → head office, end to end', () => {
  let ho: Ho;
  let hub: Hub;
  let key = '';
  let branchId = '';

  const pgKinds = async (id: string) => {
    const r = await ho.ho.db.pool.query<{ kind: string; n: number }>(
      `SELECT kind, count(*) AS n FROM journal WHERE branch_id = $1 GROUP BY kind`,
      [id],
    );
    return Object.fromEntries(r.rows.map((x) => [x.kind, x.n])) as Record<string, number>;
  };
  const pgCount = async (id: string) =>
    (await ho.ho.db.pool.query<{ n: number }>(`SELECT count(*) AS n FROM journal WHERE branch_id = $1`, [id]))
      .rows[0]?.n ?? 0;

  beforeAll(async () => {
    ho = await startTestHeadOffice(PG as string);
    hub = await startHub({ customers: 30, keys: testKeys() });
    ({ key, branchId } = await enrol(ho, 'DEMO01'));
  });
  afterAll(async () => {
    await hub?.stop();
    await ho?.stop();
  });

  it('pushes every ticket event, outcome, follow-up, complaint and audit row exactly once', async () => {
    await workDay(hub, 12);
    const expected = expectedKinds(hub);
    expect(expected.ticket_event).toBeGreaterThan(12);
    expect(expected.follow_up_done).toBe(1);
    const journalled = hub.sql<{ n: number }>('SELECT count(*) AS n FROM ho_journal')[0]?.n ?? 0;

    const sync = new HeadOfficeSync(hub.ctx.headOfficeSyncDeps(), { url: ho.url, key, batchSize: 7 });
    const r = await sync.push();
    expect(r.invalid).toBe(0);
    expect(r.sent).toBe(journalled);
    expect(r.accepted).toBe(journalled);
    expect(r.duplicates).toBe(0);
    expect(r.batches).toBe(Math.ceil(journalled / 7));
    expect(r.pending).toBe(0);

    const got = await pgKinds(branchId);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((s, x) => s + x, 0);
    expect(got.ticket_event).toBe(expected.ticket_event);
    expect(got.suggestion_outcome).toBe(expected.suggestion_outcome);
    expect((got.follow_up ?? 0) + (got.follow_up_done ?? 0)).toBe(
      expected.follow_up + expected.follow_up_done,
    );
    expect(got.follow_up_done).toBe(expected.follow_up_done);
    expect(got.complaint).toBe(expected.complaint);
    expect(got.audit).toBe(expected.audit);
    expect(sum(got)).toBe(journalled);

    // Nothing new: a second round sends nothing.
    expect((await sync.push()).sent).toBe(0);
  });

  it('re-sends a batch whose acknowledgement was lost without storing anything twice', async () => {
    await workDay(hub, 3);
    const rows = hub.sql<Record<string, unknown>>('SELECT * FROM ho_journal ORDER BY seq');
    const sync = new HeadOfficeSync(hub.ctx.headOfficeSyncDeps(), { url: ho.url, key, batchSize: 50 });
    const first = await sync.push();
    expect(first.accepted).toBe(rows.length);
    const stored = await pgCount(branchId);
    // The hub crashed before the ack was written: the same rows are in its journal again.
    const ins = hub.store.sqlite.prepare(
      'INSERT INTO ho_journal (seq, source, row_id, op, at, device_id, hlc, payload) VALUES (@seq, @source, @row_id, @op, @at, @device_id, @hlc, @payload)',
    );
    for (const row of rows) ins.run(row);
    const again = await sync.push();
    expect(again).toMatchObject({ sent: rows.length, accepted: 0, duplicates: rows.length });
    expect(await pgCount(branchId)).toBe(stored);
  });

  it('converges over a link that drops requests and loses replies', async () => {
    await workDay(hub, 5);
    const pending = hub.sql<{ n: number }>('SELECT count(*) AS n FROM ho_journal')[0]?.n ?? 0;
    const before = await pgCount(branchId);
    let calls = 0;
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const flaky: typeof fetch = async (input, init) => {
      calls++;
      const roll = rnd();
      if (roll < 0.3) throw new TypeError('connection reset');
      if (roll < 0.45) return new Response('{}', { status: 503 });
      const res = await fetch(input, init);
      // The head office did the work, the reply never arrives.
      if (roll < 0.6) throw new TypeError('socket hang up');
      return res;
    };
    const sync = new HeadOfficeSync(hub.ctx.headOfficeSyncDeps(), {
      url: ho.url,
      key,
      batchSize: 4,
      client: { fetch: flaky, retries: 40, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const r = await sync.push();
    expect(r.pending).toBe(0);
    expect(calls).toBeGreaterThan(r.batches);
    expect(await pgCount(branchId)).toBe(before + pending);
    // A retried batch whose first reply was lost comes back as duplicates, never as a second copy.
    expect(r.sent).toBe(pending);
    expect(r.accepted + r.duplicates).toBe(pending);
    expect(r.duplicates).toBeGreaterThan(0);
  });

  it('a second hub started with --headoffice pushes on its own; the report adds both branches up', async () => {
    const second = await enrol(ho, 'BR777');
    const other = await startHub({
      customers: 10,
      keys: testKeys(),
      branchCode: 'BR777',
      headoffice: { url: ho.url, key: second.key },
    });
    try {
      expect(other.headOffice).toBeDefined();
      await workDay(other, 4);
      const issued = (h: Hub) =>
        h.sql<{ n: number }>(`SELECT count(*) AS n FROM ticket_events WHERE type = 'issue'`)[0]?.n ?? 0;
      // The first round ran at start; the work above goes up with the next one.
      await other.headOffice?.stop();
      await other.headOffice?.runOnce();
      expect(other.sql<{ n: number }>('SELECT count(*) AS n FROM ho_journal')[0]?.n).toBe(0);
      const kinds = await pgKinds(second.branchId);
      expect(kinds.ticket_event).toBe(expectedKinds(other).ticket_event);

      const admin = (await ho.ho.keys.issue({ scope: 'admin' }, null, Date.now())).token;
      const report = (await (
        await fetch(`${ho.url}/api/ho/report`, { headers: { authorization: `Bearer ${admin}` } })
      ).json()) as HoReport;
      const byCode = Object.fromEntries(report.branches.map((b) => [b.code, b]));
      expect(byCode.DEMO01?.ticketsIssued).toBe(issued(hub));
      expect(byCode.BR777?.ticketsIssued).toBe(issued(other));
      expect(report.totals.ticketsIssued).toBe(issued(hub) + issued(other));
      expect(byCode.BR777?.outcomes).toEqual({ interested: 1, declined: 1 });
      expect(byCode.BR777?.complaints).toBe(1);
      expect(byCode.BR777?.followUps).toBe(1);
    } finally {
      await other.stop();
    }
  });
});
