import { defineRoute, returns } from '../contract';
import type { ApiDocs, Health } from '../types';

export const healthApi = {
  health: defineRoute({
    method: 'GET',
    path: '/api/health',
    roles: null,
    summary: 'Liveness, versions, demo/production, setup',
    reply: returns<Health>(),
  }),
  docs: defineRoute({
    method: 'GET',
    path: '/api/docs',
    roles: null,
    summary: 'This list of endpoints, with their roles and input schemas',
    reply: returns<ApiDocs>(),
  }),
};
