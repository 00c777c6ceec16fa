import { sql, type Kysely } from 'kysely';

/**
 * Step 12 — appointments (预约): bookings with their short code and the external id a bank's app sends (unique
 * when given, so a retried POST finds the same booking), the branch API keys those apps use (only the SHA-256
 * stored), and the outbox of customer notifications (one per booking and kind, sent by a pluggable sender).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('slot_at', 'integer', (c) => c.notNull())
    .addColumn('slot_day', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('api_key_id', 'text')
    .addColumn('ticket_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('checked_in_at', 'integer')
    .addColumn('called_at', 'integer')
    .addColumn('cancelled_at', 'integer')
    .addColumn('cancel_reason', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  // One booking per external id and key; NULLs (desk bookings) never collide.
  await sql`CREATE UNIQUE INDEX appointments_external ON appointments (api_key_id, external_id)
    WHERE external_id IS NOT NULL`.execute(db);
  await db.schema
    .createIndex('appointments_day')
    .on('appointments')
    .columns(['slot_day', 'service', 'status'])
    .execute();
  await db.schema
    .createIndex('appointments_customer')
    .on('appointments')
    .columns(['customer_id', 'slot_day'])
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_used_at', 'integer')
    .addColumn('revoked_at', 'integer')
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointments.id'))
    .addColumn('customer_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recipient_masked', 'text')
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'integer')
    .addColumn('error', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('notifications_once', ['appointment_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('notifications_due')
    .on('notifications')
    .columns(['status', 'due_at'])
    .execute();
}
