import type { Kysely } from 'kysely';

/**
 * Step 13 — satisfaction feedback (评价器). `feedback_ratings` holds one row per finished visit that was rated (or
 * timed out as 未评价: answer 'none'); the unique ticket key is what makes "one answer per visit" hold on every
 * device, replication included. `feedback_pads` are the counters' pads, enrolled like lobby displays: only the
 * token's SHA-256 is stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feedback_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_id', 'text', (c) => c.notNull().unique().references('tickets.id'))
    .addColumn('counter_id', 'text')
    .addColumn('staff_id', 'text')
    .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('dimensions', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('branch_day', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'integer', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('escalation', 'text')
    .addColumn('complaint_id', 'text')
    .addColumn('follow_up_id', 'text')
    .execute();
  await db.schema
    .createIndex('feedback_ratings_staff_day')
    .on('feedback_ratings')
    .columns(['staff_id', 'branch_day', 'answer'])
    .execute();
  await db.schema.createIndex('feedback_ratings_at').on('feedback_ratings').column('at').execute();
  // The pad asks about its counter's last finished visit.
  await db.schema
    .createIndex('tickets_counter_finished')
    .on('tickets')
    .columns(['counter_id', 'finished_at'])
    .execute();

  await db.schema
    .createTable('feedback_pads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('counter_id', 'text', (c) => c.notNull().references('counters.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_seen_at', 'integer')
    .addColumn('revoked_at', 'integer')
    .execute();
}
