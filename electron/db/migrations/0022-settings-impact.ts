import { sql, type Kysely } from 'kysely';

/**
 * Step 16 — settings a branch manager can use.
 * - `customers(aum_fen)`: the preview of a tier-band change counts the customers between two AUM bounds and picks
 *   the biggest moves from the index alone, instead of reading every customer row (1,000,000 in < 2 s, P10).
 * - `settings.effective_at`: a version may take effect later (a new campaign next Monday); NULL = when saved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX customers_aum ON customers (aum_fen)`.execute(db);
  await sql`ALTER TABLE settings ADD COLUMN effective_at INTEGER`.execute(db);
}
