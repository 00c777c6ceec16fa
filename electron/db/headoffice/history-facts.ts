import { sql, type Kysely, type Transaction } from 'kysely';
import { ticketMetrics } from '@shared/metrics/definitions';
import { applyEvent, type TicketEvent, type TicketState } from '@shared/queue';
import type { SyncEnvelope } from '@shared/sync/envelope';
import { markDaysStale } from './history-rollup';
import { updatePeople } from './history-people';
import type { HoDB } from './schema';

/**
 * The head office's history facts (migration 0003), kept in the push's transaction like the daily rollup:
 * - ho_ticket_facts: one row per ticket with the measures of shared/metrics (outcome, wait, walk, service), folded
 *   from the ticket's accepted events with the branch's own state machine (shared/queue applyEvent), so the
 *   figures are the ones the branch's ticket_facts hold for the same ticket.
 * - ho_outcome_facts: each suggestion outcome once, with its sign (−1 for an undo row, which names the row it
 *   cancels) — the branch's counting rule for outcomes (branch migration 0010).
 * - ho_complaint_facts: each complaint as its newest journalled version (the journal carries the whole row on
 *   every change).
 */

/** Events whose staff member is the one who served the ticket (as the branch's TicketRepo: start, resume, finish). */
const SERVING = new Set<string>(['start', 'resume', 'finish']);

export interface JournalTicketRow {
  id: string;
  device_id: string;
  hlc: string;
  payload: Record<string, unknown>;
}

export interface TicketFact {
  ticketId: string;
  day: string;
  queue: string;
  outcome: string;
  arrivedAt: number;
  waitMs: number | null;
  walkMs: number | null;
  serviceMs: number | null;
  staffId: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * A ticket's fact from its journalled events: the accepted ones in the branch log's order (`seq`), folded by the
 * shared state machine. Null while the head office lacks the ticket's issue event (a later push brings it).
 */
export function foldTicket(rows: readonly JournalTicketRow[]): TicketFact | null {
  const events = rows
    .filter((r) => r.payload.accepted === 1 || r.payload.accepted === true)
    .sort(
      (a, b) =>
        (num(a.payload.seq) ?? 0) - (num(b.payload.seq) ?? 0) || (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0),
    );
  let state: TicketState | null = null;
  let staffId: string | null = null;
  for (const r of events) {
    const p = r.payload;
    const ev: TicketEvent = {
      id: r.id,
      ticketId: str(p.ticketId) ?? '',
      type: str(p.type) as TicketEvent['type'],
      at: num(p.at) ?? 0,
      staffId: str(p.staffId),
      deviceId: r.device_id,
      counterId: str(p.counterId),
      payload: p.payload && typeof p.payload === 'object' ? (p.payload as Record<string, unknown>) : {},
    };
    const next = applyEvent(state, ev);
    if (!next.ok) continue;
    state = next.state;
    // The branch keeps the last serving staff member it knows (coalesce on each serving event).
    if (SERVING.has(ev.type) && ev.staffId) staffId = ev.staffId;
  }
  if (!state) return null;
  const m = ticketMetrics(state);
  return {
    ticketId: state.id,
    day: state.branchDay,
    queue: state.queue,
    outcome: m.outcome,
    arrivedAt: state.arrivedAt,
    waitMs: m.waitMs,
    walkMs: m.walkMs,
    serviceMs: m.serviceMs,
    staffId,
  };
}

type Db = Kysely<HoDB> | Transaction<HoDB>;

/** Refolds these tickets of a branch from everything the journal holds for them and upserts their facts. */
export async function refoldTickets(db: Db, branchId: string, ticketIds: readonly string[]): Promise<number> {
  if (ticketIds.length === 0) return 0;
  const r = await sql<JournalTicketRow & { entity_id: string }>`
    SELECT id, device_id, hlc, entity_id, payload FROM journal
    WHERE branch_id = ${branchId} AND kind = 'ticket_event' AND entity_id = ANY(${[...ticketIds]}::text[])`.execute(
    db,
  );
  const by = new Map<string, JournalTicketRow[]>();
  for (const row of r.rows) {
    const list = by.get(row.entity_id) ?? [];
    list.push(row);
    by.set(row.entity_id, list);
  }
  const facts: TicketFact[] = [];
  for (const rows of by.values()) {
    const f = foldTicket(rows);
    if (f) facts.push(f);
  }
  if (facts.length === 0) return 0;
  // Upserted in ticket order, so two pushes of one branch lock the rows in the same order.
  facts.sort((a, b) => (a.ticketId < b.ticketId ? -1 : 1));
  const col = <T>(f: (x: TicketFact) => T) => facts.map(f);
  await sql`
    INSERT INTO ho_ticket_facts (branch_id, ticket_id, day, queue, outcome, arrived_at, wait_ms, walk_ms, service_ms,
      staff_id)
    SELECT ${branchId}, t.* FROM unnest(${col((x) => x.ticketId)}::text[], ${col((x) => x.day)}::text[],
      ${col((x) => x.queue)}::text[], ${col((x) => x.outcome)}::text[], ${col((x) => x.arrivedAt)}::bigint[],
      ${col((x) => x.waitMs)}::bigint[], ${col((x) => x.walkMs)}::bigint[], ${col((x) => x.serviceMs)}::bigint[],
      ${col((x) => x.staffId)}::text[])
      AS t(ticket_id, day, queue, outcome, arrived_at, wait_ms, walk_ms, service_ms, staff_id)
    ON CONFLICT (branch_id, ticket_id) DO UPDATE SET day = excluded.day, queue = excluded.queue,
      outcome = excluded.outcome, arrived_at = excluded.arrived_at, wait_ms = excluded.wait_ms,
      walk_ms = excluded.walk_ms, service_ms = excluded.service_ms, staff_id = excluded.staff_id`.execute(db);
  await markDaysStale(
    db,
    branchId,
    facts.map((f) => f.day),
  );
  return facts.length;
}

/** The outcome and complaint envelopes of a push as fact rows (idempotent: replays change nothing). */
async function outcomeAndComplaintFacts(db: Db, branchId: string, events: readonly SyncEnvelope[]) {
  const outcomes = events.filter((e) => e.kind === 'suggestion_outcome' && str(e.payload.outcome) !== null);
  if (outcomes.length > 0) {
    const v = <T>(f: (e: SyncEnvelope) => T) => outcomes.map(f);
    await sql`
      INSERT INTO ho_outcome_facts (branch_id, id, at, product_code, outcome, staff_id, customer_no, campaign_id, sign)
      SELECT ${branchId}, t.* FROM unnest(${v((e) => e.id)}::text[], ${v((e) => num(e.payload.at) ?? 0)}::bigint[],
        ${v((e) => str(e.payload.productCode) ?? '')}::text[], ${v((e) => str(e.payload.outcome) ?? '')}::text[],
        ${v((e) => str(e.payload.staffId))}::text[], ${v((e) => str(e.payload.customerNo))}::text[],
        ${v((e) => str(e.payload.campaignId))}::text[],
        ${v((e) => (str(e.payload.undoesId) ? -1 : 1))}::integer[])
        AS t(id, at, product_code, outcome, staff_id, customer_no, campaign_id, sign)
      ORDER BY 2
      ON CONFLICT (branch_id, id) DO NOTHING`.execute(db);
  }
  const complaints = events
    .filter(
      (e) => (e.kind === 'complaint' || e.kind === 'complaint_resolved') && num(e.payload.createdAt) !== null,
    )
    .sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : a.hlc < b.hlc ? -1 : 1));
  // The newest version of each complaint in this push; the upsert keeps whichever is newer than what is stored.
  const newest = new Map<string, SyncEnvelope>();
  for (const e of complaints) newest.set(e.entityId, e);
  if (newest.size > 0) {
    const list = [...newest.values()];
    const v = <T>(f: (e: SyncEnvelope) => T) => list.map(f);
    await sql`
      INSERT INTO ho_complaint_facts (branch_id, id, hlc, category, status, created_at, deadline_at, resolved_at)
      SELECT ${branchId}, t.* FROM unnest(${v((e) => e.entityId)}::text[], ${v((e) => e.hlc)}::text[],
        ${v((e) => str(e.payload.category) ?? '')}::text[], ${v((e) => str(e.payload.status) ?? '')}::text[],
        ${v((e) => num(e.payload.createdAt) ?? 0)}::bigint[], ${v((e) => num(e.payload.deadlineAt) ?? 0)}::bigint[],
        ${v((e) => num(e.payload.resolvedAt))}::bigint[])
        AS t(id, hlc, category, status, created_at, deadline_at, resolved_at)
      ON CONFLICT (branch_id, id) DO UPDATE SET hlc = excluded.hlc, category = excluded.category,
        status = excluded.status, created_at = excluded.created_at, deadline_at = excluded.deadline_at,
        resolved_at = excluded.resolved_at
      WHERE excluded.hlc > ho_complaint_facts.hlc`.execute(db);
  }
}

/**
 * Brings the history facts up to date for a push's events, in the push's transaction (after the journal insert,
 * so a ticket's refold sees this push's events too). Safe to repeat: a refold gives the same row.
 */
export async function updateHistoryFacts(
  trx: Transaction<HoDB>,
  branchId: string,
  events: readonly SyncEnvelope[],
): Promise<void> {
  const tickets = [...new Set(events.filter((e) => e.kind === 'ticket_event').map((e) => e.entityId))].sort();
  await refoldTickets(trx, branchId, tickets);
  await outcomeAndComplaintFacts(trx, branchId, events);
  await updatePeople(trx, branchId, events);
}

/** Fills the facts from what the journal already holds (migration 0003), a page of tickets at a time. */
export async function backfillHistoryFacts(db: Kysely<HoDB>): Promise<void> {
  const branches = await db.selectFrom('branches').select('id').execute();
  for (const { id: branchId } of branches) {
    let after = '';
    for (;;) {
      const page = await sql<{ entity_id: string }>`
        SELECT DISTINCT entity_id FROM journal
        WHERE branch_id = ${branchId} AND kind = 'ticket_event' AND entity_id > ${after}
        ORDER BY entity_id LIMIT 2000`.execute(db);
      const ids = page.rows.map((r) => r.entity_id);
      if (ids.length === 0) break;
      await refoldTickets(db, branchId, ids);
      after = ids.at(-1) ?? after;
    }
  }
  await sql`
    INSERT INTO ho_outcome_facts (branch_id, id, at, product_code, outcome, staff_id, customer_no, campaign_id, sign)
    SELECT branch_id, id, coalesce((payload->>'at')::bigint, 0), coalesce(payload->>'productCode', ''),
      payload->>'outcome', payload->>'staffId', payload->>'customerNo', payload->>'campaignId',
      CASE WHEN payload->>'undoesId' IS NOT NULL THEN -1 ELSE 1 END
    FROM journal WHERE kind = 'suggestion_outcome' AND payload->>'outcome' IS NOT NULL
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`
    INSERT INTO ho_complaint_facts (branch_id, id, hlc, category, status, created_at, deadline_at, resolved_at)
    SELECT DISTINCT ON (branch_id, entity_id) branch_id, entity_id, hlc, coalesce(payload->>'category', ''),
      coalesce(payload->>'status', ''), (payload->>'createdAt')::bigint, coalesce((payload->>'deadlineAt')::bigint, 0),
      (payload->>'resolvedAt')::bigint
    FROM journal WHERE kind IN ('complaint', 'complaint_resolved') AND payload->>'createdAt' IS NOT NULL
    ORDER BY branch_id, entity_id, hlc DESC`.execute(db);
}
