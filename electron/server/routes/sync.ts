import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam } from '@shared/api/inputs';
import type { Role } from '@shared/api/types';
import { branchDay } from '@shared/queue';
import {
  blockRequest,
  enrollRequest,
  eventsQuery,
  pushRequest,
  snapshotQuery,
  SNAPSHOT_TABLES,
  type EnrollResponse,
  type PushResponse,
  type SnapshotHead,
  type SnapshotPage,
} from '@shared/sync/api';
import type { SnapshotScope } from '../../db/repos/sync-data';
import type { SyncDeviceTable } from '../../db/schema';
import { DEVICE_HEADER } from '../../sync/hub-client';
import { newToken, tokenId } from '../auth';
import type { AppContext } from '../context';
import { ApiError } from '../errors';
import { defineRoute, returns } from '@shared/api/contract';
import { route, type Http } from '../route';

const DAY = 86_400_000;
/** Who may enroll a counter PC as a terminal (it gets the branch's customer copy and password hashes). */
const ENROLLERS: Role[] = ['manager', 'admin'];
const SERVING: Role[] = ['teller', 'rm', 'lobby', 'manager', 'admin'];

/**
 * Replication routes. Terminals authenticate with a device token (header `x-device-token`) that the hub issues
 * once at enrollment, against a manager's or admin's credentials; only its SHA-256 is stored (sync_devices).
 * Staff sessions are not used between machines: a terminal keeps syncing whoever is logged in at it.
 */
export function syncRoutes(http: Http, ctx: AppContext): void {
  const sync = ctx.sync;

  const device = (req: FastifyRequest): SyncDeviceTable => {
    const raw = req.headers[DEVICE_HEADER];
    const token = typeof raw === 'string' ? raw : null;
    const row = token ? sync.devices.byTokenHash(tokenId(token)) : undefined;
    if (!row || row.revoked_at !== null) {
      throw new ApiError(
        401,
        'device_unknown',
        '终端未登记或已停用',
        'This terminal is not enrolled at the hub',
      );
    }
    const now = ctx.now();
    if (row.last_seen_at === null || now - row.last_seen_at > 30_000) sync.devices.touch(row.device_id, now);
    return row;
  };

  const scope = (since?: number): SnapshotScope => {
    const now = ctx.now();
    return {
      branchDay: branchDay(now, ctx.rules().branch.timezone),
      historyFrom: now - sync.cfg.historyDays * DAY,
      since,
    };
  };

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/sync/enroll',
      roles: null,
      body: enrollRequest,
      passwordAttempt: true,
      summary: 'Enroll a counter PC as a terminal (manager/admin credentials) → device token, shown once',
      reply: returns<unknown>(),
    }),
    async ({ body }): Promise<EnrollResponse> => {
      if (ctx.opts.role !== 'hub')
        throw new ApiError(409, 'not_hub', '本机不是网点服务器', 'This is not a branch hub');
      // Wrong guesses here count toward the same lockout as login.
      const staff = await ctx.staffApp.verify(body.username, body.password, 'sync.enroll_failed');
      if (!staff)
        throw new ApiError(401, 'bad_credentials', '用户名或密码错误', 'Wrong username or password');
      if (!ENROLLERS.includes(staff.role))
        throw new ApiError(
          403,
          'forbidden',
          '只有网点负责人或管理员可以登记终端',
          'Only a manager or an admin can enroll a terminal',
        );
      const lookupKey = sync.lookupKey;
      if (!lookupKey)
        throw new ApiError(409, 'no_lookup_key', '服务器未加载查询密钥', 'The hub has no lookup key loaded');
      const token = newToken();
      const now = ctx.now();
      ctx.store.tx(() => {
        sync.devices.insert({
          device_id: body.deviceId,
          name: body.name ?? body.deviceId,
          token_hash: tokenId(token),
          enrolled_by: staff.id,
          created_at: now,
          last_seen_at: now,
          revoked_at: null,
        });
        ctx.audit.append({
          at: now,
          staffId: staff.id,
          action: 'sync.enroll',
          targetType: 'device',
          targetId: body.deviceId,
          detail: { name: body.name ?? null },
        });
      });
      return {
        token,
        deviceId: body.deviceId,
        hubDeviceId: sync.deviceId,
        branchCode: sync.branchCode(),
        lookupKey,
      };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/sync/snapshot/head',
      roles: null,
      summary: 'Terminal: start a snapshot (device token)',
      reply: returns<unknown>(),
    }),
    ({ req }): SnapshotHead => {
      device(req);
      const s = scope();
      return {
        cursor: sync.journal.head(),
        branchDay: s.branchDay,
        at: ctx.now(),
        tables: SNAPSHOT_TABLES.map((table) => ({ table, total: sync.data.count(table, s) })),
      };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/sync/snapshot',
      roles: null,
      query: snapshotQuery,
      summary: 'Terminal: one page of a table (device token); cipher texts withheld',
      reply: returns<unknown>(),
    }),
    ({ req, query }): SnapshotPage => {
      device(req);
      const s = scope(query.since);
      const page = sync.data.page(query.table, s, query.after, query.limit);
      return {
        table: query.table,
        rows: page.rows,
        next: page.next,
        total: query.after === undefined ? sync.data.count(query.table, s) : null,
      };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/sync/events',
      roles: null,
      query: eventsQuery,
      summary: 'Terminal: the hub journal after a cursor (device token)',
      reply: returns<unknown>(),
    }),
    ({ req, query }) => {
      device(req);
      return {
        events: sync.journal.after(query.after, query.limit).map((r) => ({ seq: r.seq, event: r.env })),
        head: sync.journal.head(),
      };
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/sync/push',
      roles: null,
      body: pushRequest,
      summary: 'Terminal: push outbox events (device token); idempotent by event id',
      reply: returns<unknown>(),
    }),
    ({ req, body }): PushResponse => {
      const d = device(req);
      const code = sync.branchCode();
      for (const e of body.events) {
        if (e.deviceId !== d.device_id)
          throw new ApiError(
            403,
            'wrong_device',
            '只能上传本终端的事件',
            'A terminal pushes only its own events',
          );
        if (e.branchCode !== code)
          throw new ApiError(
            409,
            'wrong_branch',
            '事件不属于本网点',
            `Event of branch ${e.branchCode}, not ${code}`,
          );
      }
      const report = sync.applyRemote(body.events, { journal: true });
      const count = (s: string) => report.results.filter((r) => r.status === s).length;
      return {
        acked: report.results.map((r) => r.id),
        applied: count('applied'),
        duplicates: count('duplicate'),
        rejected: count('rejected'),
        failed: count('failed'),
        hlc: sync.clock.last(),
      };
    },
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/sync/blocks',
      roles: null,
      body: blockRequest,
      summary: 'Terminal: reserve ticket-number blocks for a branch day (device token)',
      reply: returns<unknown>(),
    }),
    ({ req, body }) => {
      const d = device(req);
      const queues = body.queues.map((key) => {
        const def = ctx.rules().queue.queues.find((q) => q.key === key);
        if (!def) throw new ApiError(400, 'unknown_queue', `未知队列：${key}`, `Unknown queue: ${key}`);
        return { key, prefix: def.prefix };
      });
      const blocks = ctx.store.tx(() => sync.numbers.reserve(d.device_id, body.branchDay, queues, ctx.now()));
      return { blocks };
    },
  );

  route(
    http,
    defineRoute({
      method: 'GET',
      path: '/api/sync/status',
      roles: [],
      query: z.object({ detail: z.enum(['0', '1']).optional() }),
      summary: 'Replication status: online/offline, pending events, last sync, progress, notices',
      reply: returns<unknown>(),
    }),
    ({ query }) => sync.status(query.detail === '1'),
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/sync/notices/:id/seen',
      roles: SERVING,
      params: idParam,
      summary: 'Dismiss a sync notice',
      reply: returns<unknown>(),
    }),
    ({ params }) => ({ ok: sync.devices.markNoticeSeen(params.id, ctx.now()) }),
  );

  route(
    http,
    defineRoute({
      method: 'POST',
      path: '/api/sync/now',
      roles: SERVING,
      summary: 'Terminal: sync now instead of waiting',
      reply: returns<unknown>(),
    }),
    () => {
      sync.kick();
      return { ok: true };
    },
  );
}
