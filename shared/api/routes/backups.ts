import { defineRoute, returns } from '../contract';
import type { BackupStatus } from '../backups';
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
};
