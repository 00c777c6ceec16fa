import { z } from 'zod';
import {
  apiBookRequest,
  apiKeyRequest,
  bookRequest,
  cancelRequest,
  checkInRequest,
  dayQuery,
  externalIdParam,
  slotsQuery,
  type ApiBooking,
  type ApiKeyCreated,
  type AppointmentInfo,
  type AppointmentView,
  type CashPlan,
  type CheckInOutcome,
  type DayView,
  type NotificationView,
  type SlotList,
} from '../appointments';
import { defineRoute, returns } from '../contract';
import { idParam } from '../inputs';

const DESK = ['lobby', 'teller', 'rm', 'manager', 'admin'] as const;
const MANAGE = ['lobby', 'manager', 'admin'] as const;

/** Appointments (预约): booking at the desk, check-in at the lobby, the manager's day, and the bank-app API. */
export const appointmentsApi = {
  info: defineRoute({
    method: 'GET',
    path: '/api/appointments/info',
    roles: DESK,
    summary: 'Bookable services, slot length, windows and today in the branch zone',
    reply: returns<AppointmentInfo>(),
  }),
  slots: defineRoute({
    method: 'GET',
    path: '/api/appointments/slots',
    roles: DESK,
    query: slotsQuery,
    summary: "A service's slots on a day with what is booked",
    reply: returns<SlotList>(),
  }),
  book: defineRoute({
    method: 'POST',
    path: '/api/appointments/book',
    roles: DESK,
    body: bookRequest,
    summary: 'Book at the desk or by phone for a looked-up customer (answers the short code)',
    reply: returns<AppointmentView>(),
  }),
  day: defineRoute({
    method: 'GET',
    path: '/api/appointments/day',
    roles: MANAGE,
    query: dayQuery,
    summary: "The day's bookings per slot and service, check-ins, no-shows and figures",
    reply: returns<DayView>(),
  }),
  cashPlan: defineRoute({
    method: 'GET',
    path: '/api/appointments/cash-plan',
    roles: ['teller', 'manager', 'admin'],
    query: dayQuery,
    summary: '大额取现 bookings of a day (tomorrow by default) for cash planning',
    reply: returns<CashPlan>(),
  }),
  forCustomer: defineRoute({
    method: 'GET',
    path: '/api/appointments/customer/:id',
    roles: DESK,
    params: idParam,
    summary: "A customer's bookings today (shown when the lobby identifies them)",
    reply: returns<{ appointments: AppointmentView[] }>(),
  }),
  byCode: defineRoute({
    method: 'GET',
    path: '/api/appointments/code/:code',
    roles: DESK,
    params: z.object({ code: z.string().trim().min(1).max(20) }),
    summary: 'A booking by its short code',
    reply: returns<AppointmentView>(),
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/appointments/:id/cancel',
    roles: DESK,
    params: idParam,
    body: cancelRequest,
    summary: 'Cancel a booking',
    reply: returns<AppointmentView>(),
  }),
  checkIn: defineRoute({
    method: 'POST',
    path: '/api/appointments/:id/check-in',
    roles: MANAGE,
    params: idParam,
    body: checkInRequest,
    summary: 'Check in: a Y ticket on time; early or late, the reason and (once accepted) a walk-in ticket',
    reply: returns<CheckInOutcome>(),
  }),
  notifications: defineRoute({
    method: 'GET',
    path: '/api/appointments/notifications',
    roles: ['manager', 'admin'],
    summary: 'The notification outbox (masked recipients)',
    reply: returns<{ notifications: NotificationView[] }>(),
  }),
  createKey: defineRoute({
    method: 'POST',
    path: '/api/appointments/api-keys',
    roles: ['admin'],
    body: apiKeyRequest,
    summary: "A branch API key for a bank's app (shown once)",
    reply: returns<ApiKeyCreated>(),
  }),
  keys: defineRoute({
    method: 'GET',
    path: '/api/appointments/api-keys',
    roles: ['admin'],
    summary: 'Branch API keys',
    reply: returns<{
      keys: { id: string; name: string; createdAt: number; lastUsedAt: number | null; revoked: boolean }[];
    }>(),
  }),
  // A bank's app, authenticated by a branch API key (x-api-key), not a staff session.
  apiBook: defineRoute({
    method: 'POST',
    path: '/api/appointments',
    roles: null,
    body: apiBookRequest,
    summary:
      'Book from a bank app (x-api-key); idempotent by externalId (201 new, 200 the same booking again)',
    reply: returns<ApiBooking>(),
  }),
  apiCancel: defineRoute({
    method: 'DELETE',
    path: '/api/appointments/external/:externalId',
    roles: null,
    params: externalIdParam,
    summary: 'Cancel an app booking by its externalId (x-api-key); cancelling again answers the same',
    reply: returns<ApiBooking>(),
  }),
};
