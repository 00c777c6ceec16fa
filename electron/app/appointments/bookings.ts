import { ApiError, refusal } from '@shared/api/errors';
import type {
  AppointmentInfo,
  AppointmentView,
  ApiBooking,
  apiBookRequest,
  bookRequest,
  SlotList,
} from '@shared/api/appointments';
import type { RulesConfig } from '@shared/config/schema';
import { bookableService } from '@shared/appointments/config';
import { bookingCode } from '@shared/appointments/code';
import {
  cancelledNotice,
  confirmedNotice,
  reminderDueAt,
  reminderNotice,
  type NoticeText,
} from '@shared/appointments/notices';
import { availability, checkBooking, clockOf, isOpenDay } from '@shared/appointments/slots';
import { branchDay } from '@shared/queue/numbering';
import type { z } from 'zod';
import type { Appointment, NotificationKind } from '../../db/convert/appointments';
import type { Customer } from '../../db/convert/customers';
import { newId } from '../../db/ids';
import type { AppointmentRepo } from '../../db/repos/appointments';
import type { AuditRepo } from '../../db/repos/settings';

export interface BookingDeps {
  repo: AppointmentRepo;
  customer: (id: string) => Customer | undefined;
  /** Finds the one customer an app names by ID number, phone or customer number (audited as a lookup). */
  findCustomer: (q: string) => string[];
  ticketOf: (ticketId: string) => { displayNo: string; calledAt: number | null } | undefined;
  audit: Pick<AuditRepo, 'append'>;
  tx: <T>(fn: () => T) => T;
  now: () => number;
  rules: () => Pick<RulesConfig, 'appointments' | 'branch'>;
  random: (n: number) => Uint8Array;
  /** Replication (electron/sync): a booking made or cancelled reaches the counter terminals, in its transaction. */
  outbox: { record(kind: 'appointment', entityId: string, payload: Record<string, unknown>): unknown };
}

export const appointmentNotFound = (): ApiError =>
  new ApiError(404, 'appointment_not_found', '预约不存在', 'No such booking');

/**
 * Bookings: taking one at the desk, by phone or through a bank's app (idempotent by its external id),
 * cancelling, and the views every screen reads. Each booking and its notifications commit together.
 */
export class Bookings {
  constructor(private readonly d: BookingDeps) {}

  private cfg() {
    return this.d.rules().appointments;
  }
  private tz(): string {
    return this.d.rules().branch.timezone;
  }

  info(): AppointmentInfo {
    const c = this.cfg();
    return {
      services: c.services,
      slotMinutes: c.slotMinutes,
      bookAheadDays: c.bookAheadDays,
      timezone: this.tz(),
      today: branchDay(this.d.now(), this.tz()),
      earlyMinutes: c.windows.earlyMinutes,
      lateMinutes: c.windows.lateMinutes,
    };
  }

  slots(day: string, service: string): SlotList {
    const s = bookableService(this.cfg(), service);
    if (!s)
      throw new ApiError(400, 'unknown_service', `不可预约的业务：${service}`, `Not bookable: ${service}`);
    const counts = this.d.repo.slotCounts(day, service);
    return {
      day,
      open: isOpenDay(day, this.cfg()),
      slots: availability(day, s, counts, this.d.now(), this.cfg(), this.tz()),
    };
  }

  view(a: Appointment): AppointmentView {
    const s = bookableService(this.cfg(), a.service);
    const c = a.customerId ? this.d.customer(a.customerId) : undefined;
    const t = a.ticketId ? this.d.ticketOf(a.ticketId) : undefined;
    return {
      id: a.id,
      code: a.code,
      customerId: a.customerId,
      customerName: c?.name ?? null,
      phoneMasked: c?.phoneMasked ?? null,
      service: a.service,
      serviceZh: s?.zh ?? a.service,
      serviceEn: s?.en ?? a.service,
      channel: a.channel,
      slotAt: a.slotAt,
      slotDay: a.slotDay,
      time: clockOf(a.slotAt, this.tz()),
      amountFen: a.amountFen,
      status: a.status,
      externalId: a.externalId,
      ticketId: a.ticketId,
      ticketNo: t?.displayNo ?? null,
      calledAt: t?.calledAt ?? null,
      createdAt: a.createdAt,
      checkedInAt: a.checkedInAt,
      cancelledAt: a.cancelledAt,
    };
  }

  require(id: string): Appointment {
    const a = this.d.repo.get(id);
    if (!a) throw appointmentNotFound();
    return a;
  }

  private newCode(): string {
    for (let i = 0; i < 20; i++) {
      const code = bookingCode(this.d.random);
      if (!this.d.repo.codeTaken(code)) return code;
    }
    throw new Error('no free booking code after 20 tries');
  }

  /** Checks capacity and caps and stores the booking with its confirmation and reminder, in one transaction. */
  private take(
    input: {
      customerId: string;
      service: string;
      slotAt: number;
      channel: Appointment['channel'];
      amountFen: number | null;
      note: string | null;
      externalId: string | null;
      apiKeyId: string | null;
    },
    staffId: string | null,
  ): Appointment {
    const now = this.d.now();
    const cfg = this.cfg();
    const tz = this.tz();
    if (!this.d.customer(input.customerId))
      throw new ApiError(404, 'customer_not_found', '客户不存在', 'No such customer');
    const id = newId();
    this.d.tx(() => {
      const day = branchDay(input.slotAt, tz);
      const slotCounts = this.d.repo.slotCounts(day, input.service);
      const ok = checkBooking(
        { service: input.service, channel: input.channel, slotAt: input.slotAt, amountFen: input.amountFen },
        {
          slot: slotCounts.get(input.slotAt) ?? 0,
          day: [...slotCounts.values()].reduce((a, b) => a + b, 0),
          customerDay: this.d.repo.customerDayCount(input.customerId, day),
        },
        now,
        cfg,
        tz,
      );
      if (!ok.ok) throw refusal(409, ok);
      this.d.repo.insert({
        id,
        code: this.newCode(),
        customer_id: input.customerId,
        service: input.service,
        intent: ok.service.intent,
        channel: input.channel,
        slot_at: input.slotAt,
        slot_day: ok.day,
        amount_fen: ok.service.largeCash ? input.amountFen : null,
        status: 'booked',
        external_id: input.externalId,
        api_key_id: input.apiKeyId,
        ticket_id: null,
        note: input.note,
        created_by: staffId,
        created_at: now,
        checked_in_at: null,
        called_at: null,
        cancelled_at: null,
        cancel_reason: null,
        updated_at: now,
      });
      this.replicate(id);
      const a = this.require(id);
      this.notify(a, 'confirmed', confirmedNotice(this.noticeOf(a)), now);
      const remindAt = reminderDueAt(a.slotAt, now, cfg.reminders.dayBeforeHour, tz);
      if (remindAt !== null) this.notify(a, 'reminder', null, remindAt);
      this.d.audit.append({
        at: now,
        staffId,
        action: 'appointment.book',
        targetType: 'appointment',
        targetId: id,
        detail: { service: a.service, slotAt: a.slotAt, channel: a.channel, external: !!a.externalId },
      });
    });
    return this.require(id);
  }

  noticeOf(a: Appointment) {
    const s = bookableService(this.cfg(), a.service);
    return {
      branchName: this.d.rules().branch.name,
      serviceZh: s?.zh ?? a.service,
      serviceEn: s?.en ?? a.service,
      slotAt: a.slotAt,
      code: a.code,
      timeZone: this.tz(),
    };
  }

  /**
   * Queues a notification (at most one per booking and kind); without `text`, a reminder's. A customer without a
   * phone number on file gets none (stored as dropped, so the outbox list says why).
   */
  notify(a: Appointment, kind: NotificationKind, text: NoticeText | null, dueAt: number): boolean {
    const now = this.d.now();
    const body = text ?? (kind === 'reminder' ? reminderNotice(this.noticeOf(a)) : { zh: '', en: '' });
    const c = a.customerId ? this.d.customer(a.customerId) : undefined;
    return this.d.repo.queueNotification({
      id: newId(),
      appointment_id: a.id,
      customer_id: a.customerId,
      kind,
      due_at: dueAt,
      status: c?.phoneMasked ? 'pending' : 'dropped',
      attempts: 0,
      recipient_masked: c?.phoneMasked ?? null,
      body_zh: body.zh,
      body_en: body.en,
      sent_at: null,
      error: c?.phoneMasked ? null : 'no phone number on file',
      created_at: now,
    });
  }

  book(req: z.output<typeof bookRequest>, staffId: string): AppointmentView {
    const a = this.take(
      {
        customerId: req.customerId,
        service: req.service,
        slotAt: req.slotAt,
        channel: req.channel,
        amountFen: req.amountFen ?? null,
        note: req.note ?? null,
        externalId: null,
        apiKeyId: null,
      },
      staffId,
    );
    return this.view(a);
  }

  /** A bank's app: the same external id answers the booking it made before (created: false), never a second one. */
  apiBook(req: z.output<typeof apiBookRequest>, apiKeyId: string): ApiBooking {
    const before = this.d.repo.byExternal(apiKeyId, req.externalId);
    if (before) return { created: false, appointment: apiShape(before) };
    const q = req.customer.idNumber ?? req.customer.phone ?? req.customer.customerNo ?? '';
    const found = this.d.findCustomer(q);
    if (found.length !== 1)
      throw new ApiError(
        found.length === 0 ? 404 : 409,
        found.length === 0 ? 'customer_not_found' : 'customer_ambiguous',
        found.length === 0 ? '本网点未找到该客户' : '该标识对应多位客户，请改用证件号或客户号',
        found.length === 0
          ? 'No such customer at this branch'
          : 'Several customers match; send the ID number or the customer number',
      );
    const a = this.take(
      {
        customerId: found[0] as string,
        service: req.service,
        slotAt: req.slotAt,
        channel: 'app',
        amountFen: req.amountFen ?? null,
        note: null,
        externalId: req.externalId,
        apiKeyId,
      },
      null,
    );
    return { created: true, appointment: apiShape(a) };
  }

  /** Cancels a booking still open; cancelling a cancelled one again answers the same (idempotent). */
  cancel(a: Appointment, reason: string | null, staffId: string | null): Appointment {
    if (a.status === 'cancelled') return a;
    const now = this.d.now();
    this.d.tx(() => {
      if (
        !this.d.repo.setStatus(
          a.id,
          ['booked'],
          { status: 'cancelled', cancelled_at: now, cancel_reason: reason },
          now,
        )
      )
        throw new ApiError(
          409,
          'appointment_not_open',
          '该预约已签到或已结束，不能取消',
          'This booking is checked in or over; it cannot be cancelled',
        );
      this.replicate(a.id);
      this.d.repo.dropPending(a.id, ['reminder', 'confirmed']);
      this.notify(a, 'cancelled', cancelledNotice(this.noticeOf(a)), now);
      this.d.audit.append({
        at: now,
        staffId,
        action: 'appointment.cancel',
        targetType: 'appointment',
        targetId: a.id,
        reason,
      });
    });
    return this.require(a.id);
  }

  /** The row as stored into the outbox (shared/appointments/sync.ts), in the caller's transaction. */
  private replicate(id: string): void {
    const row = this.d.repo.row(id);
    if (row) this.d.outbox.record('appointment', id, { row });
  }

  apiCancel(externalId: string, apiKeyId: string): ApiBooking {
    const a = this.d.repo.byExternal(apiKeyId, externalId);
    if (!a) throw appointmentNotFound();
    return {
      created: false,
      appointment: apiShape(this.cancel(a, '客户在手机银行取消 / cancelled in the app', null)),
    };
  }
}

function apiShape(a: Appointment): ApiBooking['appointment'] {
  return { id: a.id, code: a.code, status: a.status, slotAt: a.slotAt, service: a.service };
}
