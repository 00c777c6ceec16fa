import { sql, type Kysely } from 'kysely';

/**
 * Step 16: a head-office settings version may be mandatory — at the branch it replaces a local override instead of
 * leaving it (shared/config/ho-overrides.ts). Earlier versions were not.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE settings ADD COLUMN mandatory integer NOT NULL DEFAULT 0`.execute(db);
}
