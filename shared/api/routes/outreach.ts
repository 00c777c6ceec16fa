import { z } from 'zod';
import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';
import {
  bookQuery,
  contactRequest,
  figuresQuery,
  marksRequest,
  outreachAssignRequest,
  outreachQuery,
  ownerAssignRequest,
  ownerHandoverRequest,
  type BookList,
  type ContactView,
  type MyArrivals,
  type OutreachFigures,
  type OutreachList,
  type OwnerAssigned,
  type OwnerBooks,
  type OwnerHandedOver,
  type OwnerPanel,
  type UnownedList,
} from '../outreach';
import type { TicketView } from '../queue';
import type { OutreachConfig } from '../../outreach/config';

const RM = ['rm', 'manager', 'admin'] as const;
const MANAGERS = ['manager', 'admin'] as const;
const STAFF = ['teller', 'rm', 'lobby', 'manager', 'admin'] as const;

/** 客户经营 (Step 14): owners, the RM's book, outreach lists, the contact log, owner alerts. */
export const outreachApi = {
  book: defineRoute({
    method: 'GET',
    path: '/api/book',
    roles: RM,
    query: bookQuery,
    summary: "An RM's book: owned customers with balance, tier, last and next contact, open follow-ups",
    reply: returns<BookList>(),
  }),
  list: defineRoute({
    method: 'GET',
    path: '/api/outreach',
    roles: RM,
    query: outreachQuery,
    summary: 'The outreach list of a branch day, each customer with the reasons, due and overdue',
    reply: returns<OutreachList>(),
  }),
  assign: defineRoute({
    method: 'POST',
    path: '/api/outreach/assign',
    roles: MANAGERS,
    body: outreachAssignRequest,
    summary: "Hand unowned customers' outreach to a member of staff",
    reply: returns<OwnerAssigned>(),
  }),
  figures: defineRoute({
    method: 'GET',
    path: '/api/outreach/figures',
    roles: RM,
    query: figuresQuery.extend({ staffId: z.string().min(1).max(64).optional() }),
    summary: 'Contacts made, reached %, churn reasons, AUM retained (for the dashboard)',
    reply: returns<OutreachFigures>(),
  }),
  config: defineRoute({
    method: 'GET',
    path: '/api/outreach/config',
    roles: [],
    summary: 'Outreach lists, channels, results and churn reasons',
    reply: returns<OutreachConfig>(),
  }),
  unowned: defineRoute({
    method: 'GET',
    path: '/api/owners/unowned',
    roles: MANAGERS,
    summary: 'Valuable customers (高端/私行, strategic/key corporate) without an owner',
    reply: returns<UnownedList>(),
  }),
  assignOwners: defineRoute({
    method: 'POST',
    path: '/api/owners',
    roles: MANAGERS,
    body: ownerAssignRequest,
    summary: 'Assign an owning RM (and backup) to customers, or in bulk by tier / segment / grade',
    reply: returns<OwnerAssigned>(),
  }),
  books: defineRoute({
    method: 'GET',
    path: '/api/owners/books',
    roles: MANAGERS,
    summary: 'Per member of staff: customers owned and backed up, and whether the account is still active',
    reply: returns<OwnerBooks>(),
  }),
  handover: defineRoute({
    method: 'POST',
    path: '/api/owners/handover',
    roles: MANAGERS,
    body: ownerHandoverRequest,
    summary:
      "Hand one staff member's owned and backed-up customers over to an active RM (audited, replicated)",
    reply: returns<OwnerHandedOver>(),
  }),
  panel: defineRoute({
    method: 'GET',
    path: '/api/customers/:id/relationship',
    roles: STAFF,
    params: idParam,
    summary: "A profile's owner and backup, contact marks, recent contacts and list reasons",
    reply: returns<OwnerPanel>(),
  }),
  logContact: defineRoute({
    method: 'POST',
    path: '/api/customers/:id/contacts',
    roles: RM,
    params: idParam,
    body: contactRequest,
    summary: 'Log a contact: channel, result, note (masked), next step; churn contacts give the reason',
    reply: returns<ContactView>(),
  }),
  setMarks: defineRoute({
    method: 'PUT',
    path: '/api/customers/:id/marks',
    roles: MANAGERS,
    params: idParam,
    body: marksRequest,
    summary: 'Do-not-contact and high-risk marks of a customer',
    reply: returns<OwnerPanel>(),
  }),
  arrivals: defineRoute({
    method: 'GET',
    path: '/api/book/arrivals',
    roles: RM,
    summary: "The caller's customers in the branch now (identified in the lobby today)",
    reply: returns<MyArrivals>(),
  }),
  take: defineRoute({
    method: 'POST',
    path: '/api/tickets/:id/take',
    roles: RM,
    params: idParam,
    summary: "我来接待: the owner calls their customer's ticket to their own desk",
    reply: returns<TicketView>(),
  }),
};
