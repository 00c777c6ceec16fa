import { defineRoute, returns } from '../contract';
import { restoreRequest, type BackupStatus } from '../backups';
import type { Role } from '../types';

const KEEPERS: Role[] = ['manager', 'admin'];

export const backupsApi = {
  status: defineRoute({
    method: 'GET',
    path: '/api/backups',
    roles: KEEPERS,
    summary: "The hub's database copies: schedule, folder, copies kept, a copy running, the last error",
    reply: returns<BackupStatus>(),
  }),
  start: defineRoute({
    method: 'POST',
    path: '/api/backups',
    roles: KEEPERS,
    summary: 'Copy the database now, in the background (202; 409 while one runs)',
    reply: returns<BackupStatus>(),
  }),
  restore: defineRoute({
    method: 'POST',
    path: '/api/backups/restore',
    roles: KEEPERS,
    body: restoreRequest,
    summary: 'Restore a copy at the next start of the server (the request can be called off until then)',
    reply: returns<BackupStatus>(),
  }),
  cancelRestore: defineRoute({
    method: 'DELETE',
    path: '/api/backups/restore',
    roles: KEEPERS,
    summary: 'Call off the restore asked for',
    reply: returns<BackupStatus>(),
  }),
};
