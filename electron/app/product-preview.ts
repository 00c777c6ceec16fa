import type { ProductPreview, ProductPreviewRow } from '@shared/api/product-preview';
import type { RulesConfig } from '@shared/config/schema';
import { ageFromMonth } from '@shared/customer/age';
import type { EffectiveConsent } from '@shared/customer/consent';
import { deriveLifecycle } from '@shared/customer/lifecycle';
import { classifyTier, TIER_KEYS } from '@shared/customer/tier';
import {
  affectedProducts,
  candidateFilter,
  estimate,
  pickSample,
  ProductPreviewTally,
  type PreviewSide,
} from '@shared/suggest/product-preview';
import type { SuggestCustomer, SuggestLearning } from '@shared/suggest/types';
import { CUSTOMER_KINDS } from '@shared/customer/enums';
import type { Customer, Holding } from '../db/convert/customers';
import type { ProductPreviewRepo } from '../db/repos/product-preview';

export interface ProductPreviewDeps {
  repo: Pick<ProductPreviewRepo, 'total' | 'candidates' | 'customers' | 'holdings'>;
  /** Each customer's outcome history (cool-downs) and the branch's conversion; absent: rules alone. */
  learning?: (customerIds: readonly string[], now: number) => Map<string, SuggestLearning>;
  /** Consent as it stands for many customers at once; absent: the imported marketing flag. */
  consent?: (
    customers: readonly { id: string; marketingConsent: boolean }[],
  ) => Map<string, EffectiveConsent>;
  /** Up to this many candidates every one is ranked; above it a pseudo-random sample of about this many. */
  sampleSize?: number;
}

const DEFAULT_SAMPLE = 3_000;

/** 陈建华 → 陈**; a corporate customer's name is not personal data. */
function maskName(c: Customer): string {
  if (c.kind === 'corporate') return c.name;
  const chars = [...c.name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(Math.min(chars.length - 1, 3));
}

const maskNo = (no: string) => (no.length <= 4 ? '****' : `****${no.slice(-4)}`);

/**
 * How many customers a product or campaign change would now be suggested to (Step 16): the products the change
 * touches, a SQL pre-filter on kind and AUM (customers outside cannot be affected), then the real ranking
 * (`rankSuggestions`, hard filters, cool-downs from each customer's outcomes) before and after for every
 * remaining customer, or for a stated random sample of them when there are more than `sampleSize`.
 */
export class ProductPreviewApp {
  constructor(private readonly d: ProductPreviewDeps) {}

  /** null when neither products nor campaigns changed. */
  preview(cur: RulesConfig, next: RulesConfig, now: number): ProductPreview | null {
    const affected = affectedProducts(cur.suggest, next.suggest);
    if (affected.length === 0) return null;
    const t0 = performance.now();
    const codes = affected.map((a) => a.code);
    const filter = candidateFilter(codes, [
      { suggest: cur.suggest, bands: cur.customer.tiers },
      { suggest: next.suggest, bands: next.customer.tiers },
    ]);
    const customers = this.d.repo.total();
    const tally = new ProductPreviewTally(codes);
    let candidates = 0;
    if (filter) {
      const allKinds = filter.kinds.length === CUSTOMER_KINDS.length;
      const ids = this.d.repo.candidates(filter, allKinds);
      candidates = ids.length;
      const rows = this.d.repo.customers(pickSample(ids, this.d.sampleSize ?? DEFAULT_SAMPLE));
      const holdings = this.d.repo.holdings(rows.map((r) => r.id));
      const consent = this.d.consent?.(rows) ?? null;
      const learned = this.d.learning?.(
        rows.map((r) => r.id),
        now,
      );
      for (const c of rows) {
        const base = this.base(c, holdings.get(c.id) ?? [], consent?.get(c.id), cur, now);
        const learning = learned?.get(c.id);
        tally.add(c.id, this.side(base, cur, now, learning), this.side(base, next, now, learning));
      }
      const byId = new Map(rows.map((r) => [r.id, r]));
      return this.result(affected, tally, { customers, candidates, t0 }, byId);
    }
    return this.result(affected, tally, { customers, candidates, t0 }, new Map());
  }

  /** The customer as the ranking sees them, apart from the tier (which follows each version's bands). */
  private base(
    c: Customer,
    holdings: readonly Holding[],
    consent: EffectiveConsent | undefined,
    rules: RulesConfig,
    now: number,
  ): Omit<SuggestCustomer, 'tier'> {
    return {
      kind: c.kind,
      aumFen: c.aumFen,
      segments: c.segments,
      lifecycle: deriveLifecycle(
        { createdAt: c.createdAt, lastVisitAt: c.lastVisitAt, lastTxnAt: c.lastTxnAt },
        now,
        rules.customer.lifecycle,
      ),
      age: c.birthMonth ? ageFromMonth(c.birthMonth, now, rules.branch.timezone) : null,
      riskLevel: c.riskLevel,
      riskAssessedAt: c.riskAssessedAt,
      ...(consent
        ? { marketingConsent: consent.marketing.granted, suggestionConsent: consent.suggestions.granted }
        : { marketingConsent: c.marketingConsent }),
      holdings: holdings.map((h) => ({
        productType: h.productType,
        productCode: h.productCode,
        balanceFen: h.balanceFen,
      })),
      corporateGrade: c.corporateGrade,
      hasLinkedEntity: c.linkedCustomerId !== null,
    };
  }

  private side(
    base: Omit<SuggestCustomer, 'tier'>,
    rules: RulesConfig,
    now: number,
    learning: SuggestLearning | undefined,
  ): PreviewSide {
    return {
      customer: { ...base, tier: classifyTier(base.aumFen, rules.customer.tiers).tier },
      config: rules.suggest,
      ctx: {
        now,
        timeZone: rules.branch.timezone,
        tierBands: rules.customer.tiers,
        ...(learning ? { learning } : {}),
      },
    };
  }

  private result(
    affected: ReturnType<typeof affectedProducts>,
    tally: ProductPreviewTally,
    counts: { customers: number; candidates: number; t0: number },
    byId: ReadonlyMap<string, Customer>,
  ): ProductPreview {
    const n = tally.examined;
    const N = counts.candidates;
    const est = (k: number) => estimate(k, n, N);
    const products: ProductPreviewRow[] = affected.map((a, i) => {
      const t = tally.tallies[i] as ProductPreviewTally['tallies'][number];
      return {
        ...a,
        before: { eligible: est(t.before.eligible), suggested: est(t.before.suggested) },
        after: { eligible: est(t.after.eligible), suggested: est(t.after.suggested) },
        byTier: TIER_KEYS.filter((k) => t.byTier[k]).map((k) => {
          const cell = t.byTier[k] as { before: number; after: number };
          return { tier: k, before: est(cell.before).value, after: est(cell.after).value };
        }),
      };
    });
    return {
      method: n < N ? 'sample' : 'all',
      customers: counts.customers,
      candidates: N,
      examined: n,
      products,
      examples: tally.examples.flatMap((e) => {
        const c = byId.get(e.ref);
        if (!c) return [];
        const { ref: _ref, ...rest } = e;
        return [{ ...rest, name: maskName(c), customerNo: maskNo(c.customerNo) }];
      }),
      ms: Math.round(performance.now() - counts.t0),
    };
  }
}
