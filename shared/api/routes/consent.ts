import type { ConsentView } from '../../customer/consent';
import { consentRequest } from '../../customer/consent';
import type { ConsentConfig } from '../../customer/consent-config';
import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';

const SERVING = ['teller', 'rm', 'lobby', 'manager', 'admin'] as const;

/** Step 15: consent at the desk, per purpose, with the text the customer reads. */
export const consentApi = {
  texts: defineRoute({
    method: 'GET',
    path: '/api/consent/texts',
    roles: SERVING,
    summary: 'The consent texts in force (per purpose, with scopes and version)',
    reply: returns<ConsentConfig>(),
  }),
  view: defineRoute({
    method: 'GET',
    path: '/api/customers/:id/consent',
    roles: SERVING,
    params: idParam,
    summary: 'Consent per purpose (what stands, scope, date, channel, who) and its history',
    reply: returns<ConsentView>(),
  }),
  record: defineRoute({
    method: 'POST',
    path: '/api/customers/:id/consent',
    roles: SERVING,
    params: idParam,
    body: consentRequest,
    summary: 'Record a grant or withdrawal with the customer present (audited, replicated)',
    reply: returns<ConsentView>(),
  }),
};
