import { defaultRulesConfig, rulesConfigSchema, type RulesConfig } from '@shared/config/schema';
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

export class AuditRepo {
  constructor(private readonly store: Store) {}

  append(entry: {
    at: number;
    staffId: string | null;
    action: string;
    targetType?: string | null;
    targetId?: string | null;
    reason?: string | null;
    detail?: Record<string, unknown>;
  }): string {
    const id = newId();
    this.store.run(
      this.store.k.insertInto('audit_log').values({
        id,
        at: entry.at,
        staff_id: entry.staffId,
        action: entry.action,
        target_type: entry.targetType ?? null,
        target_id: entry.targetId ?? null,
        reason: entry.reason ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
      }),
    );
    return id;
  }
}
