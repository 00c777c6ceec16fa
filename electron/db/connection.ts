import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Compilable, type CompiledQuery } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { GroupCommit } from './group-commit';
import { LATEST_SCHEMA_VERSION, migrationProvider, migrations } from './migrations/index';
import type { DB } from './schema';

/**
 * One SQLite file per install. Kysely builds and types the SQL; better-sqlite3 runs it
 * synchronously, so a transaction is one uninterrupted JS call and two requests can never
 * interleave inside it (no async gaps, no "commits on error" helper).
 */
export class Store {
  readonly sqlite: Database.Database;
  readonly k: Kysely<DB>;
  private readonly stmts = new Map<string, Database.Statement>();
  /** Ticket writes from requests that arrive together commit together (group-commit.ts). */
  readonly group: GroupCommit;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
    this.group = new GroupCommit(sqlite);
    this.k = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  }

  private prepare(q: CompiledQuery): Database.Statement {
    let st = this.stmts.get(q.sql);
    if (!st) {
      st = this.sqlite.prepare(q.sql);
      this.stmts.set(q.sql, st);
    }
    return st;
  }

  all<R>(query: Compilable<R>): R[] {
    const q = query.compile();
    return this.prepare(q).all(...(q.parameters as unknown[])) as R[];
  }

  first<R>(query: Compilable<R>): R | undefined {
    const q = query.compile();
    return this.prepare(q).get(...(q.parameters as unknown[])) as R | undefined;
  }

  run(query: Compilable<unknown>): Database.RunResult {
    const q = query.compile();
    return this.prepare(q).run(...(q.parameters as unknown[]));
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction; any throw rolls everything back. Inside a group (`grouped`), in the
   * group's transaction (group-commit.ts says how its all-or-nothing is kept).
   */
  tx<T>(fn: () => T): T {
    const grouped = this.group.inline(fn);
    if (grouped) return grouped.value;
    return this.sqlite.transaction(fn).immediate();
  }

  /**
   * Runs `fn` (which writes through `tx`) at the end of this event-loop turn, in one transaction with the other work
   * that arrived in the same turn; settles once that transaction is committed.
   */
  grouped<T>(fn: () => T): Promise<T> {
    return this.group.run(fn);
  }

  close(): void {
    if (!this.sqlite.open) return;
    this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    this.sqlite.close();
  }
}

export class SchemaTooNewError extends Error {
  constructor(readonly found: string) {
    super(
      `database schema ${found} is newer than this program (${LATEST_SCHEMA_VERSION}); refusing to open it`,
    );
  }
}

export function openSqlite(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/**
 * For a bulk load by a tool that is alone on the database (`npm run import` with the server
 * stopped): a rollback journal instead of the WAL. Pages past the old end of the file need no
 * journal and are written once, not into the WAL and then again into the database by the
 * checkpoint (~3 s of the 1M-customer import, P4 in BENCH.md); synchronous=FULL makes the commit as
 * durable as the checkpoint was. Refused at once (null) when another connection has the database
 * open: the load then goes through the WAL as usual. The answer restores WAL mode.
 */
export function bulkLoadJournal(store: Store): (() => void) | null {
  const db = store.sqlite;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  const sync = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    if (db.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') return null;
  } catch {
    return null;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
  db.pragma('synchronous = FULL');
  return () => {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${sync}`);
  };
}

/** Names of applied migrations, oldest first; empty for a new database. */
export function appliedMigrations(sqlite: Database.Database): string[] {
  const exists = sqlite
    .prepare(`SELECT 1 FROM sqlite_master WHERE type='table' AND name='kysely_migration'`)
    .get();
  if (!exists) return [];
  return (sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[]).map(
    (r) => r.name,
  );
}

export async function migrateToLatest(store: Store): Promise<string> {
  const applied = appliedMigrations(store.sqlite);
  const unknown = applied.filter((n) => !(n in migrations));
  if (unknown.length > 0) throw new SchemaTooNewError(unknown.at(-1) ?? '');
  // Every start of an up-to-date branch: nothing to run, so none of the Migrator's lock table, queries and
  // first locale-aware sort (~20 ms of a start, P5 in BENCH.md).
  const done = new Set(applied);
  if (Object.keys(migrations).every((n) => done.has(n))) return applied.at(-1) ?? '';
  // Numbers are handed to engineers working in parallel, so 0024 may land after 0025 was applied somewhere.
  const migrator = new Migrator({
    db: store.k,
    provider: migrationProvider,
    allowUnorderedMigrations: true,
    // Names are ASCII ("0030-customer-link-index"): plain order, without loading ICU's collator for it.
    nameComparator: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
  return appliedMigrations(store.sqlite).at(-1) ?? '';
}

/**
 * For the long-running server only: pages are read through a memory map instead of a read() per page
 * (a walk-in lookup reads ~10 pages of a 1.6 GB file at 1M customers; P1 in BENCH.md). Not for the
 * import and seed CLIs: mapped pages count in their RSS, and a bulk load reads every page once.
 * SQLite caps the size at its compile-time maximum; a larger file is mapped up to that and read past it.
 */
export const SERVING_MMAP_BYTES = 2 ** 31;
export const SERVING_WAL_PAGES = 10_000;

export async function openStore(file: string, opts: { serving?: boolean } = {}): Promise<Store> {
  const store = new Store(openSqlite(file));
  if (opts.serving && file !== ':memory:') {
    store.sqlite.pragma(`mmap_size = ${SERVING_MMAP_BYTES}`);
    // A checkpoint syncs the WAL and the database file; at the default 1,000 pages a busy counter hall hit one every
    // few dozen ticket events and paid ~0.2 ms per event for it (P3 in BENCH.md). 10,000 pages (~40 MB of WAL)
    // makes them ten times rarer; the WAL is truncated on close.
    store.sqlite.pragma(`wal_autocheckpoint = ${SERVING_WAL_PAGES}`);
  }
  try {
    await migrateToLatest(store);
  } catch (e) {
    store.sqlite.close();
    throw e;
  }
  return store;
}
