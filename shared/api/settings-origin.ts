import type { SettingOrigin } from '../config/ho-overrides';

/** GET /api/settings/origin: per setting the head office has sent, whether the branch still follows it. */
export interface SettingsOrigins {
  settings: {
    /** "customer.tiers", "suggest.products", … */
    path: string;
    origin: SettingOrigin;
    /** Head-office versions it came from, when it arrived, whether it was mandatory. */
    hoVersions: number[];
    receivedAt: number;
    mandatory: boolean;
  }[];
}
