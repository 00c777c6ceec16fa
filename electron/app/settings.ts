import { ApiError, notFound } from '@shared/api/errors';
import type { SettingsVersion, SettingsVersionInfo, StoredSettingsVersion } from '@shared/api/security';
import { describeIssues, type SettingsIssue } from '@shared/config/issues';
import { describeChanges } from '@shared/config/human-diff';
import { defaultRulesConfig, rulesConfigSchema, type RulesConfig } from '@shared/config/schema';
import { versionInfo } from '../db/convert/settings';
import type { AuditRepo, SettingsRepo } from '../db/repos/settings';

/** A counter as the settings check sees it: the queues it serves must stay in the rules. */
export interface CounterQueues {
  name: string;
  queues: readonly string[];
}

export interface SettingsDeps {
  settings: Pick<SettingsRepo, 'current' | 'version' | 'versions' | 'save' | 'configs' | 'nextScheduled'>;
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  counters: () => readonly CounterQueues[];
}

export const invalidSettings = (details: SettingsIssue[]) => {
  const first = details[0];
  const where = first ? `（${first.path}：${first.zh}）` : '';
  const whereEn = first ? ` (${first.path}: ${first.en})` : '';
  return new ApiError(
    400,
    'invalid_settings',
    `设置有误，未保存${where}`,
    `The settings were not saved${whereEn}`,
    details,
  );
};

const versionNotFound = (v: number) => notFound({ zh: `设置版本 ${v}`, en: `Settings version ${v}` });

/** Top-level sections whose content differs: the audit row says what a change touched. */
function changedSections(a: RulesConfig, b: RulesConfig): string[] {
  return (Object.keys(b) as (keyof RulesConfig)[]).filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
}

/**
 * The branch's rules: saved as numbered versions, validated field by field, rolled back as a new version. Also the
 * rules in force, parsed once and cached (they are read on every request); a save drops the cache, so every
 * consumer that asks `rules()` per call applies the new version at once.
 */
export class SettingsApp {
  /** The rules in force and until when (a scheduled version's time: then they are read again). */
  private cached: { version: number; config: RulesConfig; until: number } | null = null;
  /** A saved version never changes: its parsed config is kept for the version list (null: no longer valid). */
  private parsed = new Map<number, RulesConfig | null>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: SettingsDeps) {}

  /** Called after each saved version (a save or a rollback here): what reads the rules live re-checks at once. */
  onChanged(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private inForce(): { version: number; config: RulesConfig; until: number } {
    const now = this.deps.now();
    if (!this.cached || now >= this.cached.until) {
      const cur = this.deps.settings.current(now);
      this.cached = { ...cur, until: this.deps.settings.nextScheduled(now) ?? Infinity };
    }
    return this.cached;
  }

  /** The version in force now: a scheduled version applies from its time on (read on the first call after it). */
  rules(): RulesConfig {
    return this.inForce().config;
  }

  rulesVersion(): number {
    return this.inForce().version;
  }

  /** Drops the cached rules; the next call reads the newest version (a save here, replication, head office). */
  invalidateRules(): void {
    this.cached = null;
  }

  current(): SettingsVersion {
    const cur = this.deps.settings.current(this.deps.now());
    const row = cur.version > 0 ? this.deps.settings.version(cur.version) : undefined;
    return {
      version: cur.version,
      config: cur.config,
      createdAt: row?.created_at ?? null,
      createdBy: row?.created_by ?? null,
      createdByName: row?.created_by_name ?? null,
      note: row?.note ?? null,
    };
  }

  /** Newest first, each with what it changed from the version before it (the first: from the defaults). */
  versions(): SettingsVersionInfo[] {
    const configs = new Map<number, string>();
    const read = (v: number): RulesConfig | null => {
      if (v === 0) return defaultRulesConfig;
      if (!this.parsed.has(v)) {
        if (configs.size === 0)
          for (const c of this.deps.settings.configs()) configs.set(c.version, c.config);
        const raw = configs.get(v);
        const r = raw === undefined ? null : rulesConfigSchema.safeParse(JSON.parse(raw));
        this.parsed.set(v, r?.success ? r.data : null);
      }
      return this.parsed.get(v) ?? null;
    };
    const rows = this.deps.settings.versions();
    return rows.map((row, i) => {
      const info = versionInfo(row);
      const prev = rows[i + 1]?.version ?? 0;
      const before = read(prev);
      const after = read(row.version);
      return before && after ? { ...info, changes: describeChanges(before, after) } : info;
    });
  }

  version(version: number): StoredSettingsVersion {
    const row = this.deps.settings.version(version);
    if (!row) throw versionNotFound(version);
    return { ...versionInfo(row), config: JSON.parse(row.config) as unknown };
  }

  /** A change from the settings screen or the API: it must say why (the version list is read by people). */
  save(raw: unknown, by: string, note: string | null, effectiveAt?: number): SettingsVersion {
    const config = this.validate(raw);
    if (effectiveAt !== undefined && effectiveAt <= this.deps.now())
      throw new ApiError(
        400,
        'effective_in_past',
        '定时生效的时间须晚于现在',
        'A scheduled version must take effect in the future',
      );
    const why = note?.trim() ?? '';
    if (!why)
      throw new ApiError(
        400,
        'note_required',
        '请填写变更说明后再保存（说明会显示在版本记录中）',
        'Describe the change before saving (the description shows in the version list)',
      );
    this.write(config, by, why, 'settings.change', effectiveAt === undefined ? {} : { effectiveAt });
    return this.current();
  }

  rollback(version: number, by: string, note: string | null): SettingsVersion {
    const row = this.deps.settings.version(version);
    if (!row) throw versionNotFound(version);
    const config = this.validate(JSON.parse(row.config));
    const why = note ?? `回滚至版本 ${version} / rollback to version ${version}`;
    this.write(config, by, why, 'settings.rollback', { source: version });
    return this.current();
  }

  /** The zod schema, plus what only the database knows: counters must keep serving queues that exist. */
  private validate(raw: unknown): RulesConfig {
    const parsed = rulesConfigSchema.safeParse(raw);
    if (!parsed.success) throw invalidSettings(describeIssues(parsed.error));
    const keys = new Set(parsed.data.queue.queues.map((q) => q.key));
    const issues: SettingsIssue[] = [];
    for (const c of this.deps.counters()) {
      for (const q of c.queues.filter((x) => !keys.has(x))) {
        issues.push({
          path: 'queue.queues',
          zh: `队列“${q}”仍由${c.name}办理，请先修改该窗口`,
          en: `Queue "${q}" is still served by ${c.name}; change that counter first`,
        });
      }
    }
    if (issues.length) throw invalidSettings(issues);
    return parsed.data;
  }

  private write(
    config: RulesConfig,
    by: string,
    note: string | null,
    action: string,
    extra: { effectiveAt?: number; source?: number } = {},
  ): number {
    const { deps } = this;
    const now = deps.now();
    const before = deps.settings.current(now);
    const version = deps.tx(() => {
      const v = deps.settings.save(config, by, note, now, extra.effectiveAt ?? null);
      deps.audit.append({
        at: now,
        staffId: by,
        action,
        targetType: 'settings',
        targetId: String(v),
        reason: note,
        detail: { from: before.version, to: v, sections: changedSections(before.config, config), ...extra },
      });
      return v;
    });
    this.invalidateRules();
    for (const fn of this.listeners) fn();
    return version;
  }
}
