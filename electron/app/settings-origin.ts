import type { SettingsOrigins } from '@shared/api/settings-origin';
import { originOf } from '@shared/config/ho-overrides';
import type { RulesConfig } from '@shared/config/schema';
import type { SettingsOriginRepo } from '../db/repos/settings-origin';

/** Which of the branch's settings came from the head office and which it overrode locally (Step 16). */
export class SettingsOriginApp {
  constructor(private readonly d: { repo: Pick<SettingsOriginRepo, 'baseline'>; rules: () => RulesConfig }) {}

  origins(): SettingsOrigins {
    const config = this.d.rules();
    return {
      settings: this.d.repo.baseline().map((e) => ({
        path: e.path,
        origin: originOf(config, new Map([[e.path, e.value]]), [e.path]) ?? 'headoffice',
        hoVersions: e.hoVersions,
        receivedAt: e.receivedAt,
        mandatory: e.mandatory,
      })),
    };
  }
}
