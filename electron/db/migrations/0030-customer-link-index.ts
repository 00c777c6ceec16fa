import { sql, type Kysely } from 'kysely';

/**
 * 公私联动: a company's linked people are found by `linked_customer_id`, and deleting or re-linking a customer checks
 * the foreign key from the other side. Without an index both scan the whole customer table (a million rows at a
 * large branch). Partial: most customers link to nobody.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX IF NOT EXISTS customers_linked ON customers (linked_customer_id)
    WHERE linked_customer_id IS NOT NULL`.execute(db);
}
