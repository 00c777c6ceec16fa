import { sql, type Kysely } from 'kysely';

/**
 * Step 14 follow-up — the relationship loop reaches the head office: the contact log (appended), a customer's
 * contact marks (do-not-contact, high risk; the whole row, the later one wins) and owner assignments are journalled
 * into `ho_journal` (0006) by triggers in the same transaction, like the other events of a branch; rows written
 * before this migration are journalled once here. Each carries the customer number, which is how another branch or
 * the head office finds its own copy of the customer. Free text was masked when it was written (API and sync).
 */
const customerNo = (col: string) => `(SELECT customer_no FROM customers WHERE id = ${col})`;

interface Source {
  table: string;
  /** The row's id as the journal names it. */
  id: string;
  at: string;
  orderBy: string;
  /** Columns whose change is journalled as an update (absent: inserts only). */
  updates?: string[];
  payload: (op: 'insert' | 'update', r: string) => string;
}

const SOURCES: Source[] = [
  {
    table: 'contacts',
    id: 'id',
    at: 'at',
    orderBy: 'at, id',
    payload: (op, r) => `json_object('op', '${op}', 'id', ${r}.id, 'customerId', ${r}.customer_id,
      'customerNo', ${customerNo(`${r}.customer_id`)}, 'staffId', ${r}.staff_id, 'at', ${r}.at,
      'branchDay', ${r}.branch_day, 'channel', ${r}.channel, 'result', ${r}.result, 'rule', ${r}.rule,
      'reason', ${r}.reason, 'note', ${r}.note, 'nextStep', ${r}.next_step, 'nextAt', ${r}.next_at,
      'churnReason', ${r}.churn_reason, 'aumFen', ${r}.aum_fen)`,
  },
  {
    table: 'customer_marks',
    id: 'customer_id',
    at: 'updated_at',
    orderBy: 'updated_at, customer_id',
    updates: ['do_not_contact', 'high_risk', 'note', 'updated_at'],
    payload: (op, r) => `json_object('op', '${op}', 'customerId', ${r}.customer_id,
      'customerNo', ${customerNo(`${r}.customer_id`)}, 'doNotContact', ${r}.do_not_contact,
      'highRisk', ${r}.high_risk, 'note', ${r}.note, 'updatedBy', ${r}.updated_by, 'updatedAt', ${r}.updated_at)`,
  },
  {
    table: 'customer_owners',
    id: 'customer_id',
    at: 'assigned_at',
    orderBy: 'assigned_at, customer_id',
    updates: ['owner_id', 'backup_id', 'assigned_at'],
    payload: (op, r) => `json_object('op', '${op}', 'customerId', ${r}.customer_id,
      'customerNo', ${customerNo(`${r}.customer_id`)}, 'ownerId', ${r}.owner_id, 'backupId', ${r}.backup_id,
      'source', ${r}.source, 'assignedBy', ${r}.assigned_by, 'assignedAt', ${r}.assigned_at)`,
  },
];

const COLUMNS = 'source, row_id, op, at, device_id, hlc, payload';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of SOURCES) {
    await sql
      .raw(
        `INSERT INTO ho_journal (${COLUMNS})
         SELECT '${s.table}', ${s.id}, 'insert', ${s.at}, NULL, NULL, ${s.payload('insert', s.table)}
         FROM ${s.table} ORDER BY ${s.orderBy}`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ho_journal_${s.table}_insert AFTER INSERT ON ${s.table} BEGIN
           INSERT INTO ho_journal (${COLUMNS})
           VALUES ('${s.table}', NEW.${s.id}, 'insert', NEW.${s.at}, NULL, NULL, ${s.payload('insert', 'NEW')});
         END`,
      )
      .execute(db);
    if (s.updates) {
      const changed = s.updates.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
      await sql
        .raw(
          `CREATE TRIGGER ho_journal_${s.table}_update AFTER UPDATE ON ${s.table} WHEN ${changed} BEGIN
             INSERT INTO ho_journal (${COLUMNS})
             VALUES ('${s.table}', NEW.${s.id}, 'update', NEW.${s.at}, NULL, NULL, ${s.payload('update', 'NEW')});
           END`,
        )
        .execute(db);
    }
  }
}
