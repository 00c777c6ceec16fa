import { sql, type Kysely } from 'kysely';

/**
 * Step 16 — settings from the head office and local overrides.
 * - `settings.origin`: who made a version: 'local' (the branch's own save or rollback) or 'headoffice' (a pull).
 * - `settings_ho_baseline`: per setting ("customer.tiers"), the value the head office last sent, with the head-office
 *   versions it came from and whether it was mandatory. The branch's value equal to it = from head office, different
 *   = a local override that the next non-mandatory push keeps (shared/config/ho-overrides.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE settings ADD COLUMN origin TEXT NOT NULL DEFAULT 'local'`.execute(db);
  await sql`CREATE TABLE settings_ho_baseline (
    path TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    ho_versions TEXT NOT NULL,
    mandatory INTEGER NOT NULL DEFAULT 0,
    received_at INTEGER NOT NULL,
    settings_version INTEGER
  )`.execute(db);
}
