import { ApiError } from '@shared/api/errors';
import type { HoSettingsSection } from '@shared/api/headoffice';
import {
  hoSettingsPublishInput,
  hoSettingsSections,
  type HoSettingsPublishResult,
} from '@shared/api/headoffice-settings';
import type { HeadOfficeDb } from '../../db/headoffice/connection';
import type { HoKeys } from '../../db/headoffice/keys';
import { publishSettingsTo } from '../../db/headoffice/settings-push';

export interface HoSettingsPushDeps {
  keys: Pick<HoKeys, 'branchByCode'>;
  publish: (
    config: Partial<Record<HoSettingsSection, unknown>>,
    targets: readonly (string | null)[],
    opts: { mandatory: boolean; by: string | null; note: string | null; now: number },
  ) => Promise<number[]>;
  now: () => number;
}

export const hoSettingsPublisher = (db: HeadOfficeDb): HoSettingsPushDeps['publish'] => {
  return (config, targets, opts) => publishSettingsTo(db, config, targets, opts);
};

/**
 * Publishing a settings version (the admin API and the CLI): the input checked (known sections, each valid), the
 * branch codes resolved (an unknown one refuses the whole push), then one version per target.
 */
export class HoSettingsPushApp {
  constructor(private readonly d: HoSettingsPushDeps) {}

  async publish(body: unknown, by: string | null): Promise<HoSettingsPublishResult> {
    const input = hoSettingsPublishInput.parse(body ?? {});
    let sections: Partial<Record<HoSettingsSection, unknown>>;
    try {
      sections = hoSettingsSections(input.config);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const [zh, en] = msg.split(' / ');
      throw new ApiError(400, 'invalid_settings', zh ?? msg, en ?? msg);
    }
    const codes = [...new Set(input.branches ?? [])];
    const targets: (string | null)[] = [];
    for (const code of codes) {
      const b = await this.d.keys.branchByCode(code);
      if (!b) throw new ApiError(404, 'no_branch', `没有网点 ${code}`, `No branch ${code}`);
      targets.push(b.id);
    }
    if (targets.length === 0) targets.push(null);
    const versions = await this.d.publish(sections, targets, {
      mandatory: input.mandatory,
      by,
      note: input.note ?? null,
      now: this.d.now(),
    });
    return {
      sections: Object.keys(sections) as HoSettingsSection[],
      versions: versions.map((version, i) => ({ branch: codes[i] ?? null, version })),
      mandatory: input.mandatory,
    };
  }
}
