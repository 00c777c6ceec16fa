import { APPOINTMENT_STATUSES, type AppointmentStatus } from '@shared/api/appointments';
import { BOOKING_CHANNELS, type BookingChannel } from '@shared/appointments/config';
import type { AppointmentTable, NotificationTable } from '../schema';

/** Bookings and notifications: stored rows → the records the app works with (enum columns checked, not cast). */

function member<T extends string>(values: readonly T[], v: string, what: string, id: string): T {
  const found = values.find((x) => x === v);
  if (found === undefined) throw new Error(`${id}: unknown ${what} ${JSON.stringify(v)}`);
  return found;
}

export interface Appointment {
  id: string;
  code: string;
  customerId: string | null;
  service: string;
  intent: string;
  channel: BookingChannel;
  slotAt: number;
  slotDay: string;
  amountFen: number | null;
  status: AppointmentStatus;
  externalId: string | null;
  apiKeyId: string | null;
  ticketId: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: number;
  checkedInAt: number | null;
  cancelledAt: number | null;
  cancelReason: string | null;
}

export function appointmentFromRow(r: AppointmentTable): Appointment {
  return {
    id: r.id,
    code: r.code,
    customerId: r.customer_id,
    service: r.service,
    intent: r.intent,
    channel: member(BOOKING_CHANNELS, r.channel, 'channel', r.id),
    slotAt: r.slot_at,
    slotDay: r.slot_day,
    amountFen: r.amount_fen,
    status: member(APPOINTMENT_STATUSES, r.status, 'status', r.id),
    externalId: r.external_id,
    apiKeyId: r.api_key_id,
    ticketId: r.ticket_id,
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    checkedInAt: r.checked_in_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
  };
}

export const NOTIFICATION_KINDS = ['confirmed', 'reminder', 'cancelled', 'ahead'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'dropped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface Notification {
  id: string;
  appointmentId: string;
  customerId: string | null;
  kind: NotificationKind;
  dueAt: number;
  status: NotificationStatus;
  attempts: number;
  recipientMasked: string | null;
  bodyZh: string;
  bodyEn: string;
  sentAt: number | null;
  error: string | null;
  createdAt: number;
}

export function notificationFromRow(r: NotificationTable): Notification {
  return {
    id: r.id,
    appointmentId: r.appointment_id,
    customerId: r.customer_id,
    kind: member(NOTIFICATION_KINDS, r.kind, 'kind', r.id),
    dueAt: r.due_at,
    status: member(NOTIFICATION_STATUSES, r.status, 'status', r.id),
    attempts: r.attempts,
    recipientMasked: r.recipient_masked,
    bodyZh: r.body_zh,
    bodyEn: r.body_en,
    sentAt: r.sent_at,
    error: r.error,
    createdAt: r.created_at,
  };
}
