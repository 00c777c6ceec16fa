import { sql, type Kysely } from 'kysely';

/**
 * Step 5 — security: read-only tokens for lobby displays on the LAN, indexes for the audit screen's
 * filters, and immutability of the audit trail and of saved settings versions enforced by SQLite itself,
 * so no code path (API, import, a bug) can rewrite history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('display_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // SHA-256 of the token: a copied database does not hand out working display links.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_seen_at', 'integer')
    .addColumn('revoked_at', 'integer')
    .execute();

  await db.schema.createIndex('audit_log_action_at').on('audit_log').columns(['action', 'at']).execute();
  await db.schema.createIndex('audit_log_staff_at').on('audit_log').columns(['staff_id', 'at']).execute();
  await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_id', 'at']).execute();
  await db.schema.createIndex('sessions_staff').on('sessions').column('staff_id').execute();

  // 0001 created these; IF NOT EXISTS keeps a database whose triggers were dropped by hand from staying open.
  await sql`CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
    db,
  );
  // A settings version is what was in force at a time; a rollback adds a new version instead.
  await sql`CREATE TRIGGER settings_no_update BEFORE UPDATE ON settings BEGIN SELECT RAISE(ABORT, 'settings versions are immutable'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER settings_no_delete BEFORE DELETE ON settings BEGIN SELECT RAISE(ABORT, 'settings versions are immutable'); END`.execute(
    db,
  );
}
