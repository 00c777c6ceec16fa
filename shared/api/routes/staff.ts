import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';
import {
  passwordResetInput,
  staffCreateInput,
  staffPatchInput,
  type PasswordReset,
  type StaffView,
} from '../security';

const MANAGERS = ['manager', 'admin'] as const;

/** Staff accounts: a manager runs the front line's; manager and admin accounts are the admin's. */
export const staffApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/staff',
    roles: MANAGERS,
    summary: 'Staff accounts',
    reply: returns<StaffView[]>(),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/staff',
    roles: MANAGERS,
    body: staffCreateInput,
    summary: 'Create a staff account (manager/admin accounts: admin only)',
    reply: returns<StaffView>(),
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/api/staff/:id',
    roles: MANAGERS,
    params: idParam,
    body: staffPatchInput,
    summary: 'Rename, change role or counter, disable/enable (audited)',
    reply: returns<StaffView>(),
  }),
  resetPassword: defineRoute({
    method: 'POST',
    path: '/api/staff/:id/password',
    roles: MANAGERS,
    params: idParam,
    body: passwordResetInput,
    summary: 'Reset a staff password (ends their sessions, lifts a lockout)',
    reply: returns<PasswordReset>(),
  }),
};
