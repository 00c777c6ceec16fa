import { sql, type Kysely } from 'kysely';

/**
 * Step 15 — consent at the desk: every grant or withdrawal, per purpose, is an appended event (never edited), so
 * copies that merge after sync agree on what stands (the latest per purpose, by time then id). The imported
 * `customers.marketing_consent` stays as the import left it; a desk event takes precedence over it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE consent_events (
    id TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL REFERENCES customers(id),
    purpose TEXT NOT NULL,
    granted INTEGER NOT NULL,
    scope TEXT NOT NULL,
    channel TEXT NOT NULL,
    text_version TEXT NOT NULL,
    signed INTEGER NOT NULL DEFAULT 0,
    note TEXT,
    staff_id TEXT NOT NULL,
    at INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX consent_events_customer ON consent_events (customer_id, purpose, at)`.execute(db);
}
