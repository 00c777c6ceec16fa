import { z } from 'zod';
import { CONSENT_PURPOSES } from '../../customer/consent';
import type { ConsentSlip, ProspectList, ProspectView } from '../../prospect/api';
import {
  prospectCloseRequest,
  prospectQuery,
  prospectRequest,
  prospectWithdrawRequest,
} from '../../prospect/rules';
import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';
import { revealRequest, type RevealResult } from '../visit';

const SERVING = ['teller', 'rm', 'lobby', 'manager', 'admin'] as const;
const RM = ['rm', 'manager', 'admin'] as const;
const REVEAL = ['rm', 'manager'] as const;

/** Step 15: walk-in prospects (a name and phone left with consent) and the printed consent slip. */
export const prospectsApi = {
  create: defineRoute({
    method: 'POST',
    path: '/api/prospects',
    roles: SERVING,
    body: prospectRequest,
    summary: 'A walk-in who is not a customer leaves a name and phone with consent, for an RM to follow up',
    reply: returns<ProspectView>(),
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/prospects',
    roles: RM,
    query: prospectQuery,
    summary: "Prospects to follow up: the caller's and the unassigned (a manager: all), phones masked",
    reply: returns<ProspectList>(),
  }),
  close: defineRoute({
    method: 'POST',
    path: '/api/prospects/:id/close',
    roles: RM,
    params: idParam,
    body: prospectCloseRequest,
    summary: 'Mark a prospect contacted or closed',
    reply: returns<ProspectView>(),
  }),
  withdraw: defineRoute({
    method: 'POST',
    path: '/api/prospects/:id/withdraw',
    roles: SERVING,
    params: idParam,
    body: prospectWithdrawRequest,
    summary: 'The person withdraws consent: recorded, and their name and phone erased',
    reply: returns<ProspectView>(),
  }),
  reveal: defineRoute({
    method: 'POST',
    path: '/api/prospects/:id/reveal',
    roles: REVEAL,
    params: idParam,
    body: z.object({ reason: revealRequest.shape.reason }),
    summary: "Show a prospect's full phone number (reason required, audited, counted in the reveal limit)",
    reply: returns<RevealResult>(),
  }),
  slip: defineRoute({
    method: 'GET',
    path: '/api/consent/slips/:id',
    roles: SERVING,
    params: idParam,
    summary: 'A recorded consent as printed: the exact words of the version read, when, how, by whom',
    reply: returns<ConsentSlip>(),
  }),
  currentSlip: defineRoute({
    method: 'GET',
    path: '/api/consent/print',
    roles: SERVING,
    query: z.object({ purpose: z.enum(CONSENT_PURPOSES) }),
    summary: 'The consent text in force, printed for the customer to read before deciding',
    reply: returns<ConsentSlip>(),
  }),
};
