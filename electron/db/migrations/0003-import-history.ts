import { sql, type Kysely } from 'kysely';

/**
 * Step 4 — real data in and out: a record of every applied import, and the AUM/tier of each
 * customer per balance date, so a newer balance file can replace the current snapshot while
 * tier migrations (中端 → 高端 …) stay reportable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text')
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('stale', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('staff_id', 'text')
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_runs_finished').on('import_runs').column('finished_at').execute();

  await sql`CREATE TABLE aum_snapshots (
    customer_id TEXT NOT NULL REFERENCES customers(id),
    as_of INTEGER NOT NULL,
    aum_fen INTEGER NOT NULL,
    tier TEXT NOT NULL,
    import_id TEXT,
    PRIMARY KEY (customer_id, as_of)
  ) WITHOUT ROWID`.execute(db);
  await db.schema.createIndex('aum_snapshots_as_of').on('aum_snapshots').columns(['as_of', 'tier']).execute();
}
