import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'integer', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('resolved_at', 'integer')
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema
    .createIndex('complaints_status')
    .on('complaints')
    .columns(['status', 'deadline_at'])
    .execute();
  await db.schema.createIndex('complaints_customer').on('complaints').column('customer_id').execute();
  await db.schema.createIndex('outcomes_ticket').on('suggestion_outcomes').column('ticket_id').execute();
}
