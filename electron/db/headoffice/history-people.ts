import { sql, type Kysely, type Transaction } from 'kysely';
import type { SyncEnvelope } from '@shared/sync/envelope';
import type { HoDB } from './schema';

/**
 * The balance snapshots and staff members the branches journal (branch migration 0027), kept by push in the same
 * transaction as the journal insert (head-office migration 0006), and read by the cross-branch history: the tier
 * migration matrix and the per-staff names. Each row is the newest version the head office has seen (by HLC), so a
 * re-sent push or an older version arriving late changes nothing.
 */

type Db = Kysely<HoDB> | Transaction<HoDB>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The newest envelope per entity of one kind, in entity order (two pushes lock rows in the same order). */
function newestOf(
  events: readonly SyncEnvelope[],
  kind: SyncEnvelope['kind'],
  ok: (e: SyncEnvelope) => boolean,
) {
  const by = new Map<string, SyncEnvelope>();
  for (const e of events) {
    if (e.kind !== kind || !ok(e)) continue;
    const cur = by.get(e.entityId);
    if (!cur || e.hlc > cur.hlc) by.set(e.entityId, e);
  }
  return [...by.values()].sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
}

const snapshotOk = (e: SyncEnvelope) =>
  str(e.payload.customerId) !== null &&
  num(e.payload.asOf) !== null &&
  str(e.payload.tier) !== null &&
  num(e.payload.aumFen) !== null;
const staffOk = (e: SyncEnvelope) => str(e.payload.id) !== null && str(e.payload.displayName) !== null;

/** A push's snapshot and staff envelopes as rows (idempotent: a replay or an older version changes nothing). */
export async function updatePeople(db: Db, branchId: string, events: readonly SyncEnvelope[]): Promise<void> {
  const snaps = newestOf(events, 'balance_snapshot', snapshotOk);
  if (snaps.length > 0) {
    const v = <T>(f: (e: SyncEnvelope) => T) => snaps.map(f);
    await sql`
      INSERT INTO ho_balance_snapshots (branch_id, customer_id, as_of, customer_no, tier, aum_fen, hlc)
      SELECT ${branchId}, t.* FROM unnest(${v((e) => str(e.payload.customerId))}::text[],
        ${v((e) => num(e.payload.asOf))}::bigint[], ${v((e) => str(e.payload.customerNo))}::text[],
        ${v((e) => str(e.payload.tier))}::text[], ${v((e) => num(e.payload.aumFen))}::bigint[],
        ${v((e) => e.hlc)}::text[]) AS t(customer_id, as_of, customer_no, tier, aum_fen, hlc)
      ON CONFLICT (branch_id, customer_id, as_of) DO UPDATE SET customer_no = excluded.customer_no,
        tier = excluded.tier, aum_fen = excluded.aum_fen, hlc = excluded.hlc
      WHERE excluded.hlc > ho_balance_snapshots.hlc`.execute(db);
  }
  const staff = newestOf(events, 'staff', staffOk);
  if (staff.length > 0) {
    const v = <T>(f: (e: SyncEnvelope) => T) => staff.map(f);
    await sql`
      INSERT INTO ho_staff (branch_id, staff_id, display_name, role, active, hlc)
      SELECT ${branchId}, t.* FROM unnest(${v((e) => str(e.payload.id))}::text[],
        ${v((e) => str(e.payload.displayName))}::text[], ${v((e) => str(e.payload.role) ?? '')}::text[],
        ${v((e) => num(e.payload.active) ?? 1)}::integer[], ${v((e) => e.hlc)}::text[])
        AS t(staff_id, display_name, role, active, hlc)
      ON CONFLICT (branch_id, staff_id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role,
        active = excluded.active, hlc = excluded.hlc
      WHERE excluded.hlc > ho_staff.hlc`.execute(db);
  }
}

/** Fills both tables from what the journal holds (migration 0006; a rebuild). */
export async function backfillPeople(db: Kysely<HoDB>): Promise<void> {
  await sql`
    INSERT INTO ho_balance_snapshots (branch_id, customer_id, as_of, customer_no, tier, aum_fen, hlc)
    SELECT DISTINCT ON (branch_id, entity_id) branch_id, payload->>'customerId', (payload->>'asOf')::bigint,
      payload->>'customerNo', payload->>'tier', (payload->>'aumFen')::bigint, hlc
    FROM journal WHERE kind = 'balance_snapshot' AND payload->>'customerId' IS NOT NULL
      AND payload->>'asOf' IS NOT NULL AND payload->>'tier' IS NOT NULL AND payload->>'aumFen' IS NOT NULL
    ORDER BY branch_id, entity_id, hlc DESC
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    INSERT INTO ho_staff (branch_id, staff_id, display_name, role, active, hlc)
    SELECT DISTINCT ON (branch_id, entity_id) branch_id, payload->>'id', payload->>'displayName',
      coalesce(payload->>'role', ''), coalesce((payload->>'active')::integer, 1), hlc
    FROM journal WHERE kind = 'staff' AND payload->>'id' IS NOT NULL AND payload->>'displayName' IS NOT NULL
    ORDER BY branch_id, entity_id, hlc DESC
    ON CONFLICT DO NOTHING`.execute(db);
}
