import { z } from 'zod';
import { defaultRulesConfig, rulesConfigSchema } from '../config/schema';
import { HO_SETTINGS_SECTIONS, type HoSettingsSection } from './headoffice';

/**
 * POST /api/ho/settings (admin key) and `headoffice-cli publish-settings`: a head-office settings version, whole
 * config or some sections, for every branch or the ones named. Branches take it on their next pull: settings they
 * changed themselves stay unless `mandatory` (shared/config/ho-overrides.ts).
 */
export const hoSettingsPublishInput = z.object({
  /** Whole sections (customer, suggest, triage, queue, visit); a whole branch config may be sent, `branch` is left out. */
  config: z.record(z.string(), z.unknown()),
  /** Branch codes; absent or empty = every branch (a global version). */
  branches: z.array(z.string().min(1).max(32)).max(500).optional(),
  mandatory: z.boolean().default(false),
  note: z.string().trim().max(200).optional(),
});
export type HoSettingsPublishInput = z.infer<typeof hoSettingsPublishInput>;

export interface HoSettingsPublishResult {
  sections: HoSettingsSection[];
  /** One head-office version per target (branch code, or null = all branches). */
  versions: { branch: string | null; version: number }[];
  mandatory: boolean;
}

/**
 * The sections of `config` the head office may set, each checked against the rules schema (beside the defaults;
 * a branch checks its whole merged config again). Throws a bilingual message naming the problem.
 */
export function hoSettingsSections(
  config: Record<string, unknown>,
): Partial<Record<HoSettingsSection, unknown>> {
  const out: Partial<Record<HoSettingsSection, unknown>> = {};
  const unknown = Object.keys(config).filter(
    (k) => k !== 'branch' && !(HO_SETTINGS_SECTIONS as readonly string[]).includes(k),
  );
  if (unknown.length > 0) {
    throw new Error(`总行不能下发这些部分 / not head-office sections: ${unknown.join(', ')}`);
  }
  for (const k of HO_SETTINGS_SECTIONS) if (config[k] !== undefined) out[k] = config[k];
  if (Object.keys(out).length === 0) throw new Error('没有可下发的设置 / no settings to publish');
  const parsed = rulesConfigSchema.safeParse({ ...defaultRulesConfig, ...out });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`设置无效 / invalid settings: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`);
  }
  return out;
}
