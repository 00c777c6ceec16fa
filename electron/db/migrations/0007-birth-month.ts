import { sql, type Kysely } from 'kysely';

/**
 * Step 9 — a masked ID (`330106********0313`) beside the full birth date gives the whole number back (the hidden
 * digits are the birth date). Only the year and month stay at rest, which is all the age rules need (an age from
 * year and month is counted conservatively, see shared/customer/age.ts). Forward-only: the full dates are gone.
 * secure_delete zeroes the pages the old values leave behind, so they are not found in the file either.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`PRAGMA secure_delete = ON`.execute(db);
  await sql`ALTER TABLE customers ADD COLUMN birth_month TEXT`.execute(db);
  await sql`UPDATE customers SET birth_month = substr(birth_date, 1, 7), birth_date = NULL
    WHERE birth_date IS NOT NULL`.execute(db);
  // The emptied column stays (always NULL, no longer in the schema types): DROP COLUMN left this connection unable
  // to checkpoint its WAL after a journal-mode switch (SQLITE_LOCKED in electron/db/bulk-journal.test.ts).
}
