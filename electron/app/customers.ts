import { ApiError } from '@shared/api/errors';
import type { CustomerProfile, CustomerSummary, LookupResult, Role } from '@shared/api/types';
import type { RevealField, RevealResult } from '@shared/api/visit';
import type { RulesConfig } from '@shared/config/schema';
import { ageFromMonth } from '@shared/customer/age';
import { classifyLookup } from '@shared/customer/ids';
import { deriveLifecycle } from '@shared/customer/lifecycle';
import { maskCard, maskMobile, maskResidentId } from '@shared/customer/mask';
import { ageFor } from '@shared/customer/pii-view';
import { overRevealLimit, revealWindowStart } from '@shared/customer/reveal';
import type { EffectiveConsent } from '@shared/customer/consent';
import { classifyTier } from '@shared/customer/tier';
import { tierInfo } from '@shared/customer/tier-info';
import {
  rankSuggestions,
  type SuggestCustomer,
  type SuggestLearning,
  type SuggestResult,
} from '@shared/suggest/rank';
import type { Customer, CustomerBrief } from '../db/convert/customers';
import type { CustomerRepo } from '../db/repos/customers';
import type { AuditRepo } from '../db/repos/settings';
import type { Pii } from '../db/pii';

export interface CustomersDeps {
  customers: CustomerRepo;
  audit: Pick<AuditRepo, 'append' | 'appendSoon' | 'flush' | 'countByStaffSince'>;
  pii: Pick<Pii, 'decrypt'>;
  now: () => number;
  rules: () => Pick<RulesConfig, 'customer' | 'branch' | 'suggest' | 'security'>;
  /** The customer's outcome history and the branch's learned conversion (Step 15); absent: rules alone. */
  learning?: (customerId: string, now: number, ticketId?: string) => SuggestLearning;
  /** Consent as it stands (desk events over the import); absent: the imported marketing flag alone. */
  consent?: (c: { id: string; marketingConsent: boolean }) => EffectiveConsent;
  /** Customers were found by phone: walk-in prospects with their phone are linked (Step 15). */
  phoneFound?: (customerIds: string[]) => void;
}

const REVEAL_ACTIONS = ['reveal.id', 'reveal.phone'] as const;

export const customerNotFound = (): ApiError =>
  new ApiError(404, 'customer_not_found', '客户不存在', 'No such customer');

/** Customers: lookup at the lobby, the profile, product suggestions, and showing a full ID or phone number. */
export class CustomersApp {
  private patternSrc = '';
  private pattern = /$^/;

  constructor(private readonly d: CustomersDeps) {}

  /** Compiled once per rules version: the pattern is read at every swipe. */
  private customerNoPattern(): RegExp {
    const src = this.d.rules().customer.customerNoPattern;
    if (src !== this.patternSrc) {
      this.patternSrc = src;
      this.pattern = new RegExp(src);
    }
    return this.pattern;
  }

  /** The customer, or a 404. */
  require(id: string): Customer {
    const c = this.d.customers.get(id);
    if (!c) throw customerNotFound();
    return c;
  }

  lookup(raw: string, staffId: string | null): LookupResult {
    const now = this.d.now();
    const q = classifyLookup(raw, this.customerNoPattern(), now);
    if ('ok' in q) throw new ApiError(400, q.code, q.zh, q.en);
    const masked =
      q.kind === 'id'
        ? maskResidentId(q.value)
        : q.kind === 'phone'
          ? maskMobile(q.value)
          : q.kind === 'card'
            ? maskCard(q.value)
            : q.value;
    const found = this.d.customers.lookup(q);
    // Group-committed just after the reply (see AuditRepo.appendSoon): every lookup is logged.
    this.d.audit.appendSoon({
      at: now,
      staffId,
      action: 'customer.lookup',
      detail: { kind: q.kind, q: masked, hits: found.length },
    });
    if (found.length === 0) {
      throw new ApiError(
        404,
        'customer_not_found',
        `未找到客户（${masked}），可按散客办理`,
        `No customer found for ${masked}; serve as a walk-in`,
      );
    }
    if (q.kind === 'phone') this.d.phoneFound?.(found.map((c) => c.id));
    return { query: { kind: q.kind, masked }, customers: found.map((c) => this.summary(c)) };
  }

  summary(c: CustomerBrief): CustomerSummary {
    return {
      id: c.id,
      customerNo: c.customerNo,
      kind: c.kind,
      name: c.name,
      idMasked: c.idMasked,
      phoneMasked: c.phoneMasked,
      aumFen: c.aumFen,
      tier: tierInfo(c.aumFen, this.d.rules().customer.tiers),
      segments: c.segments,
      corporateGrade: c.corporateGrade,
      creditCode: c.creditCode,
    };
  }

  /** The profile, masked, with the age as `role` may see it; every view is audited. */
  profile(id: string, staffId: string | null, role: Role | null): CustomerProfile {
    const c = this.require(id);
    const now = this.d.now();
    this.d.audit.append({
      at: now,
      staffId,
      action: 'customer.view',
      targetType: 'customer',
      targetId: c.id,
    });
    const linked = c.linkedCustomerId ? this.d.customers.get(c.linkedCustomerId) : undefined;
    const rules = this.d.rules();
    return {
      ...this.summary(c),
      corporateType: c.corporateType,
      creditCode: c.creditCode,
      ...ageFor(role, c.birthMonth ? ageFromMonth(c.birthMonth, now, rules.branch.timezone) : null),
      gender: c.gender,
      // Derived at read time from the same dates and thresholds the suggestion engine uses, so the profile
      // and the suggestions never disagree (the stored column is what the last import or seed computed).
      lifecycle: this.lifecycle(c, now),
      relationshipType: c.relationshipType,
      corporateGrade: c.corporateGrade,
      riskLevel: c.riskLevel,
      riskAssessedAt: c.riskAssessedAt,
      marketingConsent: this.consentOf(c).marketingConsent,
      linked: linked
        ? { id: linked.id, customerNo: linked.customerNo, name: linked.name, kind: linked.kind }
        : null,
      holdings: this.d.customers.holdings(c.id),
      cards: this.d.customers.cards(c.id),
      lastVisitAt: c.lastVisitAt,
      lastTxnAt: c.lastTxnAt,
    };
  }

  private lifecycle(c: Customer, now: number): CustomerProfile['lifecycle'] {
    return deriveLifecycle(
      { createdAt: c.createdAt, lastVisitAt: c.lastVisitAt, lastTxnAt: c.lastTxnAt },
      now,
      this.d.rules().customer.lifecycle,
    );
  }

  /** GET /api/customers/:id/suggestions: 404 for an unknown customer. */
  suggestions(id: string, intents: readonly string[], ticketId?: string): SuggestResult {
    return this.rank(this.require(id), intents, this.d.now(), ticketId);
  }

  /**
   * The suggestions for a customer as of `now`, or null when there is no such customer. The queue asks it
   * before a finish (the outcome rule applies only where there was something to offer).
   */
  suggestionsFor(customerId: string, intents: readonly string[], now: number): SuggestResult | null {
    const c = this.d.customers.get(customerId);
    return c ? this.rank(c, intents, now) : null;
  }

  private rank(c: Customer, intents: readonly string[], now: number, ticketId?: string): SuggestResult {
    const rules = this.d.rules();
    const learning = this.d.learning?.(c.id, now, ticketId);
    return rankSuggestions(this.suggestCustomer(c, now), { intents: [...intents] }, rules.suggest, {
      now,
      timeZone: rules.branch.timezone,
      tierBands: rules.customer.tiers,
      ...(learning ? { learning } : {}),
    });
  }

  /** Marketing and holdings-based suggestion consent as they stand (Step 15). */
  private consentOf(c: Customer): Pick<SuggestCustomer, 'marketingConsent' | 'suggestionConsent'> {
    const eff = this.d.consent?.(c);
    return eff
      ? { marketingConsent: eff.marketing.granted, suggestionConsent: eff.suggestions.granted }
      : { marketingConsent: c.marketingConsent };
  }

  /** The suggestion engine's view of a stored customer, as of `now`. */
  private suggestCustomer(c: Customer, now: number): SuggestCustomer {
    const rules = this.d.rules();
    return {
      kind: c.kind,
      tier: classifyTier(c.aumFen, rules.customer.tiers).tier,
      aumFen: c.aumFen,
      segments: c.segments,
      lifecycle: this.lifecycle(c, now),
      age: c.birthMonth ? ageFromMonth(c.birthMonth, now, rules.branch.timezone) : null,
      riskLevel: c.riskLevel,
      riskAssessedAt: c.riskAssessedAt,
      ...this.consentOf(c),
      holdings: this.d.customers.holdings(c.id).map((h) => ({
        productType: h.productType,
        productCode: h.productCode,
        balanceFen: h.balanceFen,
      })),
      corporateGrade: c.corporateGrade,
      hasLinkedEntity: c.linkedCustomerId !== null,
    };
  }

  /**
   * A full ID or phone number, decrypted for this request only; audited with the reason (normalised by the
   * request schema), masked. At most `revealsPerWindow` per staff member in `revealWindowMinutes`: past that the
   * reveal is refused and a `reveal.limit` row alerts the branch manager (their audit screen filters on it).
   */
  reveal(id: string, field: RevealField, reason: string, staffId: string | null): RevealResult {
    const c = this.require(id);
    const blob = field === 'id' ? c.idEnc : c.phoneEnc;
    if (!blob) throw new ApiError(404, 'no_value', '该客户没有此项信息', 'The customer has no such value');
    const now = this.d.now();
    if (staffId) this.refuseOverLimit(staffId, c.id, field, reason, now);
    const value = this.d.pii.decrypt(blob);
    this.d.audit.append({
      at: now,
      staffId,
      action: `reveal.${field}`,
      targetType: 'customer',
      targetId: c.id,
      reason,
      detail: { masked: field === 'id' ? maskResidentId(value) : maskMobile(value) },
    });
    return { field, value };
  }

  /** Reveals are counted from the audit log: it is durable, and each reveal writes its row before replying. */
  private refuseOverLimit(
    staffId: string,
    customerId: string,
    field: RevealField,
    reason: string,
    now: number,
  ): void {
    const cfg = this.d.rules().security;
    const since = revealWindowStart(now, cfg);
    const made = this.d.audit.countByStaffSince(staffId, REVEAL_ACTIONS, since);
    if (!overRevealLimit(made, cfg)) return;
    this.d.audit.append({
      at: now,
      staffId,
      action: 'reveal.limit',
      targetType: 'customer',
      targetId: customerId,
      reason,
      detail: { field, limit: cfg.revealsPerWindow, windowMinutes: cfg.revealWindowMinutes },
    });
    throw new ApiError(
      429,
      'reveal_limit',
      `${cfg.revealWindowMinutes} 分钟内最多查看 ${cfg.revealsPerWindow} 次完整证件号或手机号，已通知网点负责人；请稍后再试`,
      `At most ${cfg.revealsPerWindow} full ID or phone reveals in ${cfg.revealWindowMinutes} minutes; the branch manager has been told. Try again later`,
      { limit: cfg.revealsPerWindow, windowMinutes: cfg.revealWindowMinutes },
    );
  }

  /** Writes the lookups' pending audit rows (at server close). */
  flush(): void {
    this.d.audit.flush();
  }
}
