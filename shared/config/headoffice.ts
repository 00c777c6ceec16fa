import type { HoCampaignRow, HoSettingsRow } from '../api/headoffice';
import { HO_SETTINGS_SECTIONS } from '../api/headoffice';
import { mergeHoSettings } from './ho-overrides';
import { rulesConfigSchema, type RulesConfig } from './schema';

export interface HoRulesMerge {
  /** The branch's rules with the head office's parts laid in; null when nothing changes. */
  config: RulesConfig | null;
  sections: string[];
  campaignsPut: string[];
  campaignsWithdrawn: string[];
  /** Why the merged config was refused (the branch keeps its current rules). */
  issues: { path: string; message: string }[];
  /** With a policy: settings the branch overrode locally and keeps, and the new baseline of what was sent. */
  kept?: string[];
  baseline?: Map<string, unknown>;
}

/** What the branch knows of earlier head-office settings (ho-overrides.ts); absent: whole sections replace. */
export interface HoMergePolicy {
  baseline: ReadonlyMap<string, unknown>;
}

/**
 * How a head-office snapshot changes a branch's rules. Settings replace whole sections (the
 * `branch` section — name, code, time zone — always stays the branch's own). Campaigns are merged
 * by id: an active one is added or replaced, a withdrawn one removed; the branch's own campaigns
 * stay. The result must pass the full rules schema (e.g. a campaign's products must be in the
 * catalogue), or the branch keeps what it has and the issues are reported.
 */
export function mergeHeadOfficeRules(
  current: RulesConfig,
  settings: HoSettingsRow | null,
  campaigns: readonly HoCampaignRow[],
  policy?: HoMergePolicy,
): HoRulesMerge {
  let next = structuredClone(current) as Record<string, unknown> & RulesConfig;
  const sections: string[] = [];
  let kept: string[] | undefined;
  let baseline: Map<string, unknown> | undefined;
  if (settings && policy) {
    const m = mergeHoSettings(next, settings.config, new Set(settings.mandatory ?? []), policy.baseline);
    next = m.config;
    kept = m.kept;
    baseline = m.baseline;
    for (const path of m.applied) {
      const section = path.split('.')[0] as string;
      if (!sections.includes(section)) sections.push(section);
    }
  } else if (settings) {
    for (const key of HO_SETTINGS_SECTIONS) {
      const part = settings.config[key];
      if (part === undefined) continue;
      if (JSON.stringify(part) !== JSON.stringify(next[key])) sections.push(key);
      next[key] = part as never;
    }
  }
  const put: string[] = [];
  const withdrawn: string[] = [];
  let list = [...next.suggest.campaigns];
  for (const row of campaigns) {
    const at = list.findIndex((c) => c.id === row.id);
    if (!row.active) {
      if (at >= 0) {
        list = list.filter((c) => c.id !== row.id);
        withdrawn.push(row.id);
      }
    } else if (at < 0) {
      list.push(row.campaign);
      put.push(row.id);
    } else if (JSON.stringify(list[at]) !== JSON.stringify(row.campaign)) {
      list[at] = row.campaign;
      put.push(row.id);
    }
  }
  next.suggest = { ...next.suggest, campaigns: list };

  const none = {
    sections,
    campaignsPut: put,
    campaignsWithdrawn: withdrawn,
    ...(kept ? { kept } : {}),
    ...(baseline ? { baseline } : {}),
  };
  if (sections.length === 0 && put.length === 0 && withdrawn.length === 0) {
    return { config: null, ...none, issues: [] };
  }
  const parsed = rulesConfigSchema.safeParse(next);
  if (!parsed.success) {
    return {
      config: null,
      ...none,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  // Key order or schema defaults can differ from what was sent while the rules are the same.
  if (JSON.stringify(parsed.data) === JSON.stringify(rulesConfigSchema.parse(current))) {
    return { ...none, config: null, sections: [], campaignsPut: [], campaignsWithdrawn: [], issues: [] };
  }
  return { config: parsed.data, ...none, issues: [] };
}
