import type { VipToday } from '@shared/api/visit';
import { branchDay, vipRoomQueues } from '@shared/queue';
import type { AppContext } from '../context';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';
import { tierInfo } from '@shared/customer/tier-info';

/** The VIP room's day: every ticket of today in a queue served by the VIP channel, with who it is for. */
export function vipRoutes(http: Http, ctx: AppContext): void {
  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/vip/today',
      roles: ['rm', 'lobby', 'manager', 'admin'],
      summary: 'Today’s VIP-room walk-ins with customer names and tiers',
      reply: returns<unknown>(),
    }),
    (): VipToday => {
      const now = ctx.now();
      const rules = ctx.rules();
      const day = branchDay(now, rules.branch.timezone);
      const vipQueues = vipRoomQueues(rules.queue);
      const tickets = ctx.queue.tickets.today(day).filter((t) => vipQueues.has(t.queue));
      return {
        branchDay: day,
        tickets: tickets.map((t) => {
          const c = t.customerId ? ctx.customers.get(t.customerId) : undefined;
          const linked = c?.linkedCustomerId ? ctx.customers.get(c.linkedCustomerId) : undefined;
          return {
            ticket: ctx.queue.publicTicket(t),
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
    },
  );
}
