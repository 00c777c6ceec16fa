import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HoReport } from '@shared/api/headoffice';
import type { SyncEnvelope } from '@shared/sync/envelope';
import { formatHlc } from '@shared/sync/hlc';
import { openHeadOffice, type HeadOfficeDb } from '../../electron/db/headoffice/connection';
import { HoJournal } from '../../electron/db/headoffice/journal';
import { HoKeys } from '../../electron/db/headoffice/keys';
import { DAY_MS } from '../../electron/db/headoffice/rollup';
import { freshDatabase, testPgUrl } from './pg';

const PG = testPgUrl();
const T0 = Date.UTC(2026, 10, 2, 20, 0, 0); // 20:00 UTC: a push spans midnight, so ranges cut days

/** Events every 7 minutes from T0, a mix of every kind the report counts and some it does not. */
function events(code: string, n: number, offset = 0): SyncEnvelope[] {
  const kinds: [SyncEnvelope['kind'], Record<string, unknown>][] = [
    ['ticket_event', { op: 'insert', type: 'issue' }],
    ['ticket_event', { op: 'insert', type: 'finish' }],
    ['ticket_event', { op: 'insert', type: 'call' }],
    ['suggestion_outcome', { op: 'insert', outcome: 'accepted' }],
    ['suggestion_outcome', { op: 'insert', outcome: 'declined' }],
    ['follow_up', { op: 'insert' }],
    ['follow_up', { op: 'update' }],
    ['complaint', { op: 'insert' }],
    ['audit', { op: 'insert', action: 'customer.lookup' }],
  ];
  return Array.from({ length: n }, (_, i) => {
    const [kind, payload] = kinds[(i + offset) % kinds.length] as [
      SyncEnvelope['kind'],
      Record<string, unknown>,
    ];
    const device = `hub-${code}`;
    return {
      id: v7(),
      deviceId: device,
      branchCode: code,
      hlc: formatHlc({ wall: T0 + (i + offset) * 7 * 60_000, counter: 0, node: device }),
      kind,
      entityId: v7(),
      payload,
    };
  });
}

describe.skipIf(!PG)('head office daily rollup', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ho: HeadOfficeDb;
  let journal: HoJournal;
  const ids: Record<string, string> = {};

  /** The report recounted from the raw journal, the definition the rollup must agree with. */
  async function recount(from: number, to: number): Promise<HoReport['branches']> {
    const r = await ho.pool.query<{
      code: string;
      kind: string;
      t: string | null;
      op: string | null;
      o: string | null;
    }>(
      `SELECT b.code, kind, payload->>'type' AS t, payload->>'op' AS op, payload->>'outcome' AS o
       FROM journal j JOIN branches b ON b.id = j.branch_id WHERE hlc >= $1 AND hlc < $2`,
      [String(from).padStart(13, '0'), String(to).padStart(13, '0')],
    );
    const out = new Map<string, HoReport['branches'][number]>();
    for (const e of r.rows) {
      const b = out.get(e.code) ?? {
        code: e.code,
        ticketsIssued: 0,
        ticketsDone: 0,
        outcomes: {},
        followUps: 0,
        complaints: 0,
      };
      out.set(e.code, b);
      if (e.kind === 'ticket_event' && e.t === 'issue') b.ticketsIssued++;
      if (e.kind === 'ticket_event' && e.t === 'finish') b.ticketsDone++;
      if (e.kind === 'follow_up' && e.op === 'insert') b.followUps++;
      if (e.kind === 'complaint' && e.op === 'insert') b.complaints++;
      if (e.kind === 'suggestion_outcome' && e.o) b.outcomes[e.o] = (b.outcomes[e.o] ?? 0) + 1;
    }
    return [...out.values()]
      .filter(
        (b) =>
          b.ticketsIssued + b.ticketsDone + b.followUps + b.complaints + Object.keys(b.outcomes).length > 0,
      )
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Events per branch code and kind: from the maintained table (`n`) or recounted from the journal. */
  async function kindCounts(from: 'journal' | 'journal_kinds'): Promise<Record<string, number>> {
    const n = from === 'journal' ? 'count(*)' : 'sum(n)';
    const r = await ho.pool.query<{ code: string; kind: string; n: number }>(
      `SELECT b.code, x.kind, ${n} AS n FROM ${from} x JOIN branches b ON b.id = x.branch_id GROUP BY 1, 2`,
    );
    return Object.fromEntries(r.rows.map((x) => [`${x.code}/${x.kind}`, Number(x.n)]));
  }

  beforeAll(async () => {
    db = await freshDatabase(PG as string);
    ho = await openHeadOffice(db.url);
    journal = new HoJournal(ho);
    const keys = new HoKeys(ho);
    for (const code of ['BR001', 'BR002']) ids[code] = await keys.addBranch(code, code, T0);
  });
  afterAll(async () => {
    await ho?.close();
    await db?.drop();
  });

  it('keeps daily counts equal to a recount of the journal, duplicates and concurrent pushes included', async () => {
    const a = events('BR001', 600);
    const b = events('BR002', 450, 3);
    // Concurrent pushes of one branch, and the same batch twice: stored once, counted once.
    await Promise.all([
      journal.push(ids.BR001 as string, a.slice(0, 300), T0),
      journal.push(ids.BR001 as string, a.slice(300), T0),
      journal.push(ids.BR002 as string, b, T0),
      journal.push(ids.BR002 as string, b, T0),
    ]);
    await journal.push(ids.BR001 as string, a.slice(100, 200), T0);
    const all = await journal.report();
    expect(all.branches).toEqual(await recount(0, 9_999_999_999_999));
    expect(all.totals.ticketsIssued).toBeGreaterThan(100);
    // The branch list's counts per kind (journal_kinds, migration 0007) agree with a recount too.
    expect(await kindCounts('journal_kinds')).toEqual(await kindCounts('journal'));
  });

  it('answers any range exactly: whole days from the rollup, the cut days from the journal', async () => {
    const ranges: [number, number][] = [
      [T0 + 3 * 60 * 60_000, T0 + 2 * DAY_MS + 5 * 60 * 60_000], // partial, whole, partial
      [T0 + 4 * 60 * 60_000, T0 + 4 * 60 * 60_000 + 3 * 60 * 60_000], // inside one day
      [Math.ceil(T0 / DAY_MS) * DAY_MS, Math.ceil(T0 / DAY_MS) * DAY_MS + DAY_MS], // exactly one day
      [0, T0 + 30 * 60 * 60_000],
    ];
    for (const [from, to] of ranges) {
      const r = await journal.report({ from, to });
      expect(r.branches).toEqual(await recount(from, to));
    }
    expect((await journal.report({ to: 1000 })).branches).toEqual([]);
  });

  it('fills the rollup from an existing journal when the migration runs', async () => {
    const rows = await ho.pool.query<{ n: number }>('SELECT sum(n) AS n FROM journal_daily');
    await ho.pool.query('DELETE FROM journal_daily');
    const m = await import('../../electron/db/headoffice/migrations/0002-daily-rollup');
    await ho.pool.query('DROP INDEX journal_hlc');
    await ho.pool.query('DROP TABLE journal_daily');
    await m.up(ho.k as never);
    const again = await ho.pool.query<{ n: number }>('SELECT sum(n) AS n FROM journal_daily');
    expect(again.rows[0]?.n).toBe(rows.rows[0]?.n);
    expect((await journal.report()).branches).toEqual(await recount(0, 9_999_999_999_999));
  });

  it('fills the per-kind counts from an existing journal when migration 0007 runs', async () => {
    const m = await import('../../electron/db/headoffice/migrations/0007-lean-journal');
    await ho.pool.query('DROP TABLE journal_kinds');
    await m.up(ho.k as never);
    const counts = await kindCounts('journal_kinds');
    expect(Object.keys(counts).length).toBeGreaterThan(3);
    expect(counts).toEqual(await kindCounts('journal'));
    expect((await journal.branches()).find((b) => b.code === 'BR002')?.byKind).toEqual(
      Object.fromEntries(
        Object.entries(counts)
          .filter(([k]) => k.startsWith('BR002/'))
          .map(([k, n]) => [k.slice('BR002/'.length), n]),
      ),
    );
  });
});
