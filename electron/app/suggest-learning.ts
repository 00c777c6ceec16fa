import type { RulesConfig } from '@shared/config/schema';
import { classifyTier } from '@shared/customer/tier';
import { buildConversion, type ConversionTable } from '@shared/suggest/conversion';
import { DAY_MS } from '@shared/suggest/cooldown';
import type { SuggestLearning } from '@shared/suggest/types';
import type { LearningRepo } from '../db/repos/learning';

export interface LearningDeps {
  repo: Pick<LearningRepo, 'history' | 'facts' | 'stamp'> & Partial<Pick<LearningRepo, 'histories'>>;
  rules: () => Pick<RulesConfig, 'suggestLearning' | 'visit' | 'customer'>;
}

/** How long a built conversion table is reused before the stamp is read again (outcomes come in by the minute). */
const RECHECK_MS = 5_000;

/**
 * The learning the ranking reads (Step 15): the customer's outcome history and the branch's conversion table.
 * The table is rebuilt when outcomes were added (here or by sync: the stamp changes), when the rules change, or
 * when a day has passed (the window moves); a terminal offline ranks with the outcomes it has, and after sync
 * every terminal holding the same rows builds the same table.
 */
export class SuggestLearningSource {
  private table: ConversionTable | null = null;
  private key = '';
  private checkedAt = -Infinity;
  private rulesRef: unknown = null;

  constructor(private readonly d: LearningDeps) {}

  /** `ticketId`: the visit being served, whose own outcomes do not cool anything down until the next visit. */
  forCustomer(customerId: string, now: number, ticketId?: string): SuggestLearning {
    const rules = this.d.rules();
    return {
      config: rules.suggestLearning,
      outcomes: this.d.repo.history(customerId, ticketId),
      conversion: this.conversion(now),
      reasonLabels: new Map(rules.visit.declineReasons.map((r) => [r.key, { zh: r.zh, en: r.en }])),
    };
  }

  /** The same for many customers at once (the settings preview reads a few thousand). */
  forCustomers(customerIds: readonly string[], now: number): Map<string, SuggestLearning> {
    const rules = this.d.rules();
    const conversion = this.conversion(now);
    const reasonLabels = new Map(rules.visit.declineReasons.map((r) => [r.key, { zh: r.zh, en: r.en }]));
    const histories = this.d.repo.histories?.(customerIds);
    return new Map(
      customerIds.map((id) => [
        id,
        {
          config: rules.suggestLearning,
          outcomes: histories ? (histories.get(id) ?? []) : this.d.repo.history(id),
          conversion,
          reasonLabels,
        },
      ]),
    );
  }

  /** The branch's table, rebuilt only when something it depends on changed. */
  conversion(now: number): ConversionTable | null {
    const rules = this.d.rules();
    if (this.rulesRef === rules && now - this.checkedAt < RECHECK_MS && now >= this.checkedAt)
      return this.table;
    this.checkedAt = now;
    const key = `${this.d.repo.stamp()}|${Math.floor(now / DAY_MS)}`;
    if (this.rulesRef === rules && key === this.key) return this.table;
    this.rulesRef = rules;
    this.key = key;
    const cfg = rules.suggestLearning.conversion;
    const tiers = rules.customer.tiers;
    const rows = this.d.repo.facts(now - cfg.windowDays * DAY_MS);
    const table = buildConversion(
      rows.map((r) => ({ ...r, tier: classifyTier(r.aumFen, tiers).tier })),
      now,
      cfg,
    );
    this.table = table.size > 0 ? table : null;
    return this.table;
  }

  /** Forget the table (after an outcome is recorded here, so the next ranking sees it at once). */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }
}
