import { idParam } from '@shared/api/inputs';
import type { Role } from '@shared/api/types';
import {
  complaintPatch,
  complaintRequest,
  followUpPatch,
  followUpQuery,
  outcomeRequest,
  revealRequest,
  suggestionsQuery,
  type AssigneeView,
  type CustomerActivity,
  type FollowUpView,
} from '@shared/api/visit';
import { maskMobile, maskResidentId } from '@shared/customer/mask';
import type { Bilingual } from '@shared/suggest/text';
import type { CustomerTable } from '../../db/schema';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';
import { suggestionsFor } from '../suggestions';

const SERVING: Role[] = ['teller', 'rm', 'lobby', 'manager', 'admin'];
/** Roles that may look at everyone's follow-ups, not only their own. */
const SEE_ALL: Role[] = ['manager', 'admin'];
const DAY = 86_400_000;

/** Adds the catalogue's product name to rows that carry a product code (outcomes, follow-ups). */
function withProductNames<T extends { productCode: string | null }>(
  ctx: AppContext,
  rows: T[],
): (T & { productName: Bilingual | null })[] {
  const products = ctx.rules().suggest.products;
  return rows.map((r) => ({
    ...r,
    productName: products.find((p) => p.code === r.productCode)?.name ?? null,
  }));
}

function customerOr404(ctx: AppContext, id: string): CustomerTable {
  const row = ctx.customers.get(id);
  if (!row) throw new ApiError(404, 'customer_not_found', '客户不存在', 'No such customer');
  return row;
}

export function visitRoutes(http: Http, ctx: AppContext): void {
  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/customers/:id/suggestions',
      roles: SERVING,
      params: idParam,
      query: suggestionsQuery,
      summary: 'Suitable products to suggest, each with a line to say aloud',
      reply: returns<unknown>(),
    }),
    ({ params, query }) => {
      const now = ctx.now();
      const row = customerOr404(ctx, params.id);
      return suggestionsFor(ctx, row, query.intents, now);
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/customers/:id/activity',
      roles: SERVING,
      params: idParam,
      summary: 'Follow-ups, complaints, visits, outcomes',
      reply: returns<unknown>(),
    }),
    ({ params }): CustomerActivity => {
      customerOr404(ctx, params.id);
      const now = ctx.now();
      return {
        followUps: withProductNames(
          ctx,
          ctx.visits.followUps({ customerId: params.id, status: 'open' }, now),
        ),
        complaints: ctx.visits.complaints({ customerId: params.id }, now),
        visits: ctx.visits.visits(params.id),
        outcomes: withProductNames(ctx, ctx.visits.outcomes(params.id)),
      };
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/customers/:id/reveal',
      roles: ['teller', 'rm', 'manager'],
      params: idParam,
      body: revealRequest,
      summary: 'Show a full ID or phone number (logged with its reason)',
      reply: returns<unknown>(),
    }),
    ({ params, body, me }) => {
      const row = customerOr404(ctx, params.id);
      const blob = body.field === 'id' ? row.id_enc : row.phone_enc;
      if (!blob) throw new ApiError(404, 'no_value', '该客户没有此项信息', 'The customer has no such value');
      const value = ctx.pii.decrypt(blob);
      ctx.audit.append({
        at: ctx.now(),
        staffId: me?.id ?? null,
        action: `reveal.${body.field}`,
        targetType: 'customer',
        targetId: row.id,
        reason: body.reason,
        detail: { masked: body.field === 'id' ? maskResidentId(value) : maskMobile(value) },
      });
      return { field: body.field, value };
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/outcomes',
      roles: SERVING,
      body: outcomeRequest,
      summary: 'Record a suggestion outcome (interested → a follow-up)',
      reply: returns<unknown>(),
    }),
    ({ body, me, reply }) => {
      const now = ctx.now();
      const rules = ctx.rules();
      const staffId = me?.id as string;
      customerOr404(ctx, body.customerId);
      if (body.ticketId && !ctx.queue.tickets.get(body.ticketId)) {
        throw new ApiError(404, 'ticket_not_found', '票号不存在', 'No such ticket');
      }
      if (
        body.reason &&
        body.outcome === 'declined' &&
        !rules.visit.declineReasons.some((r) => r.key === body.reason)
      ) {
        throw new ApiError(400, 'unknown_reason', '未知的拒绝原因', 'Unknown decline reason');
      }
      const assignee = body.followUp?.assigneeId ?? staffId;
      if (body.outcome === 'interested' && !ctx.staff.byId(assignee)) {
        throw new ApiError(400, 'unknown_assignee', '回访负责人不存在', 'No such assignee');
      }
      const result = ctx.store.tx(() => {
        const id = ctx.visits.addOutcome({
          customerId: body.customerId,
          ticketId: body.ticketId ?? null,
          productCode: body.productCode,
          outcome: body.outcome,
          reason: body.reason ?? null,
          note: body.note ?? null,
          staffId,
          at: now,
        });
        let followUpId: string | null = null;
        if (body.outcome === 'interested') {
          followUpId = ctx.visits.addFollowUp({
            customerId: body.customerId,
            ticketId: body.ticketId ?? null,
            productCode: body.productCode,
            kind: 'product_interest',
            assigneeId: assignee,
            dueAt: body.followUp?.dueAt ?? now + rules.visit.followUpDefaultDays * DAY,
            note: body.note ?? null,
            createdBy: staffId,
            at: now,
          });
        }
        ctx.visits.touchVisit(body.customerId, now);
        ctx.sync.recordRow('suggestion_outcome', 'suggestion_outcomes', id);
        if (followUpId) ctx.sync.recordRow('follow_up', 'follow_ups', followUpId);
        return { id, followUpId };
      });
      reply.status(201);
      return result;
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/follow-ups',
      roles: SERVING,
      query: followUpQuery,
      summary: 'Follow-up list (定期回访), due and overdue',
      reply: returns<unknown>(),
    }),
    ({ query, me }): { followUps: FollowUpView[] } => {
      // Front-line staff see their own list; mine=0 (everyone's) is for managers.
      const all = query.mine === '0' && !!me && SEE_ALL.includes(me.role);
      return {
        followUps: withProductNames(
          ctx,
          ctx.visits.followUps(
            {
              ...(all ? {} : { assigneeId: me?.id as string }),
              status: query.status ?? 'open',
              ...(query.customerId ? { customerId: query.customerId } : {}),
            },
            ctx.now(),
          ),
        ),
      };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/follow-ups/assignees',
      roles: SERVING,
      summary: 'Staff a follow-up can be assigned to',
      reply: returns<unknown>(),
    }),
    (): { assignees: AssigneeView[] } => ({ assignees: ctx.visits.assignees() }),
  );

  route(
    http,
    defineRoute({
      method: 'PATCH',
      path: '/api/follow-ups/:id',
      roles: SERVING,
      params: idParam,
      body: followUpPatch,
      summary: 'Close a follow-up',
      reply: returns<unknown>(),
    }),
    ({ params, body }) => {
      const closed = ctx.store.tx(() =>
        ctx.sync.recordIf(
          ctx.visits.closeFollowUp(params.id, body.status, body.note ?? null, ctx.now()),
          'follow_up_done',
          'follow_ups',
          params.id,
        ),
      );
      if (!closed) {
        throw new ApiError(
          409,
          'follow_up_closed',
          '回访不存在或已关闭',
          'The follow-up does not exist or is already closed',
        );
      }
      return { ok: true };
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/complaints',
      roles: SERVING,
      body: complaintRequest,
      summary: 'Record a complaint (投诉) with its deadline',
      reply: returns<unknown>(),
    }),
    ({ body, me, reply }) => {
      const now = ctx.now();
      const cat = ctx.rules().visit.complaintCategories.find((c) => c.key === body.category);
      if (!cat) throw new ApiError(400, 'unknown_category', '未知的投诉类别', 'Unknown complaint category');
      if (body.customerId) customerOr404(ctx, body.customerId);
      const id = ctx.store.tx(() =>
        ctx.sync.recorded(
          ctx.visits.addComplaint({
            customerId: body.customerId,
            ticketId: body.ticketId ?? null,
            category: cat.key,
            description: body.description,
            deadlineAt: now + cat.deadlineDays * DAY,
            createdBy: me?.id as string,
            at: now,
          }),
          'complaint',
          'complaints',
        ),
      );
      reply.status(201);
      return { id, deadlineAt: now + cat.deadlineDays * DAY };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/complaints',
      roles: ['lobby', 'manager', 'admin', 'rm', 'teller'],
      summary: 'Open complaints by deadline',
      reply: returns<unknown>(),
    }),
    () => ({
      complaints: ctx.visits.complaints({ open: true }, ctx.now()),
    }),
  );

  route(
    http,
    defineRoute({
      method: 'PATCH',
      path: '/api/complaints/:id',
      roles: ['lobby', 'manager', 'admin'],
      params: idParam,
      body: complaintPatch,
      summary: 'Work on or resolve a complaint',
      reply: returns<unknown>(),
    }),
    ({ params, body, me }) => {
      if (body.status === 'resolved' && !body.resolution) {
        throw new ApiError(
          400,
          'resolution_required',
          '办结投诉须填写处理结果',
          'Resolving a complaint needs a resolution',
        );
      }
      const updated = ctx.store.tx(() =>
        ctx.sync.recordIf(
          ctx.visits.updateComplaint(
            params.id,
            body.status,
            body.resolution ?? null,
            me?.id as string,
            ctx.now(),
          ),
          'complaint_resolved',
          'complaints',
          params.id,
        ),
      );
      if (!updated) {
        throw new ApiError(
          409,
          'complaint_closed',
          '投诉不存在或已办结',
          'The complaint does not exist or is already resolved',
        );
      }
      return { ok: true };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/visit-config',
      roles: [],
      summary: 'Decline reasons, complaint categories, outcome rule',
      reply: returns<unknown>(),
    }),
    () => ctx.rules().visit,
  );
}
