import { COUNTER_CONFIG_FIELDS, counterCreateInput, counterUpdateInput } from '@shared/api/security';
import { idParam } from '@shared/api/inputs';
import type { Role } from '@shared/api/types';
import type { CounterView } from '../../db/repos/counters';
import type { Caller } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';

const MANAGERS: readonly Role[] = ['manager', 'admin'];
const SERVING: Role[] = ['teller', 'rm', 'lobby', 'manager', 'admin'];

/** Service points as the branch manager sets them up; a counter's open/closed state stays the teller's. */
export function counterRoutes(http: Http, ctx: AppContext): void {
  const q = ctx.queue;
  const queuesMustExist = (queues: string[] | undefined) => {
    if (!queues) return;
    const known = new Set(ctx.rules().queue.queues.map((x) => x.key));
    const unknown = queues.filter((x) => !known.has(x));
    if (unknown.length) {
      throw new ApiError(
        400,
        'unknown_queue',
        `未配置的队列：${unknown.join('、')}`,
        `Queue(s) not configured: ${unknown.join(', ')}`,
      );
    }
  };

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/counters',
      roles: MANAGERS,
      body: counterCreateInput,
      summary: 'Add a counter (number, name, channel, queues it serves)',
      reply: returns<unknown>(),
    }),
    ({ body, me, reply }) => {
      const caller = me as Caller;
      queuesMustExist(body.queues);
      if (q.counters.byNumber(body.number)) {
        throw new ApiError(
          409,
          'counter_number_taken',
          `${body.number}号窗口已存在`,
          `Counter ${body.number} exists`,
        );
      }
      const now = ctx.now();
      const id = ctx.store.tx(() => {
        const created = q.counters.insert(
          { ...body, branchId: q.counters.branchId(), open: false, staffState: 'closed' },
          now,
        );
        ctx.audit.append({
          at: now,
          staffId: caller.id,
          action: 'counter.create',
          targetType: 'counter',
          targetId: created,
          detail: { ...body },
        });
        return created;
      });
      q.countersChanged(now);
      reply.status(201);
      return q.counters.get(id) as CounterView;
    },
  );

  route(
    http,
    defineRoute({
      method: 'PATCH',
      path: '/api/counters/:id',
      roles: SERVING,
      params: idParam,
      body: counterUpdateInput,
      summary:
        'Open/close, staff state (serving staff); name, channel, queues, corporate-only (manager, admin)',
      reply: returns<unknown>(),
    }),
    ({ params, body, me }) => {
      const caller = me as Caller;
      const before = q.counters.get(params.id);
      if (!before) throw new ApiError(404, 'counter_not_found', '窗口不存在', 'No such counter');
      const config = Object.fromEntries(
        COUNTER_CONFIG_FIELDS.filter((k) => body[k] !== undefined).map((k) => [k, body[k]]),
      ) as { name?: string; channel?: string; queues?: string[]; corporateOnly?: boolean };
      const configures = Object.keys(config).length > 0;
      if (configures && !MANAGERS.includes(caller.role)) {
        throw new ApiError(
          403,
          'forbidden',
          '只有网点负责人或管理员可以修改窗口设置',
          'Only the branch manager or an admin may change how a counter is set up',
        );
      }
      queuesMustExist(config.queues);
      const now = ctx.now();
      if (configures) {
        ctx.store.tx(() => {
          q.counters.configure(params.id, config, now);
          ctx.audit.append({
            at: now,
            staffId: caller.id,
            action: 'counter.update',
            targetType: 'counter',
            targetId: params.id,
            detail: {
              before: { name: before.name, channel: before.channel, queues: before.queues },
              ...config,
            },
          });
        });
      }
      if (body.open !== undefined || body.staffState !== undefined) {
        return q.setCounter(
          params.id,
          {
            ...(body.open === undefined ? {} : { open: body.open }),
            ...(body.staffState === undefined ? {} : { staffState: body.staffState }),
          },
          now,
        );
      }
      q.countersChanged(now);
      return q.counters.get(params.id) as CounterView;
    },
  );
}
