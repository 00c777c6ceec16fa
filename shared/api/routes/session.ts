import { defineRoute, returns } from '../contract';
import { loginInput } from '../inputs';
import {
  passwordChangeInput,
  setupInput,
  unlockInput,
  type Done,
  type LoginReply,
  type PasswordChanged,
  type SessionInfo,
  type SetupDone,
} from '../security';

/** Logging in and out, the idle lock, one's own password, and the first run's admin account. */
export const sessionApi = {
  login: defineRoute({
    method: 'POST',
    path: '/api/session',
    roles: null,
    body: loginInput,
    passwordAttempt: true,
    summary: 'Log in',
    reply: returns<LoginReply>(),
  }),
  me: defineRoute({
    method: 'GET',
    path: '/api/session',
    roles: [],
    summary: 'Who am I',
    reply: returns<SessionInfo>(),
  }),
  logout: defineRoute({
    method: 'DELETE',
    path: '/api/session',
    roles: [],
    allowLocked: true,
    summary: 'Log out',
    reply: returns<Done>(),
  }),
  unlock: defineRoute({
    method: 'POST',
    path: '/api/session/unlock',
    roles: [],
    allowLocked: true,
    passwordAttempt: true,
    body: unlockInput,
    summary: 'Unlock an idle-locked session with the password',
    reply: returns<Done>(),
  }),
  changePassword: defineRoute({
    method: 'POST',
    path: '/api/session/password',
    roles: [],
    passwordAttempt: true,
    body: passwordChangeInput,
    summary: 'Change my password (other sessions of mine end)',
    reply: returns<PasswordChanged>(),
  }),
  setup: defineRoute({
    method: 'POST',
    path: '/api/setup',
    roles: null,
    body: setupInput,
    summary: 'First run: create the first admin (409 once any staff exists)',
    reply: returns<SetupDone>(),
  }),
};
