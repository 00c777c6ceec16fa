import { sql, type Transaction } from 'kysely';
import type { HoReport } from '@shared/api/headoffice';
import type { HeadOfficeDb } from './connection';
import type { HoDB } from './schema';

export const DAY_MS = 86_400_000;

/** Wall-clock prefix of an HLC stamp, for time-range filters on the journal. */
export const hlcAt = (ms: number) => String(Math.max(0, Math.trunc(ms))).padStart(13, '0');

/** UTC day number of an HLC stamp's wall time. */
export const dayOfHlc = (hlc: string) => Math.floor(Number(hlc.slice(0, 13)) / DAY_MS);

/**
 * The report metric an event counts towards, or null. Must say what the CASE of migration 0002 and `rawCounts`
 * below say: rollup.test (headoffice-pg) compares the maintained counts with a recount of the raw journal.
 */
export function metricOf(e: {
  kind: string;
  type: string | null;
  op: string | null;
  outcome: string | null;
}): string | null {
  if (e.kind === 'ticket_event') return e.type === 'issue' ? 'issued' : e.type === 'finish' ? 'done' : null;
  if (e.kind === 'follow_up') return e.op === 'insert' ? 'follow_ups' : null;
  if (e.kind === 'complaint') return e.op === 'insert' ? 'complaints' : null;
  if (e.kind === 'suggestion_outcome') return e.outcome === null ? null : `outcome:${e.outcome}`;
  return null;
}

export interface InsertedEvent {
  hlc: string;
  kind: string;
  type: string | null;
  op: string | null;
  outcome: string | null;
}

/**
 * Adds a push's newly inserted events (never its duplicates) to the daily counts, in the push's transaction.
 * Keys are sorted so that two pushes of one branch lock the same rows in the same order (no deadlock).
 */
export async function addToDaily(
  trx: Transaction<HoDB>,
  branchId: string,
  inserted: readonly InsertedEvent[],
): Promise<void> {
  const counts = new Map<string, { day: number; metric: string; n: number }>();
  for (const e of inserted) {
    const metric = metricOf(e);
    if (metric === null) continue;
    const day = dayOfHlc(e.hlc);
    const key = `${String(day).padStart(8, '0')}|${metric}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { day, metric, n: 1 });
  }
  if (counts.size === 0) return;
  const rows = [...counts.keys()]
    .sort()
    .map((k) => counts.get(k) as { day: number; metric: string; n: number });
  await trx
    .insertInto('journal_daily')
    .values(rows.map((r) => ({ branch_id: branchId, day: r.day, metric: r.metric, n: r.n })))
    .onConflict((oc) =>
      oc.columns(['branch_id', 'day', 'metric']).doUpdateSet({ n: sql`journal_daily.n + excluded.n` }),
    )
    .execute();
}

type Counts = { code: string; metric: string; n: number }[];

/** Counts of whole days from the rollup: [fromDay, toDay), or every day when unbounded. */
async function dailyCounts(db: HeadOfficeDb, fromDay: number | null, toDay: number | null): Promise<Counts> {
  let q = db.k
    .selectFrom('journal_daily as d')
    .innerJoin('branches as b', 'b.id', 'd.branch_id')
    .select(['b.code', 'd.metric', (e) => e.fn.sum<number>('d.n').as('n')])
    .groupBy(['b.code', 'd.metric']);
  if (fromDay !== null) q = q.where('d.day', '>=', fromDay);
  if (toDay !== null) q = q.where('d.day', '<', toDay);
  return q.execute();
}

/** Counts straight from the journal for [from, to) — the partial days at the ends of a range (hlc index). */
async function rawCounts(db: HeadOfficeDb, from: number, to: number): Promise<Counts> {
  if (to <= from) return [];
  const r = await sql<{ code: string; metric: string | null; n: number }>`
    SELECT b.code, m.metric, count(*)::bigint AS n
    FROM journal j JOIN branches b ON b.id = j.branch_id,
    LATERAL (SELECT CASE
      WHEN j.kind = 'ticket_event' AND j.payload->>'type' = 'issue' THEN 'issued'
      WHEN j.kind = 'ticket_event' AND j.payload->>'type' = 'finish' THEN 'done'
      WHEN j.kind = 'follow_up' AND j.payload->>'op' = 'insert' THEN 'follow_ups'
      WHEN j.kind = 'complaint' AND j.payload->>'op' = 'insert' THEN 'complaints'
      WHEN j.kind = 'suggestion_outcome' AND j.payload->>'outcome' IS NOT NULL THEN 'outcome:' || (j.payload->>'outcome')
    END AS metric) m
    WHERE j.hlc >= ${hlcAt(from)} AND j.hlc < ${hlcAt(to)} AND m.metric IS NOT NULL
    GROUP BY b.code, m.metric`.execute(db.k);
  return r.rows.filter((x): x is { code: string; metric: string; n: number } => x.metric !== null);
}

/**
 * Tickets, outcomes, follow-ups and complaints per branch within [from, to) by HLC time: whole UTC days from the
 * daily rollup, the partial first and last days from the journal itself, so any range is exact.
 */
export async function rolledUpReport(
  db: HeadOfficeDb,
  range: { from?: number; to?: number },
): Promise<HoReport> {
  const parts: Counts[] = [];
  const { from, to } = range;
  if (from === undefined && to === undefined) parts.push(await dailyCounts(db, null, null));
  else {
    const lo = from ?? 0;
    const hi = to ?? Number.MAX_SAFE_INTEGER;
    const firstFull = Math.ceil(lo / DAY_MS);
    const lastFull = Math.floor(hi / DAY_MS); // exclusive
    if (firstFull >= lastFull) parts.push(await rawCounts(db, lo, hi));
    else {
      parts.push(await rawCounts(db, lo, firstFull * DAY_MS));
      parts.push(
        await dailyCounts(db, from === undefined ? null : firstFull, to === undefined ? null : lastFull),
      );
      if (to !== undefined) parts.push(await rawCounts(db, lastFull * DAY_MS, hi));
    }
  }
  const byBranch = new Map<string, HoReport['branches'][number]>();
  const totalOutcomes: Record<string, number> = {};
  for (const r of parts.flat()) {
    let b = byBranch.get(r.code);
    if (!b) {
      b = { code: r.code, ticketsIssued: 0, ticketsDone: 0, outcomes: {}, followUps: 0, complaints: 0 };
      byBranch.set(r.code, b);
    }
    const n = Number(r.n);
    if (r.metric === 'issued') b.ticketsIssued += n;
    else if (r.metric === 'done') b.ticketsDone += n;
    else if (r.metric === 'follow_ups') b.followUps += n;
    else if (r.metric === 'complaints') b.complaints += n;
    else if (r.metric.startsWith('outcome:')) {
      const o = r.metric.slice('outcome:'.length);
      b.outcomes[o] = (b.outcomes[o] ?? 0) + n;
      totalOutcomes[o] = (totalOutcomes[o] ?? 0) + n;
    }
  }
  const branches = [...byBranch.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    branches,
    totals: {
      ticketsIssued: branches.reduce((s, b) => s + b.ticketsIssued, 0),
      ticketsDone: branches.reduce((s, b) => s + b.ticketsDone, 0),
      outcomes: totalOutcomes,
    },
  };
}
