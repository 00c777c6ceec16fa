import {
  settingsPutInput,
  settingsRollbackInput,
  settingsVersionParam,
  type SettingsVersionInfo,
} from '@shared/api/security';
import { describeIssues, type SettingsIssue } from '@shared/config/issues';
import { rulesConfigSchema, type RulesConfig } from '@shared/config/schema';
import type { SettingsVersionRow } from '../../db/repos/settings';
import type { Caller } from '../auth';
import type { AppContext } from '../context';
import { ApiError, notFound } from '../errors';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';

const MANAGERS = ['manager', 'admin'] as const;

function info(r: SettingsVersionRow): SettingsVersionInfo {
  return {
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    note: r.note,
  };
}

const invalid = (details: SettingsIssue[]) => {
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

/** Top-level sections whose content differs: the audit row says what a change touched. */
function changedSections(a: RulesConfig, b: RulesConfig): string[] {
  return (Object.keys(b) as (keyof RulesConfig)[]).filter(
    (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
  );
}

export function settingsRoutes(http: Http, ctx: AppContext): void {
  /** The zod schema, plus what only the database knows: counters must keep serving queues that exist. */
  const validate = (raw: unknown): RulesConfig => {
    const parsed = rulesConfigSchema.safeParse(raw);
    if (!parsed.success) throw invalid(describeIssues(parsed.error));
    const keys = new Set(parsed.data.queue.queues.map((q) => q.key));
    const issues: SettingsIssue[] = [];
    for (const c of ctx.queue.counters.all()) {
      for (const q of c.queues.filter((x) => !keys.has(x))) {
        issues.push({
          path: 'queue.queues',
          zh: `队列“${q}”仍由${c.name}办理，请先修改该窗口`,
          en: `Queue "${q}" is still served by ${c.name}; change that counter first`,
        });
      }
    }
    if (issues.length) throw invalid(issues);
    return parsed.data;
  };

  const current = () => {
    const cur = ctx.settings.current();
    const row = cur.version > 0 ? ctx.settings.version(cur.version) : undefined;
    return {
      version: cur.version,
      config: cur.config,
      createdAt: row?.created_at ?? null,
      createdBy: row?.created_by ?? null,
      createdByName: row?.created_by_name ?? null,
      note: row?.note ?? null,
    };
  };

  const save = (config: RulesConfig, caller: Caller, note: string | null, action: string, extra = {}) => {
    const before = ctx.settings.current();
    const now = ctx.now();
    const version = ctx.store.tx(() => {
      const v = ctx.settings.save(config, caller.id, note, now);
      ctx.audit.append({
        at: now,
        staffId: caller.id,
        action,
        targetType: 'settings',
        targetId: String(v),
        reason: note,
        detail: { from: before.version, to: v, sections: changedSections(before.config, config), ...extra },
      });
      return v;
    });
    // Every consumer asks ctx.rules() per call (see AppContext.invalidateRules): the new version applies now.
    ctx.invalidateRules();
    return version;
  };

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/settings',
      roles: MANAGERS,
      summary: 'The rules in force (newest version)',
      reply: returns<unknown>(),
    }),
    current,
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/settings/versions',
      roles: MANAGERS,
      summary: 'Saved versions, newest first',
      reply: returns<unknown>(),
    }),
    () => ctx.settings.versions().map(info),
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/settings/versions/:version',
      roles: MANAGERS,
      params: settingsVersionParam,
      summary: 'One saved version with its config',
      reply: returns<unknown>(),
    }),
    ({ params }) => {
      const row = ctx.settings.version(params.version);
      if (!row)
        throw notFound({ zh: `设置版本 ${params.version}`, en: `Settings version ${params.version}` });
      return { ...info(row), config: JSON.parse(row.config) as unknown };
    },
  );

  route(
    http,
    defineRoute({
      method: 'PUT',
      path: '/api/settings',
      roles: MANAGERS,
      body: settingsPutInput,
      summary: 'Save the rules as a new version (refused field by field when invalid)',
      reply: returns<unknown>(),
    }),
    ({ body, me }) => {
      const config = validate(body.config);
      save(config, me as Caller, body.note ?? null, 'settings.change');
      return current();
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/settings/rollback',
      roles: MANAGERS,
      body: settingsRollbackInput,
      summary: 'Make an older version current again (as a new version)',
      reply: returns<unknown>(),
    }),
    ({ body, me }) => {
      const row = ctx.settings.version(body.version);
      if (!row) throw notFound({ zh: `设置版本 ${body.version}`, en: `Settings version ${body.version}` });
      const config = validate(JSON.parse(row.config));
      const note = body.note ?? `回滚至版本 ${body.version} / rollback to version ${body.version}`;
      save(config, me as Caller, note, 'settings.rollback', { source: body.version });
      return current();
    },
  );
}
