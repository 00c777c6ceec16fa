import type { SettingsPreview } from '@shared/api/settings-preview';
import { rulesConfigSchema, type RulesConfig } from '@shared/config/schema';
import { describeIssues } from '@shared/config/issues';
import { branchDay } from '@shared/queue';
import { replayTriage, type ReplayVisit } from '@shared/triage/replay';
import type { SettingsPreviewRepo } from '../db/repos/settings-preview';
import type { StaffingRepo } from '../db/repos/staffing';
import type { ProductPreviewApp } from './product-preview';
import { invalidSettings } from './settings';

export interface SettingsPreviewDeps {
  repo: Pick<SettingsPreviewRepo, 'tierPreview'>;
  tickets: Pick<StaffingRepo, 'tickets'>;
  rules: () => RulesConfig;
  now: () => number;
  /** The product/campaign impact (Step 16); absent: not computed. */
  products?: Pick<ProductPreviewApp, 'preview'>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a proposed settings version would do, before it is saved: customers moving between tiers (a tier-band
 * change) and the day's triage decisions that would come out differently (a change to triage, tiers or the
 * elderly age). Only the parts the change touches are computed.
 */
export class SettingsPreviewApp {
  constructor(private readonly deps: SettingsPreviewDeps) {}

  preview(raw: unknown, day?: string): SettingsPreview {
    const parsed = rulesConfigSchema.safeParse(raw);
    if (!parsed.success) throw invalidSettings(describeIssues(parsed.error));
    const next = parsed.data;
    const cur = this.deps.rules();
    const date = day ?? branchDay(this.deps.now(), cur.branch.timezone);
    const tiersChanged = !same(cur.customer.tiers, next.customer.tiers);
    const triageChanged =
      tiersChanged ||
      !same(cur.triage, next.triage) ||
      cur.customer.elderlyAge !== next.customer.elderlyAge ||
      cur.branch.vipRoomCapacity !== next.branch.vipRoomCapacity;
    const visits: ReplayVisit[] = triageChanged
      ? this.deps.tickets.tickets([date]).map((t) => ({
          arrivedAt: t.arrivedAt,
          services: t.services,
          customer: t.customer,
        }))
      : [];
    return {
      day: date,
      tiers: tiersChanged ? this.deps.repo.tierPreview(cur.customer.tiers, next.customer.tiers) : null,
      triage: triageChanged ? replayTriage(visits, cur, next) : null,
      products: this.deps.products?.preview(cur, next, this.deps.now()) ?? null,
    };
  }
}
