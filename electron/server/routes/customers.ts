import { idParam, lookupQuery } from '@shared/api/inputs';
import type { LookupResult } from '@shared/api/types';
import { classifyLookup } from '@shared/customer/ids';
import { maskCard, maskMobile, maskResidentId } from '@shared/customer/mask';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';
import { toProfile, toSummary } from '../views';

const STAFF = ['teller', 'lobby', 'rm', 'manager', 'admin'] as const;

export function customerRoutes(http: Http, ctx: AppContext): void {
  http.app.addHook('onClose', async () => ctx.audit.flush());
  let patternSrc = '';
  let pattern = /$^/;
  const customerNoPattern = () => {
    const src = ctx.rules().customer.customerNoPattern;
    if (src !== patternSrc) {
      patternSrc = src;
      pattern = new RegExp(src);
    }
    return pattern;
  };

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/customers/lookup',
      roles: STAFF,
      query: lookupQuery,
      summary: 'Find a walk-in by ID, card, phone, customer number or name',
      reply: returns<unknown>(),
    }),
    ({ query, me }): LookupResult => {
      const now = ctx.now();
      const q = classifyLookup(query.q, customerNoPattern(), now);
      if ('ok' in q) throw new ApiError(400, q.code, q.zh, q.en);
      const masked =
        q.kind === 'id'
          ? maskResidentId(q.value)
          : q.kind === 'phone'
            ? maskMobile(q.value)
            : q.kind === 'card'
              ? maskCard(q.value)
              : q.value;
      const rows = ctx.customers.lookup(q);
      // Group-committed just after the reply (see AuditRepo.appendSoon): every lookup is logged.
      ctx.audit.appendSoon({
        at: now,
        staffId: me?.id ?? null,
        action: 'customer.lookup',
        detail: { kind: q.kind, q: masked, hits: rows.length },
      });
      if (rows.length === 0) {
        throw new ApiError(
          404,
          'customer_not_found',
          `未找到客户（${masked}），可按散客办理`,
          `No customer found for ${masked}; serve as a walk-in`,
        );
      }
      const rules = ctx.rules();
      return { query: { kind: q.kind, masked }, customers: rows.map((r) => toSummary(r, rules)) };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/customers/:id',
      roles: STAFF,
      params: idParam,
      summary: 'Customer profile (masked)',
      reply: returns<unknown>(),
    }),
    ({ params, me }) => {
      const row = ctx.customers.get(params.id);
      if (!row) throw new ApiError(404, 'customer_not_found', '客户不存在', 'No such customer');
      const now = ctx.now();
      ctx.audit.append({
        at: now,
        staffId: me?.id ?? null,
        action: 'customer.view',
        targetType: 'customer',
        targetId: row.id,
      });
      const linked = row.linked_customer_id ? ctx.customers.get(row.linked_customer_id) : undefined;
      return toProfile(
        row,
        ctx.customers.holdings(row.id),
        ctx.customers.cards(row.id),
        linked,
        ctx.rules(),
        now,
      );
    },
  );
}
