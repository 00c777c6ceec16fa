import { z } from 'zod';
import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';
import {
  identifyRequest,
  issueRequest,
  ticketEventRequest,
  triageRequest,
  type CallNextResult,
  type CounterList,
  type CounterView,
  type EndOfDayResult,
  type IntentsInfo,
  type IssueResult,
  type QueueSnapshot,
  type TicketEventList,
  type TicketView,
} from '../queue';
import { counterCreateInput, counterUpdateInput } from '../security';
import type { Role } from '../types';
import type { VipToday } from '../visit';
import type { TriageDecision } from '../../triage/types';

const FRONT: Role[] = ['lobby', 'manager', 'admin', 'teller', 'rm'];
const SERVING: Role[] = ['teller', 'rm', 'lobby', 'manager', 'admin'];
const MANAGERS: Role[] = ['manager', 'admin'];

/** The branch queue: triage, tickets, counters, the live board, the lobby display and the VIP room's day. */
export const queueApi = {
  triage: defineRoute({
    method: 'POST',
    path: '/api/triage',
    roles: FRONT,
    body: triageRequest,
    summary: 'Triage decision with reasons (no ticket)',
    reply: returns<TriageDecision>(),
  }),
  issue: defineRoute({
    method: 'POST',
    path: '/api/tickets',
    roles: FRONT,
    body: issueRequest,
    summary: 'Issue a ticket (triage, or an override with a reason)',
    reply: returns<IssueResult>(),
  }),
  ticket: defineRoute({
    method: 'GET',
    path: '/api/tickets/:id',
    roles: SERVING,
    params: idParam,
    summary: 'One ticket',
    reply: returns<TicketView>(),
  }),
  events: defineRoute({
    method: 'GET',
    path: '/api/tickets/:id/events',
    roles: SERVING,
    params: idParam,
    summary: 'A ticket’s event log',
    reply: returns<TicketEventList>(),
  }),
  act: defineRoute({
    method: 'POST',
    path: '/api/tickets/:id/events',
    roles: SERVING,
    params: idParam,
    body: ticketEventRequest,
    summary:
      'call | recall | start | finish | no_show | requeue | transfer | cancel | hold | resume | override',
    reply: returns<TicketView>(),
  }),
  identify: defineRoute({
    method: 'POST',
    path: '/api/tickets/:id/identify',
    roles: SERVING,
    params: idParam,
    body: identifyRequest,
    summary: 'Identify the anonymous walk-in being served at this counter (audited; 409 if not possible)',
    reply: returns<TicketView>(),
  }),
  callNext: defineRoute({
    method: 'POST',
    path: '/api/counters/:id/call-next',
    roles: SERVING,
    params: idParam,
    summary: 'Call the next ticket for a counter',
    reply: returns<CallNextResult>(),
  }),
  counters: defineRoute({
    method: 'GET',
    path: '/api/counters',
    roles: [],
    summary: 'Service points',
    reply: returns<CounterList>(),
  }),
  createCounter: defineRoute({
    method: 'POST',
    path: '/api/counters',
    roles: MANAGERS,
    body: counterCreateInput,
    summary: 'Add a counter (number, name, channel, queues it serves)',
    reply: returns<CounterView>(),
  }),
  updateCounter: defineRoute({
    method: 'PATCH',
    path: '/api/counters/:id',
    roles: SERVING,
    params: idParam,
    body: counterUpdateInput,
    summary:
      'Open/close, staff state (serving staff); name, channel, queues, corporate-only (manager, admin)',
    reply: returns<CounterView>(),
  }),
  queues: defineRoute({
    method: 'GET',
    path: '/api/queues',
    roles: [],
    summary: 'Live queue state',
    reply: returns<QueueSnapshot>(),
  }),
  // The lobby TV shows ticket numbers only; on the default loopback binding it needs no login.
  display: defineRoute({
    method: 'GET',
    path: '/api/display',
    roles: null,
    display: true,
    summary: 'Queue state for the lobby display (ticket numbers only; display token on the LAN)',
    reply: returns<QueueSnapshot>(),
  }),
  intents: defineRoute({
    method: 'GET',
    path: '/api/intents',
    roles: [],
    summary: 'Visit intents and channels of the triage config',
    reply: returns<IntentsInfo>(),
  }),
  endOfDay: defineRoute({
    method: 'POST',
    path: '/api/queues/end-of-day',
    roles: MANAGERS,
    body: z.object({}).optional(),
    summary: 'Cancel what is still open today; tickets stay archived',
    reply: returns<EndOfDayResult>(),
  }),
  vipToday: defineRoute({
    method: 'GET',
    path: '/api/vip/today',
    roles: ['rm', 'lobby', 'manager', 'admin'],
    summary: 'Today’s VIP-room walk-ins with customer names and tiers',
    reply: returns<VipToday>(),
  }),
};
