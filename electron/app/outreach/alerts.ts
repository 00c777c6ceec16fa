import type { TicketState } from '@shared/queue';
import type { MyArrival, OwnerAlert } from '@shared/api/outreach';
import { tierInfo } from '@shared/customer/tier-info';
import type { RulesConfig } from '@shared/config/schema';
import type { CustomerRepo } from '../../db/repos/customers';
import type { OutreachRepo } from '../../db/repos/outreach';
import { publicTicket } from '../queue';

type Listener = (a: OwnerAlert) => void;

/** Statuses in which a customer is still in the branch. */
const IN_BRANCH = new Set(['waiting', 'called', 'serving', 'held']);

/**
 * 专属客户经理 alerts: the moment an owned customer's ticket is issued in the lobby, their owner (and backup) hear of
 * it on their own feed (/api/alerts), with the ticket and the visit's services. Per staff member, in memory:
 * a screen that connects later reads the same facts from `arrivals` (today's tickets of their book).
 */
export class OwnerAlerts {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly d: {
      outreach: Pick<OutreachRepo, 'owner' | 'bookOf'>;
      customers: Pick<CustomerRepo, 'get'>;
      rules: () => RulesConfig;
      tickets: () => readonly TicketState[];
    },
  ) {}

  listen(staffId: string, fn: Listener): () => void {
    let set = this.listeners.get(staffId);
    if (!set) {
      set = new Set();
      this.listeners.set(staffId, set);
    }
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.listeners.delete(staffId);
    };
  }

  private arrival(t: TicketState, role: 'owner' | 'backup'): MyArrival | null {
    if (!t.customerId) return null;
    const c = this.d.customers.get(t.customerId);
    if (!c) return null;
    const tier = tierInfo(c.aumFen, this.d.rules().customer.tiers);
    return {
      ticket: publicTicket(t),
      services: t.services,
      customer: { id: c.id, customerNo: c.customerNo, name: c.name, tier: tier.tier, tierLabel: tier.label },
      role,
    };
  }

  /** A ticket was issued: tell the customer's owner and backup. */
  issued(t: TicketState, now: number): void {
    if (!t.customerId || this.listeners.size === 0) return;
    const o = this.d.outreach.owner(t.customerId);
    if (!o) return;
    const to: [string, 'owner' | 'backup'][] = [[o.owner.id, 'owner']];
    if (o.backup) to.push([o.backup.id, 'backup']);
    for (const [staffId, role] of to) {
      const set = this.listeners.get(staffId);
      if (!set) continue;
      const a = this.arrival(t, role);
      if (!a) return;
      const alert: OwnerAlert = { type: 'owner_alert', at: now, ...a };
      for (const fn of set) fn(alert);
    }
  }

  /** The staff member's customers in the branch today (identified in the lobby, not yet done). */
  arrivals(staffId: string): MyArrival[] {
    const book = new Map(this.d.outreach.bookOf(staffId).map((b) => [b.customerId, b.role]));
    if (book.size === 0) return [];
    const out: MyArrival[] = [];
    for (const t of this.d.tickets()) {
      const role = t.customerId ? book.get(t.customerId) : undefined;
      if (!role || !IN_BRANCH.has(t.status)) continue;
      const a = this.arrival(t, role);
      if (a) out.push(a);
    }
    return out.sort((a, b) => a.ticket.arrivedAt - b.ticket.arrivedAt);
  }
}
