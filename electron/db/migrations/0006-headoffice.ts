import { sql, type Kysely } from 'kysely';

/**
 * Step 6 — the hub's journal for the head office (electron/sync/headoffice/).
 *
 * `ho_journal` is filled by triggers in the same transaction as the change, whoever makes it (an
 * API route, an import, a terminal's event applied by the replicator): every ticket event,
 * outcome, audit row, new follow-up or complaint, and every later change of a follow-up or
 * complaint, with the row as it was then (JSON). The uploader pushes it in `seq` order (an
 * AUTOINCREMENT key never goes back or gets reused) and deletes what the head office has
 * acknowledged; `ho_sync_state` keeps its cursors. Rows written before this migration are
 * journalled once here, oldest first.
 */

/** SQLite's clock in epoch ms, for changes whose row carries no time of its own. */
const NOW_MS = `CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;

const json = (col: string) => `CASE WHEN json_valid(${col}) THEN json(${col}) ELSE ${col} END`;
const customerNo = (col: string) => `(SELECT customer_no FROM customers WHERE id = ${col})`;

interface Source {
  table: string;
  /** Expressions over the row alias `r`. */
  at: string;
  deviceId: string;
  hlc: string;
  payload: (op: 'insert' | 'update') => string;
  orderBy: string;
  /** Columns whose change is journalled (none: the table is append-only). */
  updates?: string[];
}

const SOURCES: Source[] = [
  {
    table: 'ticket_events',
    at: 'r.at',
    deviceId: 'r.device_id',
    hlc: 'r.hlc',
    orderBy: 'at, seq',
    payload: (op) => `json_object('op', '${op}', 'ticketId', r.ticket_id, 'seq', r.seq, 'type', r.type,
      'payload', ${json('r.payload')}, 'staffId', r.staff_id, 'counterId', r.counter_id, 'at', r.at,
      'accepted', r.accepted,
      'ticket', (SELECT json_object('queue', t.queue, 'displayNo', t.display_no, 'branchDay', t.branch_day,
        'channel', t.channel, 'customerNo', c.customer_no)
        FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = r.ticket_id))`,
  },
  {
    table: 'suggestion_outcomes',
    at: 'r.at',
    deviceId: 'NULL',
    hlc: 'NULL',
    orderBy: 'at, id',
    payload: (op) => `json_object('op', '${op}', 'ticketId', r.ticket_id, 'customerId', r.customer_id,
      'customerNo', ${customerNo('r.customer_id')}, 'productCode', r.product_code, 'outcome', r.outcome,
      'reason', r.reason, 'note', r.note, 'staffId', r.staff_id, 'at', r.at)`,
  },
  {
    table: 'follow_ups',
    at: `coalesce(r.done_at, r.created_at)`,
    deviceId: 'NULL',
    hlc: 'NULL',
    orderBy: 'created_at, id',
    updates: ['status', 'due_at', 'assignee_id', 'note', 'done_at'],
    payload: (op) => `json_object('op', '${op}', 'customerId', r.customer_id,
      'customerNo', ${customerNo('r.customer_id')}, 'ticketId', r.ticket_id, 'productCode', r.product_code,
      'kind', r.kind, 'assigneeId', r.assignee_id, 'dueAt', r.due_at, 'status', r.status, 'note', r.note,
      'createdBy', r.created_by, 'createdAt', r.created_at, 'doneAt', r.done_at)`,
  },
  {
    table: 'complaints',
    at: `coalesce(r.resolved_at, r.created_at)`,
    deviceId: 'NULL',
    hlc: 'NULL',
    orderBy: 'created_at, id',
    updates: ['status', 'resolution', 'resolved_at', 'resolved_by', 'deadline_at'],
    payload: (op) => `json_object('op', '${op}', 'customerId', r.customer_id,
      'customerNo', ${customerNo('r.customer_id')}, 'ticketId', r.ticket_id, 'category', r.category,
      'description', r.description, 'status', r.status, 'deadlineAt', r.deadline_at, 'resolution', r.resolution,
      'createdBy', r.created_by, 'createdAt', r.created_at, 'resolvedAt', r.resolved_at, 'resolvedBy', r.resolved_by)`,
  },
  {
    table: 'audit_log',
    at: 'r.at',
    deviceId: 'NULL',
    hlc: 'NULL',
    orderBy: 'at, id',
    payload: (op) => `json_object('op', '${op}', 'at', r.at, 'staffId', r.staff_id, 'action', r.action,
      'targetType', r.target_type, 'targetId', r.target_id, 'reason', r.reason, 'detail', ${json('r.detail')})`,
  },
];

const COLUMNS = 'source, row_id, op, at, device_id, hlc, payload';

/** The same expressions for the backfill (alias r = the table) and the triggers (r = NEW). */
function values(s: Source, op: 'insert' | 'update', alias: string): string {
  const exprs = [
    `'${s.table}'`,
    'r.id',
    `'${op}'`,
    op === 'update' ? `coalesce(${s.at}, ${NOW_MS})` : s.at,
    s.deviceId,
    s.hlc,
    s.payload(op),
  ];
  return exprs.join(', ').replace(/\br\./g, `${alias}.`);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ho_journal (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL,
    at INTEGER NOT NULL,
    device_id TEXT,
    hlc TEXT,
    payload TEXT NOT NULL
  )`.execute(db);

  await sql`CREATE TABLE ho_sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID`.execute(db);

  for (const s of SOURCES) {
    await sql
      .raw(
        `INSERT INTO ho_journal (${COLUMNS}) SELECT ${values(s, 'insert', s.table)} FROM ${s.table} ORDER BY ${s.orderBy}`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ho_journal_${s.table}_insert AFTER INSERT ON ${s.table} BEGIN
           INSERT INTO ho_journal (${COLUMNS}) VALUES (${values(s, 'insert', 'NEW')});
         END`,
      )
      .execute(db);
    if (s.updates) {
      const changed = s.updates.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
      await sql
        .raw(
          `CREATE TRIGGER ho_journal_${s.table}_update AFTER UPDATE ON ${s.table} WHEN ${changed} BEGIN
             INSERT INTO ho_journal (${COLUMNS}) VALUES (${values(s, 'update', 'NEW')});
           END`,
        )
        .execute(db);
    }
  }
}
