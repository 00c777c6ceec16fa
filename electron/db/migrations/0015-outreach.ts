import { sql, type Kysely } from 'kysely';

/**
 * Step 14 — 客户经营: who owns a valuable customer (owner and backup RM), the customer's contact marks
 * (do-not-contact, an imported high-risk mark), the contact log the outreach lists are worked with, the manager's
 * assignment of unowned customers' outreach, and the maturity date a holding may carry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE customer_owners (
    customer_id TEXT PRIMARY KEY REFERENCES customers(id),
    owner_id TEXT NOT NULL REFERENCES staff(id),
    backup_id TEXT REFERENCES staff(id),
    source TEXT NOT NULL,
    assigned_by TEXT,
    assigned_at INTEGER NOT NULL
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX customer_owners_owner ON customer_owners (owner_id)`.execute(db);
  await sql`CREATE INDEX customer_owners_backup ON customer_owners (backup_id) WHERE backup_id IS NOT NULL`.execute(
    db,
  );

  await sql`CREATE TABLE customer_marks (
    customer_id TEXT PRIMARY KEY REFERENCES customers(id),
    do_not_contact INTEGER NOT NULL DEFAULT 0,
    high_risk INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    updated_by TEXT,
    updated_at INTEGER NOT NULL
  ) WITHOUT ROWID`.execute(db);

  await sql`CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers(id),
    staff_id TEXT NOT NULL REFERENCES staff(id),
    at INTEGER NOT NULL,
    branch_day TEXT NOT NULL,
    channel TEXT NOT NULL,
    result TEXT NOT NULL,
    rule TEXT,
    reason TEXT,
    note TEXT,
    next_step TEXT,
    next_at INTEGER,
    churn_reason TEXT,
    aum_fen INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX contacts_customer ON contacts (customer_id, at)`.execute(db);
  await sql`CREATE INDEX contacts_day ON contacts (branch_day)`.execute(db);
  await sql`CREATE INDEX contacts_staff ON contacts (staff_id, at)`.execute(db);

  await sql`CREATE TABLE outreach_assignments (
    customer_id TEXT PRIMARY KEY REFERENCES customers(id),
    assignee_id TEXT NOT NULL REFERENCES staff(id),
    assigned_by TEXT,
    assigned_at INTEGER NOT NULL
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX outreach_assignments_assignee ON outreach_assignments (assignee_id)`.execute(db);

  await sql`ALTER TABLE holdings ADD COLUMN maturity_at INTEGER`.execute(db);
  await sql`CREATE INDEX holdings_maturity ON holdings (maturity_at) WHERE maturity_at IS NOT NULL`.execute(
    db,
  );
}
