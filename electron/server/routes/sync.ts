import type { FastifyRequest } from 'fastify';
import { routes } from '@shared/api/routes';
import type { DeviceCaller, SyncApp } from '../../app/sync';
import { DEVICE_HEADER } from '../../sync/hub-client';
import { route, type Http } from '../route';

/** The terminal whose device token (`x-device-token`) came with the request, or 401. */
function deviceOf(sync: SyncApp, req: FastifyRequest): DeviceCaller {
  const raw = req.headers[DEVICE_HEADER];
  return sync.device(typeof raw === 'string' ? raw : null);
}

/**
 * Replication routes (electron/app/sync.ts). The `device: true` ones are called by terminals with the device
 * token the hub issued at enrollment; a terminal keeps syncing whoever is logged in at it.
 */
export function syncRoutes(http: Http, deps: { sync: SyncApp }): void {
  const { sync } = deps;
  const { terminals } = sync;

  route(http, routes.sync.enroll, ({ body }) => sync.enroll(body));

  route(http, routes.sync.snapshotHead, ({ req }) => {
    deviceOf(sync, req);
    return sync.snapshotHead();
  });

  route(http, routes.sync.snapshot, ({ req, query }) => {
    deviceOf(sync, req);
    return sync.snapshotPage(query);
  });

  route(http, routes.sync.events, ({ req, query }) => {
    deviceOf(sync, req);
    return sync.events(query.after, query.limit);
  });

  route(http, routes.sync.push, ({ req, body }) => sync.push(deviceOf(sync, req), body.events));

  route(http, routes.sync.blocks, ({ req, body }) =>
    sync.reserveBlocks(deviceOf(sync, req), body.branchDay, body.queues),
  );

  route(http, routes.sync.devices, () => terminals.list());

  route(http, routes.sync.revokeDevice, ({ params, body, me }) =>
    terminals.revoke(params.id, body.reason, me?.id ?? null),
  );

  route(http, routes.sync.status, ({ query }) => sync.status(query.detail === '1'));

  route(http, routes.sync.dismissNotice, ({ params }) => ({ ok: sync.dismissNotice(params.id) }));

  route(http, routes.sync.now, () => {
    sync.syncNow();
    return { ok: true };
  });
}
