import { sql, type Kysely } from 'kysely';

/** Forward-only. Never edit a released migration: add the next number instead. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('branch')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('counters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branch.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('queues', 'text', (c) => c.notNull())
    .addColumn('corporate_only', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('staff_state', 'text', (c) => c.notNull().defaultTo('closed'))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('counters_branch_number', ['branch_id', 'number'])
    .execute();

  await db.schema
    .createTable('staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text', (c) => c.references('counters.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('last_seen_at', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_no', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('corporate_type', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_hash', 'text')
    .addColumn('id_masked', 'text')
    .addColumn('id_enc', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('gender', 'text')
    .addColumn('segments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('relationship_type', 'text', (c) => c.notNull())
    .addColumn('corporate_grade', 'text')
    .addColumn('risk_level', 'integer')
    .addColumn('risk_assessed_at', 'integer')
    .addColumn('marketing_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('linked_customer_id', 'text', (c) =>
      c.references('customers.id').modifyEnd(sql`DEFERRABLE INITIALLY DEFERRED`),
    )
    .addColumn('aum_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('last_visit_at', 'integer')
    .addColumn('last_txn_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_id_hash').unique().on('customers').column('id_hash').execute();
  await db.schema.createIndex('customers_phone_hash').on('customers').column('phone_hash').execute();
  await db.schema.createIndex('customers_name').on('customers').column('name').execute();
  await db.schema.createIndex('customers_tier').on('customers').column('tier').execute();

  await db.schema
    .createTable('cards')
    .addColumn('card_hash', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('card_masked', 'text', (c) => c.notNull())
    .addColumn('card_enc', 'text')
    .execute();
  await db.schema.createIndex('cards_customer').on('cards').column('customer_id').execute();

  await db.schema
    .createTable('holdings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('product_type', 'text', (c) => c.notNull())
    .addColumn('product_code', 'text')
    .addColumn('balance_fen', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('holdings_customer').on('holdings').column('customer_id').execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'integer')
    .addColumn('spec', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_day', 'text', (c) => c.notNull())
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('display_no', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('services_done', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('counter_id', 'text', (c) => c.references('counters.id'))
    .addColumn('arrived_at', 'integer', (c) => c.notNull())
    .addColumn('called_at', 'integer')
    .addColumn('started_at', 'integer')
    .addColumn('finished_at', 'integer')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('tickets_day_queue_number', ['branch_day', 'queue', 'number'])
    .execute();
  await db.schema
    .createIndex('tickets_day_status')
    .on('tickets')
    .columns(['branch_day', 'status', 'queue'])
    .execute();
  await db.schema.createIndex('tickets_customer').on('tickets').column('customer_id').execute();

  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('staff_id', 'text')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('counter_id', 'text')
    .addColumn('at', 'integer', (c) => c.notNull())
    .addUniqueConstraint('ticket_events_ticket_seq', ['ticket_id', 'seq'])
    .execute();

  await db.schema
    .createTable('suggestion_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('product_code', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outcomes_customer').on('suggestion_outcomes').column('customer_id').execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('ticket_id', 'text', (c) => c.references('tickets.id'))
    .addColumn('product_code', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('staff.id'))
    .addColumn('due_at', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'integer')
    .execute();
  await db.schema
    .createIndex('follow_ups_assignee')
    .on('follow_ups')
    .columns(['assignee_id', 'status', 'due_at'])
    .execute();
  await db.schema.createIndex('follow_ups_customer').on('follow_ups').column('customer_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  // The audit trail is append-only, even for code with a DB handle.
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
    db,
  );
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(
    db,
  );

  await db.schema
    .createTable('settings')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('note', 'text')
    .execute();
}
