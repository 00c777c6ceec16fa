import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';
import {
  displayCreateInput,
  displaySessionInput,
  type DisplayCreated,
  type DisplaySession,
  type DisplayView,
  type Done,
} from '../security';

const MANAGERS = ['manager', 'admin'] as const;

/** Lobby displays on the LAN: each has its own read-only token, shown once, revocable. */
export const displaysApi = {
  list: defineRoute({
    method: 'GET',
    path: '/api/displays',
    roles: MANAGERS,
    summary: 'Lobby displays with a token',
    reply: returns<DisplayView[]>(),
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/displays',
    roles: MANAGERS,
    body: displayCreateInput,
    summary: 'New display token (shown once): open /display?token=… on the lobby TV',
    reply: returns<DisplayCreated>(),
  }),
  revoke: defineRoute({
    method: 'DELETE',
    path: '/api/displays/:id',
    roles: MANAGERS,
    params: idParam,
    summary: 'Revoke a display token',
    reply: returns<Done>(),
  }),
  session: defineRoute({
    method: 'POST',
    path: '/api/display/session',
    roles: null,
    passwordAttempt: true,
    body: displaySessionInput,
    summary: 'Lobby display: exchange its token for a cookie',
    reply: returns<DisplaySession>(),
  }),
};
