import type { VisitConfig } from '../../visit/config';
import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';
import {
  complaintPatch,
  complaintRequest,
  followUpPatch,
  followUpQuery,
  outcomeRequest,
  type AssigneeList,
  type ComplaintCreated,
  type ComplaintList,
  type Done,
  type FollowUpList,
  type OutcomeRecorded,
} from '../visit';

const SERVING = ['teller', 'rm', 'lobby', 'manager', 'admin'] as const;

/** After a visit: suggestion outcomes, follow-ups (定期回访) and complaints (投诉). */
export const visitsApi = {
  recordOutcome: defineRoute({
    method: 'POST',
    path: '/api/outcomes',
    roles: SERVING,
    body: outcomeRequest,
    summary: 'Record a suggestion outcome (interested → a follow-up)',
    reply: returns<OutcomeRecorded>(),
  }),
  undoOutcome: defineRoute({
    method: 'POST',
    path: '/api/outcomes/:id/undo',
    roles: SERVING,
    params: idParam,
    summary: 'Undo a mistaken outcome during the visit (a compensating outcome, audited)',
    reply: returns<Done>(),
  }),
  followUps: defineRoute({
    method: 'GET',
    path: '/api/follow-ups',
    roles: SERVING,
    query: followUpQuery,
    summary: 'Follow-up list (定期回访), due and overdue',
    reply: returns<FollowUpList>(),
  }),
  assignees: defineRoute({
    method: 'GET',
    path: '/api/follow-ups/assignees',
    roles: SERVING,
    summary: 'Staff a follow-up can be assigned to',
    reply: returns<AssigneeList>(),
  }),
  closeFollowUp: defineRoute({
    method: 'PATCH',
    path: '/api/follow-ups/:id',
    roles: SERVING,
    params: idParam,
    body: followUpPatch,
    summary: 'Close a follow-up',
    reply: returns<Done>(),
  }),
  createComplaint: defineRoute({
    method: 'POST',
    path: '/api/complaints',
    roles: SERVING,
    body: complaintRequest,
    summary: 'Record a complaint (投诉) with its deadline',
    reply: returns<ComplaintCreated>(),
  }),
  complaints: defineRoute({
    method: 'GET',
    path: '/api/complaints',
    roles: ['lobby', 'manager', 'admin', 'rm', 'teller'],
    summary: 'Open complaints by deadline',
    reply: returns<ComplaintList>(),
  }),
  updateComplaint: defineRoute({
    method: 'PATCH',
    path: '/api/complaints/:id',
    roles: ['lobby', 'manager', 'admin'],
    params: idParam,
    body: complaintPatch,
    summary: 'Work on or resolve a complaint',
    reply: returns<Done>(),
  }),
  config: defineRoute({
    method: 'GET',
    path: '/api/visit-config',
    roles: [],
    summary: 'Decline reasons, complaint categories, outcome rule',
    reply: returns<VisitConfig>(),
  }),
};
