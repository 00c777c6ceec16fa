import { sql, type Kysely } from 'kysely';

/**
 * Head office on PostgreSQL. Forward-only: never edit a released migration, add the next number.
 * Master tables mirror the branch schema's columns (0001-initial of the branch) with `branch_id`;
 * integers that hold times or fen are BIGINT.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE SEQUENCE master_rev`.execute(db);
  const rev = sql`nextval('master_rev')`;
  // HLC stamps order by plain byte comparison; a locale collation would skip the ':' separators.
  const hlcType = sql`text COLLATE "C"`;

  await db.schema
    .createTable('branches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('branch_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.references('branches.id'))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope IN ('branch', 'admin')`))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .addCheckConstraint('branch_keys_scope_branch', sql`(scope = 'branch') = (branch_id IS NOT NULL)`)
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('customer_no', 'text', (c) => c.notNull())
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
    .addColumn('risk_assessed_at', 'bigint')
    .addColumn('marketing_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('linked_customer_id', 'text')
    .addColumn('aum_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('last_visit_at', 'bigint')
    .addColumn('last_txn_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('pii_key_id', 'text')
    .addColumn('rev', 'bigint', (c) => c.notNull().defaultTo(rev))
    .addPrimaryKeyConstraint('customers_pk', ['branch_id', 'customer_no'])
    .addUniqueConstraint('customers_branch_id', ['branch_id', 'id'])
    .execute();
  await db.schema.createIndex('customers_rev').on('customers').columns(['branch_id', 'rev']).execute();

  await db.schema
    .createTable('cards')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('card_hash', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('card_masked', 'text', (c) => c.notNull())
    .addColumn('card_enc', 'text')
    .addPrimaryKeyConstraint('cards_pk', ['branch_id', 'card_hash'])
    .addForeignKeyConstraint(
      'cards_customer',
      ['branch_id', 'customer_id'],
      'customers',
      ['branch_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('cards_customer').on('cards').columns(['branch_id', 'customer_id']).execute();

  await db.schema
    .createTable('holdings')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('product_type', 'text', (c) => c.notNull())
    .addColumn('product_code', 'text')
    .addColumn('balance_fen', 'bigint', (c) => c.notNull())
    .addColumn('as_of', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('holdings_pk', ['branch_id', 'id'])
    .addForeignKeyConstraint(
      'holdings_customer',
      ['branch_id', 'customer_id'],
      'customers',
      ['branch_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('holdings_customer')
    .on('holdings')
    .columns(['branch_id', 'customer_id'])
    .execute();

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
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.references('branches.id'))
    .addColumn('rev', 'bigint', (c) => c.notNull().defaultTo(rev))
    .execute();
  await db.schema.createIndex('products_rev').on('products').column('rev').execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.references('branches.id'))
    .addColumn('spec', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('rev', 'bigint', (c) => c.notNull().defaultTo(rev))
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('version', 'bigserial', (c) => c.primaryKey())
    .addColumn('branch_id', 'text', (c) => c.references('branches.id'))
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('note', 'text')
    .addColumn('rev', 'bigint', (c) => c.notNull().defaultTo(rev))
    .execute();
  await db.schema.createIndex('settings_branch').on('settings').columns(['branch_id', 'version']).execute();

  await db.schema
    .createTable('journal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigserial', (c) => c.notNull().unique())
    .addColumn('branch_id', 'text', (c) => c.notNull().references('branches.id'))
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('hlc', hlcType, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journal_branch_kind').on('journal').columns(['branch_id', 'kind']).execute();
  await db.schema.createIndex('journal_branch_hlc').on('journal').columns(['branch_id', 'hlc']).execute();

  await db.schema
    .createTable('branch_cursors')
    .addColumn('branch_id', 'text', (c) => c.primaryKey().references('branches.id'))
    .addColumn('last_hlc', hlcType)
    .addColumn('events', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicates', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pushes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_push_at', 'bigint')
    .addColumn('pulled_rev', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_pull_at', 'bigint')
    .execute();
}
