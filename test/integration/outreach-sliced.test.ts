import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EVALUATE_SLICE,
  readInputs,
  readInputsChunked,
  readInputsSliced,
  readContactsSliced,
  readOwnersSliced,
} from '../../electron/app/outreach/lists';
import { OutreachRepo } from '../../electron/db/repos/outreach';
import { startTestServer, type TestServer } from './harness';

/**
 * The manager's whole-branch outreach list is made a slice of customers at a time: the server keeps answering the
 * lobby, the TV and the counters while it is made (at 100,000 customers it took seconds, all of them on the one
 * thread every request needs).
 */
let s: TestServer;
const manager = { id: 'outreach-sliced-manager', role: 'manager' as const };
const CUSTOMERS = EVALUATE_SLICE * 2 + 500;

beforeAll(async () => {
  s = await startTestServer({ customers: CUSTOMERS });
});
afterAll(async () => {
  await s?.stop();
});

const turn = () => new Promise<void>((r) => setImmediate(r));

/** Awaits `p`, counting the turns the event loop made meanwhile. */
async function withTurns<T>(p: Promise<T>): Promise<{ value: T; turns: number }> {
  let done = false;
  const pending = p.then((v) => {
    done = true;
    return v;
  });
  let turns = 0;
  while (!done) {
    await turn();
    turns++;
  }
  return { value: await pending, turns };
}

describe('the whole-branch outreach list', () => {
  it('lets the event loop turn while it is made, and lists what a single pass lists', async () => {
    const outreach = s.ctx.outreach;
    const first = await outreach.list({ scope: 'all' }, manager);
    const { value: again, turns } = await withTurns(outreach.list({ scope: 'all' }, manager));
    // One turn per slice of customers at least: other requests are served between slices.
    expect(turns).toBeGreaterThanOrEqual(Math.floor(CUSTOMERS / EVALUATE_SLICE));
    expect(again.items.map((i) => i.customerId)).toEqual(first.items.map((i) => i.customerId));
    expect(first.items.length).toBeGreaterThan(0);
  });

  it('makes the list once for two identical requests in flight together', async () => {
    const outreach = s.ctx.outreach;
    const [a, b] = await Promise.all([
      outreach.list({ scope: 'all' }, manager),
      outreach.list({ scope: 'all' }, manager),
    ]);
    expect(a).toBe(b);
    // Once answered, the next request makes a fresh list (it is never served from an old one).
    expect(await outreach.list({ scope: 'all' }, manager)).not.toBe(a);
  });

  it('reads the whole branch a page at a time to the same inputs as one read', async () => {
    const repo = new OutreachRepo(s.ctx.store);
    const at = Date.now();
    const db = s.ctx.store.sqlite;
    // Balance history for a few customers, several snapshots each, so pages end inside a customer's history.
    const ids = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 40').pluck().all() as string[];
    const put = db.prepare(
      'INSERT OR REPLACE INTO aum_snapshots (customer_id, as_of, aum_fen, tier, import_id) VALUES (?,?,?,?,NULL)',
    );
    ids.forEach((id, i) => {
      for (let m = 0; m < 1 + (i % 5); m++)
        put.run(id, at - (m + 1) * 30 * 86_400_000, 100_000 * (i + m), 'effective');
    });
    const one = readInputs(repo, null, at, 30);
    const paged = await readInputsSliced(repo, at, 30, 7);
    const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(paged.bases)).toEqual(byId(one.bases));
    expect(paged.bases.length).toBe(CUSTOMERS);
    // Every customer's history, point by point, the same as one read's.
    const withHistory = ids.filter((id) => one.history.get(id));
    expect(withHistory.length).toBe(40);
    for (const b of one.bases) expect(paged.history.get(b.id)).toEqual(one.history.get(b.id));
    expect(paged.maturities).toEqual(one.maturities);
  });

  it("reads an RM's customers a chunk at a time, to what one read of them gives", async () => {
    const repo = new OutreachRepo(s.ctx.store);
    const db = s.ctx.store.sqlite;
    const at = Date.now();
    // Nine customers in ten (the first forty have history from the test above), more than two chunks of them.
    const ids = (db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[]).filter(
      (_, i) => i % 10 !== 3,
    );
    expect(ids.length).toBeGreaterThan(2 * 500);
    const one = readInputs(repo, ids, at, 30);
    const { value: chunked, turns } = await withTurns(readInputsChunked(repo, ids, at, 30));
    expect(turns).toBeGreaterThanOrEqual(2);
    const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(chunked.bases)).toEqual(byId(one.bases));
    expect(chunked.bases.length).toBe(ids.length);
    expect(ids.filter((id) => one.history.get(id)).length).toBeGreaterThan(0);
    for (const id of ids) expect(chunked.history.get(id)).toEqual(one.history.get(id));
    expect(chunked.maturities).toEqual(one.maturities);
  });

  it('reads every owner a page at a time, to what one read gives, the event loop turning between pages', async () => {
    const repo = new OutreachRepo(s.ctx.store);
    const db = s.ctx.store.sqlite;
    const [rm, backup] = db.prepare('SELECT id FROM staff ORDER BY id LIMIT 2').pluck().all() as string[];
    const ids = db.prepare('SELECT id FROM customers ORDER BY id DESC LIMIT 23').pluck().all() as string[];
    ids.forEach((id, i) =>
      repo.setOwner(id, {
        ownerId: rm as string,
        backupId: i % 3 === 0 ? (backup as string) : null,
        source: i % 2 ? 'import' : 'manager',
        by: null,
        at: 1_700_000_000_000 + i,
      }),
    );
    const one = repo.owners(null);
    expect(one.size).toBeGreaterThanOrEqual(23);
    const { value: paged, turns } = await withTurns(readOwnersSliced(repo, 4));
    expect(turns).toBeGreaterThanOrEqual(Math.floor(one.size / 4));
    expect([...paged.entries()].sort()).toEqual([...one.entries()].sort());
    expect(paged.get(ids[0] as string)?.backup?.id).toBe(backup);
  });

  it('reads the contacts and open follow-ups of the customers asked for as the branch-wide read has them', () => {
    const repo = new OutreachRepo(s.ctx.store);
    const db = s.ctx.store.sqlite;
    const staff = db.prepare('SELECT id FROM staff ORDER BY id LIMIT 1').pluck().get() as string;
    const ids = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 6').pluck().all() as string[];
    const t0 = 1_700_000_000_000;
    ids.forEach((id, i) => {
      for (let k = 0; k < 3; k++)
        repo.addContact({
          id: `c-scoped-${i}-${k}`,
          customer_id: id,
          staff_id: staff,
          at: t0 + i * 1000 + k,
          branch_day: '2026-06-15',
          channel: 'phone',
          result: 'reached',
          rule: k === 0 ? null : k === 1 ? 'maturity' : 'dormant',
          reason: null,
          note: null,
          next_step: null,
          next_at: k === 2 ? t0 + 86_400_000 * (i + 1) : null,
          churn_reason: null,
          aum_fen: 0,
        });
      if (i % 2 === 0)
        db.prepare(
          `INSERT INTO follow_ups (id, customer_id, kind, assignee_id, due_at, status, created_by, created_at)
           VALUES (?, ?, 'call', ?, ?, 'open', ?, ?)`,
        ).run(`f-scoped-${i}`, id, staff, t0, staff, t0);
    });
    const some = [ids[1], ids[2], ids[4]] as string[];
    const all = repo.contactSummary();
    const scoped = repo.contactSummary(some);
    expect([...scoped.keys()].sort()).toEqual([...some].sort());
    for (const id of some) expect(scoped.get(id)).toEqual(all.get(id));
    expect(scoped.get(ids[2] as string)?.nextAt).toBe(t0 + 86_400_000 * 3);
    const open = repo.openFollowUps(some);
    expect(Object.fromEntries(open)).toEqual(
      Object.fromEntries(
        some.filter((id) => repo.openFollowUps().has(id)).map((id) => [id, repo.openFollowUps().get(id)]),
      ),
    );
    expect(open.get(ids[2] as string)).toBeGreaterThanOrEqual(1);
    expect(repo.contactSummary([]).size).toBe(0);
  });

  it('reads the branch contact log a page at a time as one read has it, whatever order contacts were logged in', async () => {
    const repo = new OutreachRepo(s.ctx.store);
    const db = s.ctx.store.sqlite;
    const staff = db.prepare('SELECT id FROM staff ORDER BY id LIMIT 1').pluck().get() as string;
    const [a, b] = db.prepare('SELECT id FROM customers ORDER BY id DESC LIMIT 2').pluck().all() as string[];
    const t0 = 1_710_000_000_000;
    const DAY = 86_400_000;
    // Logged out of order (a contact synced late from a terminal): rowid order is not time order.
    const log: [string, string, number, string | null, number | null][] = [
      ['late-1', a as string, t0 + 5 * DAY, 'maturity', t0 + 40 * DAY],
      ['late-2', a as string, t0 + 1 * DAY, 'maturity', t0 + 9 * DAY],
      ['late-3', a as string, t0 + 3 * DAY, null, null],
      ['late-4', a as string, t0 + 7 * DAY, 'dormant', null],
      ['late-5', b as string, t0 + 2 * DAY, 'periodic', t0 + 20 * DAY],
      // Two contacts at the same instant planning different dates: the one logged later wins, as in one read.
      ['late-6', b as string, t0 + 2 * DAY, 'periodic', t0 + 30 * DAY],
    ];
    for (const [id, customer, at, rule, nextAt] of log)
      repo.addContact({
        id: `c-paged-${id}`,
        customer_id: customer,
        staff_id: staff,
        at,
        branch_day: '2024-03-10',
        channel: 'phone',
        result: 'reached',
        rule,
        reason: null,
        note: null,
        next_step: null,
        next_at: nextAt,
        churn_reason: null,
        aum_fen: 0,
      });
    const one = repo.contactSummary(null);
    const { value: paged, turns } = await withTurns(readContactsSliced(repo, 2));
    const total = db.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
    expect(turns).toBeGreaterThanOrEqual(Math.floor(total / 2) - 1);
    expect([...paged.entries()].sort()).toEqual([...one.entries()].sort());
    expect(paged.get(a as string)).toMatchObject({
      last: t0 + 7 * DAY,
      byRule: { maturity: t0 + 5 * DAY, dormant: t0 + 7 * DAY },
      nextAt: t0 + 40 * DAY,
    });
    expect(paged.get(b as string)?.nextAt).toBe(t0 + 30 * DAY);
  });

  it("reads a period's contacts for the figures by time, a page at a time, without scanning the whole log", () => {
    const repo = new OutreachRepo(s.ctx.store);
    const store = s.ctx.store;
    const [from, to] = [1_700_000_000_000, 1_800_000_000_000];
    const seen: { sql: string; parameters: readonly unknown[] }[] = [];
    const all = store.all.bind(store);
    store.all = ((q: Parameters<typeof store.all>[0]) => {
      seen.push(q.compile());
      return all(q);
    }) as typeof store.all;
    const one = repo.contactsBetween(from, to);
    const paged: typeof one = [];
    try {
      for (let after: { at: number; rowid: number } | null = null; ;) {
        const page = repo.contactsBetween(from, to, undefined, { after, limit: 2 });
        paged.push(...page);
        const last = page.at(-1);
        if (!last || page.length < 2) break;
        after = { at: last.at, rowid: last.rowid };
      }
    } finally {
      store.all = all;
    }
    // The contacts logged above (some at the same instant) come back in the same order, page by page.
    expect(one.length).toBeGreaterThan(10);
    expect(paged).toEqual(one);
    for (const q of [seen[0], seen.at(-1)] as { sql: string; parameters: readonly unknown[] }[]) {
      const plan = (
        store.sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as { detail: string }[]
      ).map((r) => r.detail);
      // A range search on the time index in its own order: no scan of every contact (a year of them at a busy
      // branch), no sort of the period.
      expect(plan.join(' | ')).toMatch(/SEARCH t USING INDEX contacts_at \(at>\? AND at<\?\)/);
      expect(plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('finds the customers changed since a time, a span of rowids at a time', () => {
    const repo = new OutreachRepo(s.ctx.store);
    const db = s.ctx.store.sqlite;
    const since = Date.now() + 60_000;
    const rowids = db.prepare('SELECT rowid FROM customers ORDER BY rowid').pluck().all() as number[];
    const touched = [rowids[3], rowids[500], rowids.at(-1)] as number[];
    const edit = db.prepare('UPDATE customers SET updated_at = ? WHERE rowid = ?');
    const visit = db.prepare('UPDATE customers SET last_visit_at = ? WHERE rowid = ?');
    edit.run(since + 1, touched[0]);
    visit.run(since + 2, touched[1]);
    edit.run(since + 3, touched[2]);
    const idOf = db.prepare('SELECT id FROM customers WHERE rowid = ?').pluck();
    const want = touched.map((r) => idOf.get(r) as string).sort();
    const walked: string[] = [];
    let spans = 0;
    for (let after: number | null = 0; after !== null; spans++) {
      const page = repo.basesChangedSince(since, after, 97);
      walked.push(...page.bases.map((b) => b.id));
      after = page.next;
    }
    expect(walked.sort()).toEqual(want);
    expect(spans).toBeGreaterThan(CUSTOMERS / 97 - 1);
    expect(
      repo
        .basesChangedSince(since)
        .bases.map((b) => b.id)
        .sort(),
    ).toEqual(want);
    expect(repo.basesChangedSince(since).next).toBeNull();
  });
});
