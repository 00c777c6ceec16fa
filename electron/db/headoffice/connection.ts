import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { HO_LATEST_SCHEMA_VERSION, hoMigrationProvider, hoMigrations } from './migrations/index';
import type { HoDB } from './schema';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * BIGINT (times in ms, fen) and NUMERIC (sum() of BIGINT) come back as JS numbers: every value
 * here is far below 2^53, and the branch side works with numbers too.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export class HoSchemaTooNewError extends Error {
  constructor(readonly found: string) {
    super(`head-office schema ${found} is newer than this program (${HO_LATEST_SCHEMA_VERSION})`);
  }
}

/** The head office's PostgreSQL database: a pool, the typed query builder, and its migrations. */
export class HeadOfficeDb {
  readonly pool: pg.Pool;
  readonly k: Kysely<HoDB>;

  constructor(url: string, opts: { max?: number } = {}) {
    this.pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.k = new Kysely<HoDB>({ dialect: new PostgresDialect({ pool: this.pool }) });
  }

  async applied(): Promise<string[]> {
    const exists = await sql<{ t: string | null }>`SELECT to_regclass('kysely_migration')::text AS t`.execute(
      this.k,
    );
    if (!exists.rows[0]?.t) return [];
    const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(this.k);
    return r.rows.map((x) => x.name);
  }

  /** Forward-only; Kysely holds a PostgreSQL advisory lock, so two servers starting at once are safe. */
  async migrate(): Promise<string> {
    const unknown = (await this.applied()).filter((n) => !(n in hoMigrations));
    if (unknown.length > 0) throw new HoSchemaTooNewError(unknown.at(-1) ?? '');
    // Numbers are handed to engineers working in parallel: 0005 may land before 0004.
    const migrator = new Migrator({
      db: this.k,
      provider: hoMigrationProvider,
      allowUnorderedMigrations: true,
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`head-office migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, {
        cause: error,
      });
    }
    return (await this.applied()).at(-1) ?? '';
  }

  async close(): Promise<void> {
    await this.k.destroy();
  }
}

export async function openHeadOffice(url: string, opts: { max?: number } = {}): Promise<HeadOfficeDb> {
  const db = new HeadOfficeDb(url, opts);
  try {
    await db.migrate();
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
