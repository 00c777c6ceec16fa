import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';
import {
  blockRequest,
  enrollRequest,
  eventsQuery,
  pushRequest,
  revokeDeviceRequest,
  snapshotQuery,
  statusQuery,
  type BlocksResponse,
  type EnrollResponse,
  type PushResponse,
  type SnapshotHead,
  type SnapshotPage,
  type SyncEventsPage,
  type SyncOk,
  type SyncStatus,
  type TerminalDeviceView,
} from '../../sync/api';
import type { Role } from '../types';

/** Who may enroll a terminal, see the enrolled ones and revoke one (the same as at the enroll route). */
const ENROLLERS: Role[] = ['manager', 'admin'];

/** Who may dismiss a notice or ask for a sync: everyone who serves customers (not the lobby TV). */
const SERVING: Role[] = ['teller', 'rm', 'lobby', 'manager', 'admin'];

/**
 * Replication. Terminals authenticate with a device token (header `x-device-token`) that the hub issues once at
 * enrollment, against a manager's or admin's credentials; staff sessions are not used between machines.
 */
export const syncApi = {
  enroll: defineRoute({
    method: 'POST',
    path: '/api/sync/enroll',
    roles: null,
    body: enrollRequest,
    passwordAttempt: true,
    summary: 'Enroll a counter PC as a terminal (manager/admin credentials) → device token, shown once',
    reply: returns<EnrollResponse>(),
  }),
  snapshotHead: defineRoute({
    method: 'GET',
    path: '/api/sync/snapshot/head',
    roles: null,
    device: true,
    summary: 'Terminal: start a snapshot (device token)',
    reply: returns<SnapshotHead>(),
  }),
  snapshot: defineRoute({
    method: 'GET',
    path: '/api/sync/snapshot',
    roles: null,
    device: true,
    query: snapshotQuery,
    summary: 'Terminal: one page of a table (device token); cipher texts withheld',
    reply: returns<SnapshotPage>(),
  }),
  events: defineRoute({
    method: 'GET',
    path: '/api/sync/events',
    roles: null,
    device: true,
    query: eventsQuery,
    summary: 'Terminal: the hub journal after a cursor (device token)',
    reply: returns<SyncEventsPage>(),
  }),
  push: defineRoute({
    method: 'POST',
    path: '/api/sync/push',
    roles: null,
    device: true,
    body: pushRequest,
    summary: 'Terminal: push outbox events (device token); idempotent by event id',
    reply: returns<PushResponse>(),
  }),
  blocks: defineRoute({
    method: 'POST',
    path: '/api/sync/blocks',
    roles: null,
    device: true,
    body: blockRequest,
    summary: 'Terminal: reserve ticket-number blocks for a branch day (device token)',
    reply: returns<BlocksResponse>(),
  }),
  devices: defineRoute({
    method: 'GET',
    path: '/api/sync/devices',
    roles: ENROLLERS,
    summary:
      'Hub: the enrolled counter terminals (柜台终端): who enrolled each, last contact, revoked or not',
    reply: returns<TerminalDeviceView[]>(),
  }),
  revokeDevice: defineRoute({
    method: 'POST',
    path: '/api/sync/devices/:id/revoke',
    roles: ENROLLERS,
    params: idParam,
    body: revokeDeviceRequest,
    summary:
      'Hub: revoke a terminal (a lost, stolen or retired PC): its token stops at once; audited with the reason',
    reply: returns<TerminalDeviceView>(),
  }),
  status: defineRoute({
    method: 'GET',
    path: '/api/sync/status',
    roles: [],
    query: statusQuery,
    summary: 'Replication status: online/offline, pending events, last sync, progress, notices',
    reply: returns<SyncStatus>(),
  }),
  dismissNotice: defineRoute({
    method: 'POST',
    path: '/api/sync/notices/:id/seen',
    roles: SERVING,
    params: idParam,
    summary: 'Dismiss a sync notice',
    reply: returns<SyncOk>(),
  }),
  now: defineRoute({
    method: 'POST',
    path: '/api/sync/now',
    roles: SERVING,
    summary: 'Terminal: sync now instead of waiting',
    reply: returns<SyncOk>(),
  }),
};
