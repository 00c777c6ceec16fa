import { sql } from 'kysely';
import type { HoBranchSummary, HoPushResult, HoReport } from '@shared/api/headoffice';
import type { SyncEnvelope } from '@shared/sync/envelope';
import type { HeadOfficeDb } from './connection';
import { updateHistoryFacts } from './history-facts';
import { insertAndRollUp, rolledUpReport } from './rollup';

/** Rows per statement: a whole push of the usual size (shared/sync/envelope.ts allows 5,000). */
const CHUNK = 2_000;

/** The branches' pushed events: stored once per envelope id, whoever sends it how often. */
export class HoJournal {
  constructor(private readonly db: HeadOfficeDb) {}

  /**
   * One transaction: new ids are inserted, known ids are counted as duplicates and left alone
   * (ON CONFLICT DO NOTHING, so two concurrent pushes of the same event store it once). The daily rollup counts
   * only the rows this push inserted, in the same transaction.
   */
  async push(branchId: string, events: readonly SyncEnvelope[], now: number): Promise<HoPushResult> {
    return this.db.k.transaction().execute(async (trx) => {
      let accepted = 0;
      let maxHlc: string | null = null;
      for (let i = 0; i < events.length; i += CHUNK) {
        const r = await insertAndRollUp(trx, branchId, events.slice(i, i + CHUNK), now);
        accepted += r.accepted;
        if (r.maxHlc !== null && (maxHlc === null || r.maxHlc > maxHlc)) maxHlc = r.maxHlc;
      }
      await updateHistoryFacts(trx, branchId, events);
      const duplicates = events.length - accepted;
      const cur = await trx
        .insertInto('branch_cursors')
        .values({
          branch_id: branchId,
          last_hlc: maxHlc,
          events: accepted,
          duplicates,
          pushes: 1,
          last_push_at: now,
          pulled_rev: 0,
          last_pull_at: null,
        })
        .onConflict((oc) =>
          oc.column('branch_id').doUpdateSet({
            last_hlc: sql`greatest(branch_cursors.last_hlc, excluded.last_hlc)`,
            events: sql`branch_cursors.events + excluded.events`,
            duplicates: sql`branch_cursors.duplicates + excluded.duplicates`,
            pushes: sql`branch_cursors.pushes + 1`,
            last_push_at: sql`greatest(branch_cursors.last_push_at, excluded.last_push_at)`,
          }),
        )
        .returning(['last_hlc', 'events'])
        .executeTakeFirstOrThrow();
      return { accepted, duplicates, cursor: { hlc: cur.last_hlc, events: cur.events } };
    });
  }

  async notePull(branchId: string, upTo: number, now: number): Promise<void> {
    await this.db.k
      .insertInto('branch_cursors')
      .values({
        branch_id: branchId,
        last_hlc: null,
        events: 0,
        duplicates: 0,
        pushes: 0,
        last_push_at: null,
        pulled_rev: upTo,
        last_pull_at: now,
      })
      .onConflict((oc) =>
        oc.column('branch_id').doUpdateSet({
          pulled_rev: sql`greatest(branch_cursors.pulled_rev, excluded.pulled_rev)`,
          last_pull_at: sql`excluded.last_pull_at`,
        }),
      )
      .execute();
  }

  async branches(): Promise<HoBranchSummary[]> {
    const k = this.db.k;
    const rows = await k
      .selectFrom('branches as b')
      .leftJoin('branch_cursors as c', 'c.branch_id', 'b.id')
      .select([
        'b.id',
        'b.code',
        'b.name',
        'c.last_push_at',
        'c.last_pull_at',
        'c.last_hlc',
        'c.events',
        'c.duplicates',
        'c.pushes',
        (e) =>
          e
            .selectFrom('customers as x')
            .select((x) => x.fn.countAll<number>().as('n'))
            .whereRef('x.branch_id', '=', 'b.id')
            .as('customers'),
      ])
      .orderBy('b.code')
      .execute();
    // Kept by push (migration 0007), not a count over the whole journal.
    const kinds = await k.selectFrom('journal_kinds').select(['branch_id', 'kind', 'n']).execute();
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      lastPushAt: r.last_push_at ?? null,
      lastPullAt: r.last_pull_at ?? null,
      lastHlc: r.last_hlc ?? null,
      events: r.events ?? 0,
      duplicates: r.duplicates ?? 0,
      pushes: r.pushes ?? 0,
      customers: Number(r.customers ?? 0),
      byKind: Object.fromEntries(kinds.filter((x) => x.branch_id === r.id).map((x) => [x.kind, x.n])),
    }));
  }

  /** Tickets, outcomes, follow-ups and complaints per branch, optionally within [from, to) by HLC time. */
  report(range: { from?: number; to?: number } = {}): Promise<HoReport> {
    return rolledUpReport(this.db, range);
  }

  async count(branchId?: string): Promise<number> {
    let q = this.db.k.selectFrom('journal').select((e) => e.fn.countAll<number>().as('n'));
    if (branchId) q = q.where('branch_id', '=', branchId);
    return (await q.executeTakeFirstOrThrow()).n;
  }
}
