import { tierInfo } from '@shared/customer/tier-info';
import type { VipToday } from '@shared/api/visit';
import { branchDay, vipRoomQueues } from '@shared/queue';
import { publicTicket } from './board';
import type { QueueDeps } from './deps';

/** The VIP room's day: every ticket of today in a queue served by the VIP channel, with who it is for. */
export class VipApp {
  constructor(private readonly d: Pick<QueueDeps, 'tickets' | 'customers' | 'rules' | 'now'>) {}

  today(): VipToday {
    const now = this.d.now();
    const rules = this.d.rules();
    const day = branchDay(now, rules.branch.timezone);
    const vipQueues = vipRoomQueues(rules.queue);
    const tickets = this.d.tickets.today(day).filter((t) => vipQueues.has(t.queue));
    return {
      branchDay: day,
      tickets: tickets.map((t) => {
        const c = t.customerId ? this.d.customers.get(t.customerId) : undefined;
        const linked = c?.linkedCustomerId ? this.d.customers.get(c.linkedCustomerId) : undefined;
        return {
          ticket: publicTicket(t),
          services: t.services,
          customer: c
            ? {
                id: c.id,
                customerNo: c.customerNo,
                name: c.name,
                tier: tierInfo(c.aumFen, rules.customer.tiers),
                linkedName: linked?.name ?? null,
              }
            : null,
        };
      }),
    };
  }
}
