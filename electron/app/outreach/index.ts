import { ApiError, refusal } from '@shared/api/errors';
import type {
  BookList,
  ContactView,
  MyArrival,
  OutreachFigures,
  OutreachItem,
  OutreachList,
} from '@shared/api/outreach';
import type { OutreachRuleKey } from '@shared/outreach/config';
import {
  checkChurnReason,
  checkNotContactedToday,
  contactAllowed,
  contactFigures,
} from '@shared/outreach/contact';
import { DAY_MS } from '@shared/outreach/rules';
import { outreachProgress, type DoneFact, type ListItemFact } from '@shared/outreach/figures';
import { branchDay } from '@shared/queue';
import { newId } from '../../db/ids';
import { ruleKeyOf } from '../../db/convert/outreach';
import {
  eachPage,
  evaluate,
  EVALUATE_SLICE,
  evaluateSliced,
  listInstant,
  nextTurn,
  readOwnersSliced,
} from './lists';
import type { PeriodContact } from '../../db/repos/outreach';
import { DailyInputs } from './daily';
import { customerNotFound, MANAGERS, OWNER_ROLES, staffRef, type Caller, type OutreachDeps } from './deps';

export { OwnerAlerts } from './alerts';
export { OwnersApp } from './owners';
export { deskConsent, storedConsent, type ConsentReader } from './consent';
export type { OutreachDeps } from './deps';

export interface ListQuery {
  scope?: 'mine' | 'all' | 'unassigned' | undefined;
  rule?: OutreachRuleKey | undefined;
  day?: string | undefined;
}

/** Contacts of a period read between two turns of the event loop (a page is ~10 ms with their customers). */
const CONTACTS_PAGE = 2_000;

/** 客户经营: the RM's book, the daily outreach lists, the contact log and its figures. */
export class OutreachApp {
  private readonly inputs: DailyInputs;
  private readonly inFlight = new Map<string, Promise<OutreachList>>();

  constructor(private readonly d: OutreachDeps) {
    this.inputs = new DailyInputs(d.repo);
  }

  // ── the book and the lists ──────────────────────────────────────────────────────────
  async book(staffId: string): Promise<BookList> {
    const rules = this.d.rules();
    const staff = staffRef(this.d.staff, staffId, null);
    const mine = this.d.repo.bookOf(staffId);
    const role = new Map(mine.map((m) => [m.customerId, m.role]));
    const ids = mine.map((m) => m.customerId);
    const owners = this.d.repo.owners(ids);
    const ev = await evaluateSliced({
      repo: this.d.repo,
      consentOf: this.d.consent,
      rules,
      ids,
      at: this.d.now(),
      owners,
    });
    return {
      staff,
      rows: ev
        .map((e) => ({ ...e.row, role: role.get(e.base.id) ?? 'owner', hits: e.hits }))
        .sort((a, b) => b.aumFen - a.aumFen),
    };
  }

  /** The day's outreach list: every customer a rule lists, with the reasons, who works it, due and overdue. */
  list(q: ListQuery, caller: Caller): Promise<OutreachList> {
    // Two managers (or one double-clicking) asking for the same list while it is being made share the work.
    const key = JSON.stringify([q.scope ?? null, q.rule ?? null, q.day ?? null, caller.id, caller.role]);
    const running = this.inFlight.get(key);
    if (running) return running;
    const p = this.makeList(q, caller).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    return p;
  }

  private async makeList(q: ListQuery, caller: Caller): Promise<OutreachList> {
    const rules = this.d.rules();
    const now = this.d.now();
    const tz = rules.branch.timezone;
    const day = q.day ?? branchDay(now, tz);
    const at = listInstant(day, now, tz);
    const scope = q.scope ?? (MANAGERS.has(caller.role) ? 'all' : 'mine');
    if (scope !== 'mine' && !MANAGERS.has(caller.role))
      throw new ApiError(
        403,
        'forbidden',
        '只有网点负责人可查看全网点名单',
        'Only the branch manager sees the whole list',
      );
    const owners = await readOwnersSliced(this.d.repo);
    const assigned = this.d.repo.assignments();
    let ids: string[] | null = null;
    if (scope === 'mine') {
      ids = [
        ...this.d.repo
          .bookOf(caller.id)
          .filter((b) => b.role === 'owner')
          .map((b) => b.customerId),
        ...this.d.repo.assignedTo(caller.id).filter((id) => !owners.has(id)),
      ];
    }
    const today = this.d.repo.contactedOn(day);
    const items: OutreachItem[] = [];
    const inputs = await this.inputs.get(ids, day, at, rules.outreach.rules.maturity.withinDays, () =>
      this.d.now(),
    );
    const evaluated = await evaluateSliced(
      { repo: this.d.repo, consentOf: this.d.consent, rules, ids, at, owners, only: q.rule, inputs },
      true,
    );
    // Tens of thousands of items at a large branch: made a slice at a time too.
    for (let i = 0; i < evaluated.length; i += EVALUATE_SLICE) {
      if (i > 0) await nextTurn();
      // Only listed customers come back (listedOnly): every one has a hit.
      for (const e of evaluated.slice(i, i + EVALUATE_SLICE)) {
        const owner = owners.get(e.base.id)?.owner ?? null;
        const assignee = owner ?? assigned.get(e.base.id) ?? null;
        if (scope === 'unassigned' && assignee) continue;
        const done = today.get(e.base.id)?.[0];
        items.push({
          ...e.row,
          hits: e.hits,
          assignee,
          dueAt: Math.min(...e.hits.map((h) => h.dueAt)),
          overdue: e.hits.some((h) => h.overdue),
          contactedToday: done ? { id: done.staffId, name: done.staffName } : null,
        });
      }
    }
    await nextTurn();
    // Overdue first, then by due time, then the larger balance. Sorted on small keyed records: the comparator on the
    // items themselves took ~6 µs an item (a quarter of a second at 37,000 items).
    const keyed = items.map((it, k) => ({ o: it.overdue ? 0 : 1, d: it.dueAt, a: -it.aumFen, k }));
    keyed.sort((x, y) => x.o - y.o || x.d - y.d || x.a - y.a);
    return { day, items: keyed.map((x) => items[x.k] as OutreachItem) };
  }

  /** The manager hands unowned customers' outreach to a member of staff. */
  assignOutreach(customerIds: string[], assigneeId: string, by: string): { assigned: number } {
    // Only those who see the outreach list and log contacts can work an assignment (not a teller).
    staffRef(this.d.staff, assigneeId, OWNER_ROLES);
    const at = this.d.now();
    return this.d.tx(() => {
      for (const id of customerIds) if (!this.d.customers.get(id)) throw customerNotFound();
      this.d.repo.assign(customerIds, assigneeId, by, at);
      this.d.audit.append({
        at,
        staffId: by,
        action: 'outreach.assign',
        targetType: 'staff',
        targetId: assigneeId,
        detail: { count: customerIds.length },
      });
      return { assigned: customerIds.length };
    });
  }

  // ── the contact log ──────────────────────────────────────────────────────────────────
  logContact(
    customerId: string,
    b: {
      channel: string;
      result: string;
      rule?: OutreachRuleKey | null | undefined;
      note?: string | undefined;
      nextStep?: string | undefined;
      nextAt?: number | null | undefined;
      churnReason?: string | null | undefined;
    },
    caller: Caller,
  ): ContactView {
    const rules = this.d.rules();
    const cfg = rules.outreach;
    const now = this.d.now();
    const c = this.d.customers.get(customerId);
    if (!c) throw customerNotFound();
    if (!cfg.channels.some((x) => x.key === b.channel))
      throw new ApiError(400, 'unknown_value', `未知联系渠道：${b.channel}`, `Unknown channel: ${b.channel}`);
    const rule = b.rule ?? null;
    const churnReason = b.churnReason ?? null;
    const reasonOk = checkChurnReason({ rule, result: b.result, churnReason }, cfg);
    if (!reasonOk.ok) throw refusal(400, reasonOk);
    if (b.nextAt != null && b.nextAt <= now)
      throw new ApiError(
        400,
        'next_in_past',
        '下次联系时间须晚于现在',
        'The next contact must be in the future',
      );
    const consent = this.d.consent([c]).get(c.id) ?? { doNotContact: false, marketing: c.marketingConsent };
    const allowed = contactAllowed(consent, rule ? cfg.rules[rule].purpose : 'service');
    if (!allowed.ok) throw refusal(409, allowed);
    const day = branchDay(now, rules.branch.timezone);
    const staffName = this.d.staff.byId(caller.id)?.display_name ?? caller.id;
    // The reason the list gave, kept as it was said (the list changes as balances do).
    const [ev] = rule
      ? evaluate(this.d.repo, this.d.consent, rules, [c.id], now, this.d.repo.owners([c.id]), rule)
      : [undefined];
    const reason = ev?.hits[0]?.reason.zh ?? null;
    const id = newId();
    this.d.tx(() => {
      // Checked inside the write: two RMs saving at once cannot both pass.
      const today = this.d.repo.contactedOn(day).get(c.id) ?? [];
      const once = checkNotContactedToday(today, caller.id);
      if (!once.ok) throw refusal(409, once);
      const row = {
        id,
        customer_id: c.id,
        staff_id: caller.id,
        at: now,
        branch_day: day,
        channel: b.channel,
        result: b.result,
        rule,
        reason,
        note: b.note ?? null,
        next_step: b.nextStep ?? null,
        next_at: b.nextAt ?? null,
        churn_reason: churnReason,
        aum_fen: c.aumFen,
      };
      this.d.repo.addContact(row);
      // Its id is the envelope's: logged offline at a terminal, it reaches the hub (and the others) once.
      this.d.outbox.record('contact', id, { row }, id);
      this.d.audit.append({
        at: now,
        staffId: caller.id,
        action: 'outreach.contact',
        targetType: 'customer',
        targetId: c.id,
        detail: { channel: b.channel, result: b.result, rule },
      });
    });
    return {
      id,
      customerId: c.id,
      staff: { id: caller.id, name: staffName },
      at: now,
      channel: b.channel,
      result: b.result,
      rule,
      reason,
      note: b.note ?? null,
      nextStep: b.nextStep ?? null,
      nextAt: b.nextAt ?? null,
      churnReason,
    };
  }

  contacts(customerId: string): ContactView[] {
    if (!this.d.customers.get(customerId)) throw customerNotFound();
    return this.d.repo.contacts(customerId, 50);
  }

  /**
   * The done list's figures for a period (default: the last 30 days), and today's lists done versus due, per list
   * and per member of staff: the branch's for the manager (or one RM's, by `staffId`), an RM's own otherwise.
   */
  async figures(
    q: {
      from?: number | undefined;
      to?: number | undefined;
      staffId?: string | undefined;
    },
    caller: Caller,
  ): Promise<OutreachFigures> {
    const now = this.d.now();
    const to = q.to ?? now + 1;
    const from = q.from ?? to - 30 * DAY_MS;
    const rows = await this.contactsOfPeriod(from, to, q.staffId);
    const facts = rows.map((r) => ({
      customerId: r.customer_id,
      rule: ruleKeyOf(r.rule),
      result: r.result,
      churnReason: r.churn_reason,
      aumAtFen: r.aum_fen,
      aumNowFen: r.aum_now,
    }));
    const cfg = this.d.rules().outreach;
    const list = await this.list({ scope: MANAGERS.has(caller.role) ? 'all' : 'mine' }, caller);
    const names = new Map<string, string>();
    const done: DoneFact[] = [];
    for (const [customerId, calls] of this.d.repo.contactedOn(list.day))
      for (const c of calls) {
        names.set(c.staffId, c.staffName);
        if (!q.staffId || c.staffId === q.staffId)
          done.push({ customerId, staffId: c.staffId, rule: ruleKeyOf(c.rule) });
      }
    // Tens of thousands of items at a large branch (~0.1 s in one go): a slice at a time, as the list was made.
    const items: ListItemFact[] = [];
    for (let i = 0; i < list.items.length; i += EVALUATE_SLICE) {
      if (i > 0) await nextTurn();
      for (const it of list.items.slice(i, i + EVALUATE_SLICE)) {
        if (it.assignee) names.set(it.assignee.id, it.assignee.name);
        items.push({
          customerId: it.customerId,
          assigneeId: it.assignee?.id ?? null,
          rules: it.hits.map((h) => h.rule),
          overdue: it.overdue,
          contactedToday: it.contactedToday !== null,
        });
      }
    }
    const reached = new Set(cfg.results.filter((r) => r.reached).map((r) => r.key));
    const progress = outreachProgress(
      q.staffId ? items.filter((i) => i.assigneeId === q.staffId) : items,
      done,
      rows.map((r) => ({ staffId: r.staff_id, result: r.result })),
      reached,
    );
    const nameOf = (id: string | null) =>
      id === null ? null : (names.get(id) ?? this.d.staff.byId(id)?.display_name ?? id);
    return {
      from,
      to,
      ...contactFigures(facts, cfg),
      day: list.day,
      today: progress.today,
      byStaff: progress.byStaff.map((s) => ({ ...s, name: nameOf(s.staffId) })),
    };
  }

  /** The period's contacts a page at a time, the event loop turning between pages. */
  private async contactsOfPeriod(from: number, to: number, staffId?: string): Promise<PeriodContact[]> {
    const rows: PeriodContact[] = [];
    await eachPage(
      (after: { at: number; rowid: number } | null, limit) =>
        this.d.repo.contactsBetween(from, to, staffId, { after, limit }),
      null,
      (last) => ({ at: last.at, rowid: last.rowid }),
      CONTACTS_PAGE,
      (page) => rows.push(...page),
    );
    return rows;
  }

  arrivals(staffId: string): MyArrival[] {
    return this.d.alerts.arrivals(staffId);
  }
}
