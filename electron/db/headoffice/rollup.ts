import { sql, type Transaction } from 'kysely';
import type { HoReport } from '@shared/api/headoffice';
import type { SyncEnvelope } from '@shared/sync/envelope';
import type { HeadOfficeDb } from './connection';
import type { HoDB } from './schema';

export const DAY_MS = 86_400_000;

/** Wall-clock prefix of an HLC stamp, for time-range filters on the journal. */
export const hlcAt = (ms: number) => String(Math.max(0, Math.trunc(ms))).padStart(13, '0');

/**
 * The report metric of a journal row (columns `kind` and `payload` of `alias`), NULL when it counts towards none.
 * Migration 0002 fills the rollup with the same CASE; the rollup test compares the maintained counts with a
 * recount of the raw journal.
 */
function metricCase(alias: string) {
  const a = sql.raw(alias);
  return sql<string | null>`CASE
    WHEN ${a}.kind = 'ticket_event' AND ${a}.payload->>'type' = 'issue' THEN 'issued'
    WHEN ${a}.kind = 'ticket_event' AND ${a}.payload->>'type' = 'finish' THEN 'done'
    WHEN ${a}.kind = 'follow_up' AND ${a}.payload->>'op' = 'insert' THEN 'follow_ups'
    WHEN ${a}.kind = 'complaint' AND ${a}.payload->>'op' = 'insert' THEN 'complaints'
    WHEN ${a}.kind = 'suggestion_outcome' AND ${a}.payload->>'outcome' IS NOT NULL
      THEN 'outcome:' || (${a}.payload->>'outcome')
  END`;
}

/** +1 for an event, −1 for a compensating outcome (an undone key press names the row it cancels: `undoesId`). */
function signCase(alias: string) {
  const a = sql.raw(alias);
  return sql<number>`CASE WHEN ${a}.kind = 'suggestion_outcome' AND ${a}.payload->>'undoesId' IS NOT NULL
    THEN -1 ELSE 1 END`;
}

/**
 * Stores a push's events once each and adds the newly stored ones (never duplicates) to the daily counts, in one
 * statement: the rows travel as one JSON text the server splits (jsonb_to_recordset), not thousands of bound
 * parameters nor six arrays that node-postgres escapes element by element (a third of the head office's CPU per
 * push, P9 in BENCH.md), and the rollups (per day and metric, per kind: migration 0007) are written from what the
 * insert returned. Their rows go in key order, so two pushes of one branch lock them in the same order.
 */
export async function insertAndRollUp(
  trx: Transaction<HoDB>,
  branchId: string,
  events: readonly SyncEnvelope[],
  now: number,
): Promise<{ accepted: number; maxHlc: string | null }> {
  const r = await sql<{ accepted: number; max_hlc: string | null }>`
    WITH ins AS (
      INSERT INTO journal (id, branch_id, device_id, hlc, kind, entity_id, payload, received_at)
      SELECT t.id, ${branchId}, t."deviceId", t.hlc, t.kind, t."entityId", t.payload, ${now}::bigint
      FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
        AS t(id text, "deviceId" text, hlc text, kind text, "entityId" text, payload jsonb)
      ON CONFLICT (id) DO NOTHING
      RETURNING hlc, kind, payload
    ), daily AS (
      INSERT INTO journal_daily (branch_id, day, metric, n)
      SELECT ${branchId}, day, metric, sum(sign) FROM (
        SELECT (substring(ins.hlc from 1 for 13)::bigint / 86400000)::integer AS day, ${metricCase('ins')} AS metric,
          ${signCase('ins')} AS sign
        FROM ins) x
      WHERE metric IS NOT NULL
      GROUP BY day, metric
      ORDER BY day, metric
      ON CONFLICT (branch_id, day, metric) DO UPDATE SET n = journal_daily.n + excluded.n
    ), kinds AS (
      INSERT INTO journal_kinds (branch_id, kind, n)
      SELECT ${branchId}, kind, count(*) FROM ins GROUP BY kind ORDER BY kind
      ON CONFLICT (branch_id, kind) DO UPDATE SET n = journal_kinds.n + excluded.n
    )
    SELECT count(*)::integer AS accepted, max(hlc) AS max_hlc FROM ins`.execute(trx);
  const row = r.rows[0];
  return { accepted: row?.accepted ?? 0, maxHlc: row?.max_hlc ?? null };
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
    SELECT b.code, m.metric, sum(${signCase('j')})::bigint AS n
    FROM journal j JOIN branches b ON b.id = j.branch_id,
    LATERAL (SELECT ${metricCase('j')} AS metric) m
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
