import { sql, type Kysely } from 'kysely';

/**
 * Step 15 — consent across branches: a withdrawal (or grant) recorded at one branch reaches the others through the
 * head office. The events already arrive in `journal` (kind `consent`, pushed like any other); branches read them
 * back in `seq` order from `/api/ho/consent`, so this partial index keeps that read off the rest of the journal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX journal_consent_seq ON journal (seq) WHERE kind = 'consent'`.execute(db);
}
