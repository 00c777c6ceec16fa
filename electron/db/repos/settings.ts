import { defaultRulesConfig, rulesConfigSchema, type RulesConfig } from '@shared/config/schema';
import type Database from 'better-sqlite3';
import type { Store } from '../connection';
import { newId } from '../ids';

export class SettingsRepo {
  constructor(private readonly store: Store) {}

  /** The newest version, validated; falls back to defaults on an empty database. */
  current(): { version: number; config: RulesConfig } {
    const row = this.store.first(
      this.store.k.selectFrom('settings').select(['version', 'config']).orderBy('version', 'desc').limit(1),
    );
    if (!row) return { version: 0, config: defaultRulesConfig };
    return { version: row.version, config: rulesConfigSchema.parse(JSON.parse(row.config)) };
  }

  save(config: RulesConfig, by: string | null, note: string | null, now: number): number {
    const valid = rulesConfigSchema.parse(config);
    const version = this.current().version + 1;
    this.store.run(
      this.store.k
        .insertInto('settings')
        .values({ version, config: JSON.stringify(valid), created_at: now, created_by: by, note }),
    );
    return version;
  }
}

export interface AuditEntry {
  at: number;
  staffId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

type AuditRow = [string, number, string | null, string, string | null, string | null, string | null, string];

export class AuditRepo {
  private readonly insert: Database.Statement<AuditRow>;
  private pending: AuditRow[] = [];
  private scheduled = false;

  constructor(private readonly store: Store) {
    this.insert = store.sqlite.prepare<AuditRow>(
      `INSERT INTO audit_log (id, at, staff_id, action, target_type, target_id, reason, detail) VALUES (?,?,?,?,?,?,?,?)`,
    );
  }

  private row(entry: AuditEntry): AuditRow {
    return [
      newId(),
      entry.at,
      entry.staffId,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.reason ?? null,
      JSON.stringify(entry.detail ?? {}),
    ];
  }

  /** Writes the row now (inside the caller's transaction, if any). */
  append(entry: AuditEntry): string {
    const r = this.row(entry);
    this.insert.run(...r);
    return r[0];
  }

  /**
   * Group commit for the hot path (a walk-in lookup): the row is written in one transaction with
   * the others of the same event-loop turn, right after the reply has gone out (setImmediate),
   * instead of a commit of its own before it. Nothing is dropped; a crash of the process within
   * that turn can lose the rows not yet flushed. `flush()` runs on server close.
   */
  appendSoon(entry: AuditEntry): string {
    const r = this.row(entry);
    this.pending.push(r);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return r[0];
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0 || !this.store.sqlite.open) return;
    const rows = this.pending;
    this.pending = [];
    try {
      this.store.sqlite.transaction(() => {
        for (const r of rows) this.insert.run(...r);
      })();
    } catch {
      // The database is busy (an import's apply) or failing: keep the rows and try again shortly.
      this.pending = rows.concat(this.pending);
      this.scheduled = true;
      setTimeout(() => this.flush(), 1000).unref();
    }
  }
}
