import { REVEAL_ROLES } from '../../customer/pii-view';
import type { SuggestResult } from '../../suggest/rank';
import { defineRoute, returns } from '../contract';
import { idParam, lookupQuery } from '../inputs';
import type { CustomerProfile, LookupResult } from '../types';
import { revealRequest, suggestionsQuery, type CustomerActivity, type RevealResult } from '../visit';

const STAFF = ['teller', 'lobby', 'rm', 'manager', 'admin'] as const;
const SERVING = ['teller', 'rm', 'lobby', 'manager', 'admin'] as const;

export const customersApi = {
  lookup: defineRoute({
    method: 'GET',
    path: '/api/customers/lookup',
    roles: STAFF,
    query: lookupQuery,
    summary: 'Find a walk-in by ID, card, phone, customer number or name',
    reply: returns<LookupResult>(),
  }),
  profile: defineRoute({
    method: 'GET',
    path: '/api/customers/:id',
    roles: STAFF,
    params: idParam,
    summary: 'Customer profile (masked)',
    reply: returns<CustomerProfile>(),
  }),
  suggestions: defineRoute({
    method: 'GET',
    path: '/api/customers/:id/suggestions',
    roles: SERVING,
    params: idParam,
    query: suggestionsQuery,
    summary: 'Suitable products to suggest, each with a line to say aloud',
    reply: returns<SuggestResult>(),
  }),
  activity: defineRoute({
    method: 'GET',
    path: '/api/customers/:id/activity',
    roles: SERVING,
    params: idParam,
    summary: 'Follow-ups, complaints, visits, outcomes',
    reply: returns<CustomerActivity>(),
  }),
  reveal: defineRoute({
    method: 'POST',
    path: '/api/customers/:id/reveal',
    roles: REVEAL_ROLES,
    params: idParam,
    body: revealRequest,
    summary: 'Show a full ID or phone number (logged with its reason)',
    reply: returns<RevealResult>(),
  }),
};
