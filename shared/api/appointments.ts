import { z } from 'zod';
import { BOOKING_CHANNELS, type BookableService, type BookingChannel } from '../appointments/config';
import type { SlotAvailability } from '../appointments/slots';
import { epochMs } from './dates';
import type { IssueResult } from './queue';

/** Appointments (预约) over the API: what the desk, the lobby, the manager and a bank's app send and get back. */

export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'walk_in', 'cancelled', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

const serviceKey = z.string().min(1).max(40);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD / dates are YYYY-MM-DD');
// 大额取现 up to 100 million yuan, in fen.
const amountFen = z.number().int().positive().max(10_000_000_000);
const note = z.string().trim().max(200);

export interface AppointmentView {
  id: string;
  code: string;
  customerId: string | null;
  customerName: string | null;
  phoneMasked: string | null;
  service: string;
  serviceZh: string;
  serviceEn: string;
  channel: BookingChannel;
  slotAt: number;
  slotDay: string;
  /** HH:MM in the branch's zone. */
  time: string;
  amountFen: number | null;
  status: AppointmentStatus;
  externalId: string | null;
  ticketId: string | null;
  ticketNo: string | null;
  /** When its ticket was (last) called; with slotAt, before or after the booked time. */
  calledAt: number | null;
  createdAt: number;
  checkedInAt: number | null;
  cancelledAt: number | null;
}

export interface AppointmentInfo {
  services: BookableService[];
  slotMinutes: number;
  bookAheadDays: number;
  timezone: string;
  today: string;
  earlyMinutes: number;
  lateMinutes: number;
}

export const slotsQuery = z.object({ day, service: serviceKey });
export interface SlotList {
  day: string;
  open: boolean;
  slots: SlotAvailability[];
}

export const bookRequest = z.object({
  customerId: z.string().min(1).max(64),
  service: serviceKey,
  slotAt: epochMs({ maxYearsAhead: 1 }),
  channel: z.enum(['desk', 'phone']),
  amountFen: amountFen.nullable().optional(),
  note: note.optional(),
});

/** A bank's mobile app books with its own id for the booking; the customer is named by one identifier. */
export const apiBookRequest = z.object({
  externalId: z.string().trim().min(1).max(64),
  customer: z
    .object({
      idNumber: z.string().trim().min(1).max(32).optional(),
      phone: z.string().trim().min(1).max(32).optional(),
      customerNo: z.string().trim().min(1).max(32).optional(),
    })
    .refine((c) => !!(c.idNumber ?? c.phone ?? c.customerNo), {
      message: '须提供证件号、手机号或客户号之一 / give an ID number, a phone number or a customer number',
    }),
  service: serviceKey,
  slotAt: epochMs({ maxYearsAhead: 1 }),
  amountFen: amountFen.nullable().optional(),
});
export const externalIdParam = z.object({ externalId: z.string().trim().min(1).max(64) });

/** The booking as the app sees it: `created` false when the same external id was sent before. */
export interface ApiBooking {
  created: boolean;
  appointment: { id: string; code: string; status: AppointmentStatus; slotAt: number; service: string };
}

export const cancelRequest = z.object({ reason: note.optional() });
export const checkInRequest = z.object({
  /** The customer took the offered walk-in ticket (early or late). */
  acceptWalkIn: z.boolean().optional(),
});

export type CheckInOutcome =
  | { kind: 'lane'; appointment: AppointmentView; issued: IssueResult }
  | { kind: 'walk_in'; appointment: AppointmentView; issued: IssueResult; reason: { zh: string; en: string } }
  | {
      kind: 'offer_walk_in';
      window: 'early' | 'late';
      appointment: AppointmentView;
      reason: { zh: string; en: string };
    };

export const dayQuery = z.object({ day: day.optional() });

export interface SlotRow {
  slotAt: number;
  time: string;
  service: string;
  booked: number;
  checkedIn: number;
  noShows: number;
  cancelled: number;
  capacity: number;
}

export interface DayFigures {
  bookings: number;
  cancellations: number;
  checkIns: number;
  walkIns: number;
  noShows: number;
  /** Average days between booking and the booked day. */
  avgDaysAhead: number | null;
  calledBeforeSlot: number;
  calledAfterSlot: number;
}

export interface DayView {
  day: string;
  slots: SlotRow[];
  appointments: AppointmentView[];
  figures: DayFigures;
}

export interface CashPlanItem {
  appointmentId: string;
  code: string;
  slotAt: number;
  time: string;
  amountFen: number;
  customerName: string | null;
  status: AppointmentStatus;
}
export interface CashPlan {
  day: string;
  totalFen: number;
  items: CashPlanItem[];
}

export const apiKeyRequest = z.object({ name: z.string().trim().min(1).max(60) });
export interface ApiKeyCreated {
  id: string;
  name: string;
  /** Shown once. */
  key: string;
}

export interface NotificationView {
  id: string;
  appointmentId: string;
  kind: string;
  dueAt: number;
  status: string;
  attempts: number;
  recipientMasked: string | null;
  bodyZh: string;
  bodyEn: string;
  sentAt: number | null;
}

export { BOOKING_CHANNELS };
