import type { z } from 'zod';
import { ApiError } from '@shared/api/errors';
import type { RulesConfig } from '@shared/config/schema';
import {
  effectiveConsent,
  type ConsentEvent,
  type ConsentView,
  type EffectiveConsent,
  type consentRequest,
} from '@shared/customer/consent';
import type { ConsentConfig } from '@shared/customer/consent-config';
import type { SyncEventKind } from '@shared/sync/envelope';
import type { ConsentRepo } from '../db/repos/consent';
import type { AuditRepo } from '../db/repos/settings';
import { newId } from '../db/ids';

export interface ConsentDeps {
  repo: ConsentRepo;
  customers: { require: (id: string) => { id: string; marketingConsent: boolean } };
  staffName: (id: string) => string | null;
  tx: <T>(fn: () => T) => T;
  /** The replication outbox: the event goes out in the write's own transaction, under the event's own id. */
  outbox: {
    record: (kind: SyncEventKind, entityId: string, payload: Record<string, unknown>, id?: string) => unknown;
  };
  audit: Pick<AuditRepo, 'append'>;
  now: () => number;
  rules: () => Pick<RulesConfig, 'consent'>;
  /** Keeps the words of the text version read (for the printed slip); absent in tests that do not print. */
  keepText?: (version: string, purpose: ConsentEvent['purpose'], at: number) => void;
}

/** Consent at the desk (Step 15): what stands per purpose, and grants or withdrawals with the customer present. */
export class ConsentApp {
  constructor(private readonly d: ConsentDeps) {}

  texts(): ConsentConfig {
    return this.d.rules().consent;
  }

  /** What stands for one customer (the suggestions read it). */
  effective(customerId: string, importedMarketing: boolean): EffectiveConsent {
    return effectiveConsent(this.d.repo.forCustomer(customerId), { marketing: importedMarketing });
  }

  /** What stands for many customers at once (the outreach lists). */
  effectiveMany(
    customers: readonly { id: string; marketingConsent: boolean }[],
  ): Map<string, EffectiveConsent> {
    const events = this.d.repo.any() ? this.d.repo.forCustomers(customers.map((c) => c.id)) : new Map();
    return new Map(
      customers.map((c) => [
        c.id,
        effectiveConsent((events.get(c.id) as ConsentEvent[] | undefined) ?? [], {
          marketing: c.marketingConsent,
        }),
      ]),
    );
  }

  view(customerId: string): ConsentView {
    const c = this.d.customers.require(customerId);
    const history = this.d.repo.forCustomer(c.id);
    const eff = effectiveConsent(history, { marketing: c.marketingConsent });
    const name = (id: string | undefined) => (id ? this.d.staffName(id) : null);
    return {
      purposes: Object.values(eff).map((s) => ({ ...s, staffName: name(s.event?.staffId) })),
      history: history.map((e) => ({ ...e, staffName: name(e.staffId) })),
    };
  }

  /** A grant or withdrawal, with the text version the customer read; audited and replicated. */
  record(customerId: string, b: z.output<typeof consentRequest>, staffId: string): ConsentView {
    const c = this.d.customers.require(customerId);
    const cfg = this.d.rules().consent;
    if (b.textVersion !== cfg.version) {
      throw new ApiError(
        409,
        'consent_text_outdated',
        `客户阅读的授权文本（${b.textVersion}）不是现行版本（${cfg.version}），请刷新后重新展示`,
        `The customer read text version ${b.textVersion}, not the one in force (${cfg.version}); refresh and show it again`,
      );
    }
    if (!cfg.purposes[b.purpose].scopes.some((s) => s.key === b.scope)) {
      throw new ApiError(400, 'unknown_scope', '未知的授权范围', 'Unknown consent scope');
    }
    const at = this.d.now();
    const event: ConsentEvent = {
      id: newId(),
      customerId: c.id,
      purpose: b.purpose,
      granted: b.granted,
      scope: b.scope,
      channel: b.channel,
      textVersion: b.textVersion,
      signed: b.signed,
      note: b.note ?? null,
      staffId,
      at,
    };
    this.d.tx(() => {
      const row = this.d.repo.add(event);
      this.d.outbox.record('consent', c.id, { row }, event.id);
      this.d.keepText?.(event.textVersion, event.purpose, at);
      this.d.audit.append({
        at,
        staffId,
        action: b.granted ? 'consent.grant' : 'consent.withdraw',
        targetType: 'customer',
        targetId: c.id,
        detail: {
          purpose: b.purpose,
          scope: b.scope,
          channel: b.channel,
          textVersion: b.textVersion,
          signed: b.signed,
        },
      });
    });
    return this.view(c.id);
  }

  /**
   * An event recorded elsewhere — a prospect's consent copied to the customer it became, or another branch's via
   * the head office — stored once under its own id and replicated to the terminals like a desk event. The caller
   * holds the transaction. Returns whether it was new here.
   */
  adopt(event: ConsentEvent): boolean {
    const row = this.d.repo.addIfAbsent(event);
    if (row) this.d.outbox.record('consent', event.customerId, { row }, event.id);
    return row !== null;
  }
}
