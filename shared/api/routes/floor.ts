import { z } from 'zod';
import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';
import type { IssueResult, TicketView } from '../queue';
import {
  changeServicesRequest,
  floorReasonRequest,
  moveRequest,
  type FloorView,
  type LiveTicketList,
} from '../floor';
import type { Role } from '../types';

/** The lobby manager's floor, and the branch manager and admin who stand in for them. */
const FLOOR: Role[] = ['lobby', 'manager', 'admin'];

/** 大堂现场: today's open tickets and what the lobby does with them (every action audited). */
export const floorApi = {
  floor: defineRoute({
    method: 'GET',
    path: '/api/floor',
    roles: FLOOR,
    summary: 'Today’s open tickets, longest wait first, with the customer and the wait',
    reply: returns<FloorView>(),
  }),
  customerTickets: defineRoute({
    method: 'GET',
    path: '/api/floor/customers/:id',
    roles: FLOOR,
    params: idParam,
    summary: 'The tickets a customer still holds today (one customer, one live ticket)',
    reply: returns<LiveTicketList>(),
  }),
  reprint: defineRoute({
    method: 'POST',
    path: '/api/floor/tickets/:id/reprint',
    roles: FLOOR,
    params: idParam,
    body: z.object({}).optional(),
    summary: 'Record a reprint of the ticket slip (audited) before the slip is printed again',
    reply: returns<TicketView>(),
  }),
  changeServices: defineRoute({
    method: 'POST',
    path: '/api/floor/tickets/:id/services',
    roles: FLOOR,
    params: idParam,
    body: changeServicesRequest,
    summary: 'Change a waiting ticket’s services; triage places it again, keeping its arrival time',
    reply: returns<IssueResult>(),
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/floor/tickets/:id/cancel',
    roles: FLOOR,
    params: idParam,
    body: floorReasonRequest,
    summary: 'Cancel a ticket with a reason',
    reply: returns<TicketView>(),
  }),
  move: defineRoute({
    method: 'POST',
    path: '/api/floor/tickets/:id/move',
    roles: FLOOR,
    params: idParam,
    body: moveRequest,
    summary: 'Move a waiting ticket to another queue with a reason, keeping its arrival time',
    reply: returns<TicketView>(),
  }),
  selfServed: defineRoute({
    method: 'POST',
    path: '/api/floor/tickets/:id/self-served',
    roles: FLOOR,
    params: idParam,
    body: z.object({}).optional(),
    summary: 'Mark a self-service ticket served at self-service (recorded at the self-service point)',
    reply: returns<TicketView>(),
  }),
};
