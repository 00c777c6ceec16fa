/** Timed statements for an import's checks and apply: IMPORT_TRACE=1 prints each one's time (for tuning large imports). */
import type Database from 'better-sqlite3';

const TRACE = typeof process !== 'undefined' && process.env.IMPORT_TRACE === '1';

function trace(sql: string, t0: number): void {
  if (TRACE)
    process.stderr.write(
      `[import] ${(performance.now() - t0).toFixed(0).padStart(6)} ms  ${sql.replace(/\s+/g, ' ').slice(0, 110)}\n`,
    );
}

export class ImportSql {
  constructor(readonly db: Database.Database) {}

  all<T>(sql: string, ...params: unknown[]): T[] {
    const t = performance.now();
    const rows = this.db.prepare(sql).all(...params) as T[];
    trace(sql, t);
    return rows;
  }

  count(sql: string, ...params: unknown[]): number {
    return this.db
      .prepare(sql)
      .pluck()
      .get(...params) as number;
  }

  run(sql: string, ...params: unknown[]): number {
    const t = performance.now();
    const n = this.db.prepare(sql).run(...params).changes;
    trace(sql, t);
    return n;
  }

  exec(sql: string): void {
    const t = performance.now();
    this.db.exec(sql);
    trace(sql, t);
  }
}
