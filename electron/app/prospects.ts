import type { z } from 'zod';
import { ApiError } from '@shared/api/errors';
import type { Role } from '@shared/api/types';
import type { RulesConfig } from '@shared/config/schema';
import type { ConsentEvent } from '@shared/customer/consent';
import { maskMobile } from '@shared/customer/mask';
import { overRevealLimit, revealWindowStart } from '@shared/customer/reveal';
import type { ProspectList, ProspectView } from '@shared/prospect/api';
import {
  erasedProspect,
  prospectChangeRefusal,
  prospectDueAt,
  type prospectCloseRequest,
  type prospectRequest,
  type prospectWithdrawRequest,
} from '@shared/prospect/rules';
import type { Prospect, ProspectConsent } from '../db/convert/prospects';
import { newId } from '../db/ids';
import type { Pii } from '../db/pii';
import type { ProspectRepo } from '../db/repos/prospects';
import type { AuditRepo } from '../db/repos/settings';

export interface ProspectsDeps {
  repo: ProspectRepo;
  /** Customers with this mobile number (the lookup hashes it the way the copy stores it). */
  customersByPhone: (phone: string) => { id: string; customerNo: string; name: string }[];
  customer: (id: string) => { id: string; customerNo: string; name: string } | undefined;
  /** Copies a prospect's consent to the linked customer (same id: idempotent), replicated like a desk event. */
  addCustomerConsent: (e: ConsentEvent) => void;
  /** Keeps the words of the text version read. */
  keepText: (version: string, purpose: ConsentEvent['purpose'], at: number) => void;
  pii: Pick<Pii, 'lookupHash' | 'encrypt' | 'decrypt'>;
  staff: (id: string) => { displayName: string; role: Role; active: boolean } | undefined;
  audit: Pick<AuditRepo, 'append' | 'countByStaffSince'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  rules: () => Pick<RulesConfig, 'consent' | 'prospects' | 'security'>;
  /** Prospects live at the hub (they do not replicate to terminals): a terminal refuses to record one. */
  hub: boolean;
}

const ASSIGNABLE: ReadonlySet<Role> = new Set(['rm', 'manager']);
const SEES_ALL: ReadonlySet<Role> = new Set(['manager', 'admin']);
const REVEAL_ACTIONS = ['reveal.id', 'reveal.phone'] as const;

const notFound = () => new ApiError(404, 'prospect_not_found', '潜在客户不存在', 'No such prospect');

/**
 * Walk-in prospects (Step 15): recorded at the lobby with consent, followed up by an RM, linked when the same phone
 * becomes a customer, erased when the person withdraws. Every step is audited; the phone shows masked and is read
 * in full only through the logged reveal (counted with the customers' reveals).
 */
export class ProspectsApp {
  constructor(private readonly d: ProspectsDeps) {}

  create(b: z.output<typeof prospectRequest>, staffId: string): ProspectView {
    const rules = this.d.rules();
    if (!this.d.hub) {
      throw new ApiError(
        409,
        'prospect_needs_hub',
        '潜在客户请在网点主机上登记（本机为离线终端）',
        'Record prospects on the branch hub (this is an offline terminal)',
      );
    }
    if (!b.consent.granted) {
      throw new ApiError(
        422,
        'prospect_without_consent',
        '客户未同意，不保存其姓名和手机号',
        'Without the customer’s consent the name and phone are not kept',
      );
    }
    const purpose = rules.prospects.purpose;
    this.checkText(b.consent.textVersion, purpose, b.consent.scope);
    if (b.assigneeId) this.requireAssignee(b.assigneeId);
    const at = this.d.now();
    const known = this.d.customersByPhone(b.phone)[0];
    const p: Prospect = {
      id: newId(),
      name: b.name,
      phoneHash: this.d.pii.lookupHash('phone', b.phone),
      phoneMasked: maskMobile(b.phone),
      phoneEnc: this.d.pii.encrypt(b.phone),
      intent: b.intent ?? null,
      note: b.note ?? null,
      assigneeId: b.assigneeId ?? null,
      dueAt: prospectDueAt(at, rules.prospects),
      status: known ? 'converted' : 'open',
      customerId: known?.id ?? null,
      createdBy: staffId,
      createdAt: at,
      updatedAt: at,
      closedAt: known ? at : null,
    };
    const consent: ProspectConsent = {
      id: newId(),
      prospectId: p.id,
      purpose,
      granted: true,
      scope: b.consent.scope,
      channel: b.consent.channel,
      textVersion: b.consent.textVersion,
      staffId,
      at,
    };
    this.d.tx(() => {
      this.d.repo.add(p);
      this.d.repo.addConsent(consent);
      this.d.keepText(consent.textVersion, purpose, at);
      if (known) this.d.addCustomerConsent(this.asCustomerConsent(consent, known.id));
      this.d.audit.append({
        at,
        staffId,
        action: 'prospect.create',
        targetType: 'prospect',
        targetId: p.id,
        detail: { phone: p.phoneMasked, intent: p.intent, textVersion: consent.textVersion, linked: !!known },
      });
    });
    return this.view(p);
  }

  /** An RM's prospects (theirs and the unassigned), or the whole branch's for a manager; linked first. */
  list(
    q: { status?: 'open' | 'all' | undefined; all?: '0' | '1' | undefined },
    me: { id: string; role: Role },
  ) {
    this.linkAll();
    const everyone = q.all === '1' && SEES_ALL.has(me.role);
    const rows = this.d.repo.list({
      assigneeId: everyone || me.role === 'admin' ? null : me.id,
      openOnly: (q.status ?? 'open') === 'open',
    });
    const consents = this.d.repo.latestConsents(rows.map((r) => r.id));
    const now = this.d.now();
    return { prospects: rows.map((p) => this.view(p, consents.get(p.id), now)) } satisfies ProspectList;
  }

  close(id: string, b: z.output<typeof prospectCloseRequest>, staffId: string): ProspectView {
    const p = this.require(id);
    this.refuse(p, b.status);
    const at = this.d.now();
    const next: Prospect = {
      ...p,
      status: b.status,
      note: b.note ?? p.note,
      assigneeId: p.assigneeId ?? staffId,
      updatedAt: at,
      closedAt: at,
    };
    this.d.tx(() => {
      this.d.repo.put(next);
      this.d.audit.append({
        at,
        staffId,
        action: `prospect.${b.status}`,
        targetType: 'prospect',
        targetId: p.id,
      });
    });
    return this.view(next);
  }

  /** The person withdraws: the withdrawal is recorded, name and phone are erased (and the linked customer's too). */
  withdraw(id: string, b: z.output<typeof prospectWithdrawRequest>, staffId: string): ProspectView {
    const p = this.require(id);
    this.refuse(p, 'withdrawn');
    const purpose = this.d.rules().prospects.purpose;
    this.checkText(b.textVersion, purpose, null);
    const at = this.d.now();
    const last = this.d.repo.consents(p.id)[0];
    const event: ProspectConsent = {
      id: newId(),
      prospectId: p.id,
      purpose,
      granted: false,
      scope: last?.scope ?? 'all',
      channel: b.channel,
      textVersion: b.textVersion,
      staffId,
      at,
    };
    const next: Prospect = { ...erasedProspect(p), status: 'withdrawn', updatedAt: at, closedAt: at };
    this.d.tx(() => {
      this.d.repo.addConsent(event);
      this.d.keepText(event.textVersion, purpose, at);
      this.d.repo.put(next);
      if (p.customerId) this.d.addCustomerConsent(this.asCustomerConsent(event, p.customerId));
      this.d.audit.append({
        at,
        staffId,
        action: 'prospect.withdraw',
        targetType: 'prospect',
        targetId: p.id,
        detail: { textVersion: b.textVersion, channel: b.channel },
      });
    });
    return this.view(next, event);
  }

  /** The full phone number, for the call: audited with the reason, counted in the staff member's reveal limit. */
  reveal(id: string, reason: string, staffId: string): { field: 'phone'; value: string } {
    const p = this.require(id);
    if (!p.phoneEnc) throw new ApiError(404, 'no_value', '没有此项信息', 'No such value');
    const at = this.d.now();
    const cfg = this.d.rules().security;
    const made = this.d.audit.countByStaffSince(staffId, REVEAL_ACTIONS, revealWindowStart(at, cfg));
    if (overRevealLimit(made, cfg)) {
      this.d.audit.append({
        at,
        staffId,
        action: 'reveal.limit',
        targetType: 'prospect',
        targetId: p.id,
        reason,
        detail: { field: 'phone', limit: cfg.revealsPerWindow, windowMinutes: cfg.revealWindowMinutes },
      });
      throw new ApiError(
        429,
        'reveal_limit',
        `${cfg.revealWindowMinutes} 分钟内最多查看 ${cfg.revealsPerWindow} 次完整证件号或手机号，已通知网点负责人；请稍后再试`,
        `At most ${cfg.revealsPerWindow} full ID or phone reveals in ${cfg.revealWindowMinutes} minutes; the branch manager has been told. Try again later`,
      );
    }
    const value = this.d.pii.decrypt(p.phoneEnc);
    this.d.audit.append({
      at,
      staffId,
      action: 'reveal.phone',
      targetType: 'prospect',
      targetId: p.id,
      reason,
      detail: { masked: maskMobile(value) },
    });
    return { field: 'phone', value };
  }

  /**
   * Links prospects whose phone is now a customer's (an import, or a walk-in identified later): the prospect turns
   * `converted` and its consent events are copied to the customer under the same ids, so running it twice, or on two
   * copies, adds nothing. Returns how many were linked.
   */
  linkAll(): number {
    return this.link(this.d.repo.unlinkedMatches());
  }

  /** linkAll for customers a lookup by phone just found (the walk-in identified later): only their prospects. */
  linkCustomers(customerIds: readonly string[]): number {
    if (customerIds.length === 1) return this.link(this.d.repo.unlinkedMatchesOf(customerIds[0] as string));
    return this.link(customerIds.flatMap((id) => this.d.repo.unlinkedMatchesOf(id)));
  }

  private link(matches: readonly { prospectId: string; customerId: string }[]): number {
    if (matches.length === 0) return 0;
    const at = this.d.now();
    const seen = new Set<string>();
    this.d.tx(() => {
      for (const m of matches) {
        if (seen.has(m.prospectId)) continue;
        seen.add(m.prospectId);
        const p = this.d.repo.get(m.prospectId);
        if (!p) continue;
        const wasOpen = p.status === 'open';
        this.d.repo.put({
          ...p,
          customerId: m.customerId,
          status: wasOpen ? 'converted' : p.status,
          updatedAt: at,
          closedAt: p.closedAt ?? at,
        });
        for (const e of [...this.d.repo.consents(p.id)].reverse()) {
          this.d.addCustomerConsent(this.asCustomerConsent(e, m.customerId));
        }
        this.d.audit.append({
          at,
          staffId: null,
          action: 'prospect.link',
          targetType: 'prospect',
          targetId: p.id,
          detail: { customerId: m.customerId },
        });
      }
    });
    return seen.size;
  }

  private asCustomerConsent(e: ProspectConsent, customerId: string): ConsentEvent {
    return {
      id: e.id,
      customerId,
      purpose: e.purpose,
      granted: e.granted,
      scope: e.scope,
      channel: e.channel,
      textVersion: e.textVersion,
      signed: false,
      note: null,
      staffId: e.staffId,
      at: e.at,
    };
  }

  private require(id: string): Prospect {
    const p = this.d.repo.get(id);
    if (!p) throw notFound();
    return p;
  }

  private refuse(p: Prospect, to: Prospect['status']): void {
    const why = prospectChangeRefusal(p.status, to);
    if (why) throw new ApiError(409, why.code, why.zh, why.en);
  }

  private requireAssignee(id: string): void {
    const s = this.d.staff(id);
    if (!s || !s.active || !ASSIGNABLE.has(s.role)) {
      throw new ApiError(400, 'bad_assignee', '请选择在职的客户经理', 'Pick an active relationship manager');
    }
  }

  private checkText(version: string, purpose: ConsentEvent['purpose'], scope: string | null): void {
    const cfg = this.d.rules().consent;
    if (version !== cfg.version) {
      throw new ApiError(
        409,
        'consent_text_outdated',
        `客户阅读的授权文本（${version}）不是现行版本（${cfg.version}），请刷新后重新展示`,
        `The customer read text version ${version}, not the one in force (${cfg.version}); refresh and show it again`,
      );
    }
    if (scope !== null && !cfg.purposes[purpose].scopes.some((s) => s.key === scope)) {
      throw new ApiError(400, 'unknown_scope', '未知的授权范围', 'Unknown consent scope');
    }
  }

  private view(p: Prospect, consent?: ProspectConsent, now = this.d.now()): ProspectView {
    const c = consent ?? this.d.repo.consents(p.id)[0];
    const cust = p.customerId ? this.d.customer(p.customerId) : undefined;
    return {
      id: p.id,
      name: p.name,
      phoneMasked: p.phoneMasked,
      intent: p.intent,
      note: p.note,
      assigneeId: p.assigneeId,
      assigneeName: p.assigneeId ? (this.d.staff(p.assigneeId)?.displayName ?? null) : null,
      dueAt: p.dueAt,
      overdue: p.status === 'open' && p.dueAt < now,
      status: p.status,
      customer: cust ? { id: cust.id, customerNo: cust.customerNo, name: cust.name } : null,
      createdAt: p.createdAt,
      createdByName: this.d.staff(p.createdBy)?.displayName ?? null,
      consent: c ? { granted: c.granted, textVersion: c.textVersion, at: c.at, eventId: c.id } : null,
    };
  }
}
