import type Database from 'better-sqlite3';
import type { HubIdentity } from '@shared/sync/api';
import type { SyncEnvelope } from '@shared/sync/envelope';
import type { Store } from '../connection';
import type { AppliedEventTable } from '../schema';

/** Where a database's identity is kept in sync_state (the backup's worker writes the same keys into a copy). */
export const IDENTITY_KEYS = {
  epoch: 'db_epoch',
  copiedAt: 'db_epoch_copied_at',
  copySeq: 'db_epoch_copy_seq',
} as const;

type OutboxRow = [string, string, string, string, string, string, string, number];
type AppliedRow = [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  number,
];

export function toEnvelope(r: {
  id: string;
  device_id: string;
  branch_code: string;
  hlc: string;
  kind: string;
  entity_id: string;
  payload: string;
}): SyncEnvelope {
  return {
    id: r.id,
    deviceId: r.device_id,
    branchCode: r.branch_code,
    hlc: r.hlc,
    kind: r.kind as SyncEnvelope['kind'],
    entityId: r.entity_id,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  };
}

/**
 * The journal (outbox), the idempotency table (applied_events) and the device's sync state. The hot inserts are
 * prepared once: every ticket event passes through them.
 */
export class SyncJournalRepo {
  private readonly outboxInsert: Database.Statement<OutboxRow>;
  private readonly appliedInsert: Database.Statement<AppliedRow>;
  private readonly hasStmt: Database.Statement<[string], { id: string }>;
  private readonly statusStmt: Database.Statement<[string], { status: string }>;

  constructor(private readonly store: Store) {
    const db = store.sqlite;
    this.outboxInsert = db.prepare<OutboxRow>(
      `INSERT INTO outbox (id, device_id, branch_code, hlc, kind, entity_id, payload, created_at)
       VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING`,
    );
    this.appliedInsert = db.prepare<AppliedRow>(
      `INSERT INTO applied_events (id, hlc, device_id, kind, entity_id, origin, status, error, envelope, applied_at)
       VALUES (?,?,?,?,?,?,?,?,?,?)
       ON CONFLICT(id) DO UPDATE SET status = excluded.status, error = excluded.error, envelope = excluded.envelope,
         applied_at = excluded.applied_at`,
    );
    this.hasStmt = db.prepare<[string], { id: string }>('SELECT id FROM applied_events WHERE id = ?');
    this.statusStmt = db.prepare<[string], { status: string }>(
      'SELECT status FROM applied_events WHERE id = ?',
    );
  }

  /** Appends to the journal; an id already there is left as it was. True when it was new. */
  appendOutbox(env: SyncEnvelope, at: number): boolean {
    const r = this.outboxInsert.run(
      env.id,
      env.deviceId,
      env.branchCode,
      env.hlc,
      env.kind,
      env.entityId,
      JSON.stringify(env.payload),
      at,
    );
    return r.changes === 1;
  }

  markApplied(
    env: SyncEnvelope,
    origin: 'local' | 'remote',
    status: 'applied' | 'rejected' | 'failed',
    error: string | null,
    at: number,
  ): void {
    this.appliedInsert.run(
      env.id,
      env.hlc,
      env.deviceId,
      env.kind,
      env.entityId,
      origin,
      status,
      error,
      status === 'failed' ? JSON.stringify(env) : null,
      at,
    );
  }

  hasApplied(id: string): boolean {
    return !!this.hasStmt.get(id);
  }

  /** Applied (or failed) status of an event id. */
  applied(id: string): Pick<AppliedEventTable, 'status'> | undefined {
    return this.statusStmt.get(id);
  }

  failed(limit: number): SyncEnvelope[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('applied_events')
          .select('envelope')
          .where('status', '=', 'failed')
          .orderBy('hlc')
          .limit(limit),
      )
      .flatMap((r) => (r.envelope ? [JSON.parse(r.envelope) as SyncEnvelope] : []));
  }

  countByStatus(): Record<string, number> {
    const rows = this.store.all(
      this.store.k
        .selectFrom('applied_events')
        .select(['status', (e) => e.fn.countAll<number>().as('n')])
        .groupBy('status'),
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** Newest stamp this install has made or applied: the clock restarts past it. */
  maxHlc(): string | null {
    const r = this.store.first(
      this.store.k.selectFrom('applied_events').select((e) => e.fn.max('hlc').as('h')),
    );
    return (r?.h as string | null) ?? null;
  }

  /** Events made here (or, on the hub, applied here) not yet pushed upstream, oldest first. */
  unpushed(limit: number, deviceId?: string): SyncEnvelope[] {
    let q = this.store.k
      .selectFrom('outbox')
      .select(['id', 'device_id', 'branch_code', 'hlc', 'kind', 'entity_id', 'payload'])
      .where('pushed_at', 'is', null)
      .orderBy('seq')
      .limit(limit);
    if (deviceId) q = q.where('device_id', '=', deviceId);
    return this.store.all(q).map(toEnvelope);
  }

  unpushedCount(): number {
    const r = this.store.first(
      this.store.k
        .selectFrom('outbox')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('pushed_at', 'is', null),
    );
    return Number(r?.n ?? 0);
  }

  markPushed(ids: readonly string[], at: number): number {
    let n = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      n += this.store.run(
        this.store.k
          .updateTable('outbox')
          .set({ pushed_at: at })
          .where('id', 'in', chunk)
          .where('pushed_at', 'is', null),
      ).changes;
    }
    return n;
  }

  /**
   * A terminal whose hub went back to a copy: its own events pushed at or after `from` are to be pushed again
   * (the hub keeps an event once, by id). How many.
   */
  resendSince(deviceId: string, from: number): number {
    return this.store.run(
      this.store.k
        .updateTable('outbox')
        .set({ pushed_at: null })
        .where('device_id', '=', deviceId)
        .where('pushed_at', '>=', from),
    ).changes;
  }

  /** The journal after a position, in arrival order (what terminals pull). */
  after(seq: number, limit: number): { seq: number; env: SyncEnvelope }[] {
    return this.store
      .all(
        this.store.k
          .selectFrom('outbox')
          .select(['seq', 'id', 'device_id', 'branch_code', 'hlc', 'kind', 'entity_id', 'payload'])
          .where('seq', '>', seq)
          .orderBy('seq')
          .limit(limit),
      )
      .map((r) => ({ seq: r.seq, env: toEnvelope(r) }));
  }

  /** The oldest position kept; null when the journal is empty. */
  tail(): number | null {
    const r = this.store.first(this.store.k.selectFrom('outbox').select((e) => e.fn.min('seq').as('s')));
    return r?.s == null ? null : Number(r.s);
  }

  /**
   * Removes the journal's oldest rows made before `before`, at most `limit`, as a prefix (stopping at the first younger
   * row, so everything after the tail is still there) and never the newest row (its position is the head a terminal
   * pulls to). How many.
   */
  pruneOld(before: number, limit: number): number {
    const rows = this.store.sqlite
      .prepare<[number], { seq: number; created_at: number }>(
        'SELECT seq, created_at FROM outbox WHERE seq < (SELECT max(seq) FROM outbox) ORDER BY seq LIMIT ?',
      )
      .all(limit);
    let cut: number | null = null;
    for (const r of rows) {
      if (r.created_at >= before) break;
      cut = r.seq;
    }
    return cut === null
      ? 0
      : this.store.run(this.store.k.deleteFrom('outbox').where('seq', '<=', cut)).changes;
  }

  /**
   * Forgets applied event ids made and applied before `before`, at most `limit` (oldest first, by stamp): the
   * idempotency record of events no device will send again. Failed ones stay (they are retried), and so does the
   * newest stamp (the clock restarts past it). An old id sent again after this is still applied once: every kind
   * is idempotent at the row (ticket events and rows by id, owner and marks last-writer-wins). How many.
   */
  pruneApplied(before: number, limit: number): number {
    // Stamps sort by their 13-digit wall clock first (shared/sync/hlc.ts), so the range walks the hlc index.
    const stampBefore = String(Math.max(0, before)).padStart(13, '0');
    return this.store.sqlite
      .prepare<[string, number, number]>(
        `DELETE FROM applied_events WHERE id IN (
           SELECT id FROM applied_events
           WHERE hlc < ? AND applied_at < ? AND status <> 'failed'
             AND hlc < (SELECT max(hlc) FROM applied_events)
           ORDER BY hlc LIMIT ?)`,
      )
      .run(stampBefore, before, limit).changes;
  }

  /**
   * A terminal's own journal: events the hub acknowledged before `before`, at most `limit`, oldest first. Unpushed
   * events always stay. (After its hub goes back to a copy the terminal re-sends what it pushed since the copy: a
   * copy older than the keeping time cannot be fully caught up from here.) How many.
   */
  prunePushed(before: number, limit: number): number {
    return this.store.sqlite
      .prepare<[number, number, number]>(
        `DELETE FROM outbox WHERE seq IN (
           SELECT seq FROM outbox WHERE pushed_at IS NOT NULL AND pushed_at < ? AND created_at < ?
           ORDER BY seq LIMIT ?)`,
      )
      .run(before, before, limit).changes;
  }

  head(): number {
    const r = this.store.first(this.store.k.selectFrom('outbox').select((e) => e.fn.max('seq').as('s')));
    return Number(r?.s ?? 0);
  }

  countByDevice(): Record<string, number> {
    const rows = this.store.all(
      this.store.k
        .selectFrom('outbox')
        .select(['device_id', (e) => e.fn.countAll<number>().as('n')])
        .groupBy('device_id'),
    );
    return Object.fromEntries(rows.map((r) => [r.device_id, Number(r.n)]));
  }

  /** This database's identity (HubIdentity); null until one is made. A backup copy is given its own. */
  identity(): HubIdentity | null {
    const epoch = this.getState(IDENTITY_KEYS.epoch);
    if (epoch === null) return null;
    const num = (key: string) => {
      const v = this.getState(key);
      return v === null ? null : Number(v);
    };
    return { epoch, copiedAt: num(IDENTITY_KEYS.copiedAt), copySeq: num(IDENTITY_KEYS.copySeq) };
  }

  getState(key: string): string | null {
    const r = this.store.first(this.store.k.selectFrom('sync_state').select('value').where('key', '=', key));
    return r?.value ?? null;
  }

  setState(key: string, value: string, at: number): void {
    this.store.run(
      this.store.k
        .insertInto('sync_state')
        .values({ key, value, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at })),
    );
  }
}
