import { useQuery, type QueryClient } from '@tanstack/react-query';
import { routes } from '@shared/api/routes';
import type { SettingsVersion, SettingsVersionInfo, StoredSettingsVersion } from '@shared/api/security';
import { rulesConfigSchema, type RulesConfig } from '@shared/config/schema';
import { ApiFailure, call } from '../../api/client';
import { issuesFromDetails, issuesFromZod, type FieldIssue } from './issues';
import { setAt, splitPath } from './paths';

/** GET /api/settings/versions rows; GET /api/settings adds the config. */
export type VersionMeta = SettingsVersionInfo;
export type { SettingsVersion } from '@shared/api/security';

/**
 * A version saved before a section existed gets that section's defaults, as the server reads it. One that no longer
 * fits today's schema at all is shown as stored.
 */
function normalised(v: StoredSettingsVersion): SettingsVersion {
  const r = rulesConfigSchema.safeParse(v.config);
  return r.success ? { ...v, config: r.data } : { ...v, config: v.config as RulesConfig };
}

const fetchCurrent = async () => normalised(await call(routes.settings.current));

export function useSettings() {
  return useQuery({ queryKey: ['settings'], queryFn: fetchCurrent });
}

export function useVersions() {
  return useQuery({
    queryKey: ['settings-versions'],
    queryFn: async () => {
      return call(routes.settings.versions);
    },
  });
}

export function useVersion(version: number | null) {
  return useQuery({
    queryKey: ['settings-version', version],
    queryFn: async () =>
      normalised(await call(routes.settings.version, { params: { version: version ?? 0 } })),
    enabled: version !== null,
    staleTime: Infinity, // a saved version never changes
  });
}

/** A save refused before sending (same zod schema) or by the server (`details`). */
export class SettingsRefused extends Error {
  constructor(
    readonly issues: FieldIssue[],
    readonly by: 'client' | 'server',
  ) {
    super('settings refused');
  }
}

/** What a save changed, so every view of the rules refreshes. */
export async function afterSettingsChange(qc: QueryClient): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: ['settings'] }),
    qc.invalidateQueries({ queryKey: ['settings-versions'] }),
    qc.invalidateQueries({ queryKey: ['session-info'] }),
    qc.invalidateQueries({ queryKey: ['intents'] }),
  ]);
}

/** A change about to be saved: the stored config it starts from, and the result. */
export interface PendingChange {
  before: SettingsVersion;
  next: RulesConfig;
}

/**
 * Builds what saving one section would store: its paths written into the newest stored config (fetched now, so a
 * colleague's change to another section meanwhile is kept), checked with the shared schema.
 */
export async function prepareSection(
  qc: QueryClient,
  paths: readonly string[],
  read: (path: string) => unknown,
): Promise<PendingChange> {
  const latest = await qc.fetchQuery({ queryKey: ['settings'], queryFn: fetchCurrent, staleTime: 0 });
  const next = paths.reduce<RulesConfig>((cfg, p) => setAt(cfg, splitPath(p), read(p)), latest.config);
  const check = rulesConfigSchema.safeParse(next);
  if (!check.success) throw new SettingsRefused(issuesFromZod(check.error), 'client');
  return { before: latest, next: check.data };
}

/** Sends a confirmed change with its description. */
export async function sendChange(
  qc: QueryClient,
  next: RulesConfig,
  note: string,
  effectiveAt: number | null = null,
): Promise<SettingsVersion> {
  try {
    const saved = await call(routes.settings.save, {
      body: { config: next, note: note.trim(), ...(effectiveAt === null ? {} : { effectiveAt }) },
    });
    await afterSettingsChange(qc);
    return saved;
  } catch (e) {
    if (e instanceof ApiFailure && e.code === 'invalid_settings') {
      const issues = issuesFromDetails(e.details);
      throw new SettingsRefused(issues.length ? issues : [{ path: '', zh: e.zh, en: e.en }], 'server');
    }
    throw e;
  }
}
