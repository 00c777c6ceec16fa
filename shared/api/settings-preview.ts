import { z } from 'zod';
import type { TierPreview } from '../customer/tier-preview';
import type { TriageReplay } from '../triage/replay';
import type { ProductPreview } from './product-preview';

/** POST /api/settings/preview: a proposed config (checked like a save) and the day whose visits to replay. */
export const settingsPreviewInput = z.object({
  config: z.record(z.string(), z.unknown()),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / the day is YYYY-MM-DD')
    .optional(),
});

/** The impact of a proposed version: null where the change does not touch that part. */
export interface SettingsPreview {
  /** The branch day replayed (today by default). */
  day: string;
  tiers: TierPreview | null;
  triage: TriageReplay | null;
  /** Products and campaigns: how many customers each touched product would now be suggested to. */
  products?: ProductPreview | null;
}
