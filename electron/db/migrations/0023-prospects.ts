import { sql, type Kysely } from 'kysely';

/**
 * Step 15 (rest) — walk-in prospects, the consent texts as read, consent to the head office.
 *
 * - `prospects`: a walk-in who is not a customer left a name and phone WITH consent, for an RM to follow up. The
 *   phone is stored like a customer's (keyed hash for matching, AES-GCM for the logged reveal, the mask); a
 *   withdrawal erases name and phone (the row stays, so the follow-up shows it was withdrawn). `customer_id` links
 *   the prospect once the same phone becomes a customer (import or identification).
 * - `prospect_consents`: a prospect's grants and withdrawals, appended like `consent_events` (a prospect is no
 *   customer, so it cannot go there); copied under the same ids into `consent_events` when the prospect is linked.
 * - `consent_texts`: the exact words of each text version as the customer read them, so a slip printed later shows
 *   the wording agreed to even after the settings changed.
 * - Head-office journal (0006): consent events (with the customer number, which is how another branch finds its
 *   own copy of the customer), prospects (hash, ciphertext and mask only, never the clear phone) and prospect
 *   consents go up like the other events; rows written before this migration are journalled once here.
 */
const customerNo = (col: string) => `(SELECT customer_no FROM customers WHERE id = ${col})`;

interface Source {
  table: string;
  at: string;
  orderBy: string;
  updates?: string[];
  payload: (op: 'insert' | 'update', r: string) => string;
}

const SOURCES: Source[] = [
  {
    table: 'consent_events',
    at: 'at',
    orderBy: 'at, id',
    payload: (op, r) => `json_object('op', '${op}', 'id', ${r}.id, 'customerId', ${r}.customer_id,
      'customerNo', ${customerNo(`${r}.customer_id`)}, 'purpose', ${r}.purpose, 'granted', ${r}.granted,
      'scope', ${r}.scope, 'channel', ${r}.channel, 'textVersion', ${r}.text_version, 'signed', ${r}.signed,
      'note', ${r}.note, 'staffId', ${r}.staff_id, 'at', ${r}.at)`,
  },
  {
    table: 'prospects',
    at: 'updated_at',
    orderBy: 'created_at, id',
    updates: ['status', 'assignee_id', 'customer_id', 'phone_hash', 'name', 'closed_at'],
    payload: (op, r) => `json_object('op', '${op}', 'id', ${r}.id, 'name', ${r}.name,
      'phoneHash', ${r}.phone_hash, 'phoneMasked', ${r}.phone_masked, 'phoneEnc', ${r}.phone_enc,
      'intent', ${r}.intent, 'note', ${r}.note, 'assigneeId', ${r}.assignee_id, 'dueAt', ${r}.due_at,
      'status', ${r}.status, 'customerId', ${r}.customer_id, 'customerNo', ${customerNo(`${r}.customer_id`)},
      'createdBy', ${r}.created_by, 'createdAt', ${r}.created_at, 'closedAt', ${r}.closed_at)`,
  },
  {
    table: 'prospect_consents',
    at: 'at',
    orderBy: 'at, id',
    payload: (op, r) => `json_object('op', '${op}', 'id', ${r}.id, 'prospectId', ${r}.prospect_id,
      'purpose', ${r}.purpose, 'granted', ${r}.granted, 'scope', ${r}.scope, 'channel', ${r}.channel,
      'textVersion', ${r}.text_version, 'staffId', ${r}.staff_id, 'at', ${r}.at)`,
  },
];

const COLUMNS = 'source, row_id, op, at, device_id, hlc, payload';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE prospects (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    phone_hash TEXT,
    phone_masked TEXT,
    phone_enc TEXT,
    intent TEXT,
    note TEXT,
    assignee_id TEXT REFERENCES staff(id),
    due_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    customer_id TEXT REFERENCES customers(id),
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    closed_at INTEGER
  )`.execute(db);
  await sql`CREATE INDEX prospects_phone ON prospects (phone_hash) WHERE phone_hash IS NOT NULL`.execute(db);
  await sql`CREATE INDEX prospects_open ON prospects (status, due_at)`.execute(db);

  await sql`CREATE TABLE prospect_consents (
    id TEXT PRIMARY KEY,
    prospect_id TEXT NOT NULL REFERENCES prospects(id),
    purpose TEXT NOT NULL,
    granted INTEGER NOT NULL,
    scope TEXT NOT NULL,
    channel TEXT NOT NULL,
    text_version TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    at INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX prospect_consents_prospect ON prospect_consents (prospect_id, at)`.execute(db);

  await sql`CREATE TABLE consent_texts (
    version TEXT NOT NULL,
    purpose TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    title_en TEXT NOT NULL,
    text_zh TEXT NOT NULL,
    text_en TEXT NOT NULL,
    first_used_at INTEGER NOT NULL,
    PRIMARY KEY (version, purpose)
  ) WITHOUT ROWID`.execute(db);

  for (const s of SOURCES) {
    await sql
      .raw(
        `INSERT INTO ho_journal (${COLUMNS})
         SELECT '${s.table}', id, 'insert', ${s.at}, NULL, NULL, ${s.payload('insert', s.table)}
         FROM ${s.table} ORDER BY ${s.orderBy}`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ho_journal_${s.table}_insert AFTER INSERT ON ${s.table} BEGIN
           INSERT INTO ho_journal (${COLUMNS})
           VALUES ('${s.table}', NEW.id, 'insert', NEW.${s.at}, NULL, NULL, ${s.payload('insert', 'NEW')});
         END`,
      )
      .execute(db);
    if (s.updates) {
      const changed = s.updates.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
      await sql
        .raw(
          `CREATE TRIGGER ho_journal_${s.table}_update AFTER UPDATE ON ${s.table} WHEN ${changed} BEGIN
             INSERT INTO ho_journal (${COLUMNS})
             VALUES ('${s.table}', NEW.id, 'update', NEW.${s.at}, NULL, NULL, ${s.payload('update', 'NEW')});
           END`,
        )
        .execute(db);
    }
  }
}
