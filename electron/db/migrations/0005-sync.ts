import { sql, type Kysely } from 'kysely';

/**
 * Step 6 — offline-first replication (electron/sync/CONFLICTS.md).
 * - outbox: the journal of envelopes (shared/sync/envelope.ts). A terminal's holds the events it made, marked
 *   `pushed_at` once the hub has them; the hub's holds every event it applied (its own and its terminals'), in
 *   arrival order (`seq`), which terminals pull by and the head office is pushed.
 * - applied_events: every event id this install has, for idempotency (applying twice changes nothing).
 * - sync_state: key/value of this device (hub URL, device token, pull cursor, last sync …).
 * - number_blocks: ticket numbers reserved per terminal, per day and queue (shared/sync/blocks.ts).
 * - sync_devices: the terminals a hub has enrolled, with the hash of their device token.
 * - sync_notices: what a counter must be told after a merge (its call did not stand …).
 * - customer_field_clock: the HLC of the last write of each profile field (last-writer-wins).
 * - ticket_events gains `hlc` (merge order) and `accepted` (a refused event stays in the log, not in the state).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    device_id TEXT NOT NULL,
    branch_code TEXT NOT NULL,
    hlc TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    pushed_at INTEGER
  )`.execute(db);
  await sql`CREATE INDEX outbox_unpushed ON outbox (seq) WHERE pushed_at IS NULL`.execute(db);

  await sql`CREATE TABLE applied_events (
    id TEXT PRIMARY KEY,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    envelope TEXT,
    applied_at INTEGER NOT NULL
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX applied_events_hlc ON applied_events (hlc)`.execute(db);
  await sql`CREATE INDEX applied_events_failed ON applied_events (status) WHERE status = 'failed'`.execute(
    db,
  );

  await sql`CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE number_blocks (
    branch_day TEXT NOT NULL,
    queue TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    device_id TEXT NOT NULL,
    reserved_at INTEGER NOT NULL,
    PRIMARY KEY (branch_day, queue, start)
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE sync_devices (
    device_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_by TEXT,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER,
    revoked_at INTEGER
  )`.execute(db);

  await sql`CREATE TABLE sync_notices (
    id TEXT PRIMARY KEY,
    at INTEGER NOT NULL,
    counter_id TEXT,
    device_id TEXT NOT NULL,
    ticket_id TEXT,
    display_no TEXT,
    event_id TEXT NOT NULL UNIQUE,
    code TEXT NOT NULL,
    zh TEXT NOT NULL,
    en TEXT NOT NULL,
    seen_at INTEGER
  )`.execute(db);
  await sql`CREATE INDEX sync_notices_counter ON sync_notices (counter_id, at)`.execute(db);

  await sql`CREATE TABLE customer_field_clock (
    customer_id TEXT NOT NULL,
    field TEXT NOT NULL,
    hlc TEXT NOT NULL,
    device_id TEXT NOT NULL,
    PRIMARY KEY (customer_id, field)
  ) WITHOUT ROWID`.execute(db);

  await sql`ALTER TABLE ticket_events ADD COLUMN hlc TEXT`.execute(db);
  await sql`ALTER TABLE ticket_events ADD COLUMN accepted INTEGER NOT NULL DEFAULT 1`.execute(db);
  // Events from before replication get a stamp that replays them in their log order: the running maximum of
  // their times within the ticket (a clock set back must not reorder them), then their position.
  await sql`UPDATE ticket_events SET hlc = printf('%013d:%04x:%s', w.m, ticket_events.seq % 65536, ticket_events.device_id)
    FROM (SELECT id, max(at) OVER (PARTITION BY ticket_id ORDER BY seq) AS m FROM ticket_events) AS w
    WHERE w.id = ticket_events.id AND ticket_events.hlc IS NULL`.execute(db);
  await sql`CREATE INDEX ticket_events_ticket_hlc ON ticket_events (ticket_id, hlc)`.execute(db);
}
