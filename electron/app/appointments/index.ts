import { ApiError } from '@shared/api/errors';
import type {
  ApiKeyCreated,
  AppointmentView,
  CashPlan,
  CheckInOutcome,
  DayView,
  NotificationView,
  SlotRow,
} from '@shared/api/appointments';
import type { IssueResult, TicketView } from '@shared/api/queue';
import { bookableService } from '@shared/appointments/config';
import { normalizeCode } from '@shared/appointments/code';
import { dayBookingFigures } from '@shared/appointments/figures';
import { aheadNotice } from '@shared/appointments/notices';
import { addDays, clockOf, daysBetween, slotsOf } from '@shared/appointments/slots';
import { checkInWindow } from '@shared/appointments/windows';
import { branchDay } from '@shared/queue/numbering';
import type { TriageFlags } from '@shared/triage';
import type { Appointment } from '../../db/convert/appointments';
import { newId } from '../../db/ids';
import { newToken, tokenId } from '../tokens';
import { appointmentNotFound, Bookings, type BookingDeps } from './bookings';

const MINUTE = 60_000;

export interface AppointmentQueue {
  issue(
    input: {
      customerId: string | null;
      intents: string[];
      flags: TriageFlags;
      appointment?: {
        id: string;
        bookedAt: number;
        service: string;
        walkIn?: boolean;
        notice?: { zh: string; en: string };
      };
    },
    staffId: string | null,
  ): IssueResult;
  /** Today's tickets still in play with their place (the lane's "N ahead of you"). */
  waitingViews(now: number): TicketView[];
}

export interface AppointmentsDeps extends BookingDeps {
  queue: AppointmentQueue;
}

/**
 * Appointments (预约) on the application layer: bookings (./bookings), check-in at the lobby with the windows,
 * no-shows, the manager's day view and cash-planning list, the branch API keys, and the notices the dispatcher sends.
 */
export class AppointmentsApp {
  readonly bookings: Bookings;

  constructor(private readonly d: AppointmentsDeps) {
    this.bookings = new Bookings(d);
  }

  private cfg() {
    return this.d.rules().appointments;
  }
  private tz(): string {
    return this.d.rules().branch.timezone;
  }

  byCode(raw: string): AppointmentView {
    const code = normalizeCode(raw);
    const a = code ? this.d.repo.byCode(code) : undefined;
    if (!a)
      throw new ApiError(
        404,
        'appointment_not_found',
        `预约码 ${raw.trim()} 不存在`,
        `No booking with code ${raw.trim()}`,
      );
    return this.bookings.view(a);
  }

  /** The customer's bookings today (the lobby's "预约 10:30 理财咨询"). */
  todayFor(customerId: string): AppointmentView[] {
    const today = branchDay(this.d.now(), this.tz());
    return this.d.repo.forCustomer(customerId, today).map((a) => this.bookings.view(a));
  }

  cancel(id: string, reason: string | null, staffId: string): AppointmentView {
    return this.bookings.view(this.bookings.cancel(this.bookings.require(id), reason, staffId));
  }

  /**
   * Check-in: on time → a lane ticket (Y…) called by booked time; early or late → the reason, and a walk-in ticket
   * once the customer accepts it (the reason printed on it). A booking whose window closed before (marked a
   * no-show) is offered the walk-in too.
   */
  checkIn(id: string, acceptWalkIn: boolean, staffId: string): CheckInOutcome {
    const a = this.bookings.require(id);
    const now = this.d.now();
    if (a.status === 'cancelled')
      throw new ApiError(
        409,
        'appointment_cancelled',
        '该预约已取消，可按普通号办理',
        'This booking was cancelled; serve as a walk-in',
      );
    if (a.status === 'checked_in' || a.status === 'walk_in')
      throw new ApiError(409, 'already_checked_in', '该预约已签到取号', 'This booking is already checked in');
    if (!a.customerId)
      throw new ApiError(409, 'customer_unknown', '预约未关联客户', 'The booking names no customer');
    const w = checkInWindow(a.slotAt, now, this.cfg(), this.tz());
    const onTime = w.kind === 'on_time' && a.status === 'booked';
    if (!onTime && !acceptWalkIn) {
      const reason =
        w.kind === 'on_time'
          ? {
              zh: '该预约已记为爽约，可按普通号办理',
              en: 'This booking was recorded as a no-show; a walk-in ticket is available',
            }
          : w.reason;
      return {
        kind: 'offer_walk_in',
        window: w.kind === 'early' ? 'early' : 'late',
        appointment: this.bookings.view(a),
        reason,
      };
    }
    const status = onTime ? 'checked_in' : 'walk_in';
    if (!this.d.repo.setStatus(a.id, ['booked', 'no_show'], { status, checked_in_at: now }, now))
      throw new ApiError(409, 'already_checked_in', '该预约已签到取号', 'This booking is already checked in');
    const notice = w.kind === 'on_time' ? undefined : w.reason;
    let issued: IssueResult;
    try {
      issued = this.d.queue.issue(
        {
          customerId: a.customerId,
          intents: [a.intent],
          flags: {},
          appointment: {
            id: a.id,
            bookedAt: a.slotAt,
            service: a.service,
            ...(onTime ? {} : { walkIn: true, ...(notice ? { notice } : {}) }),
          },
        },
        staffId,
      );
    } catch (err) {
      this.d.repo.setStatus(a.id, [status], { status: a.status, checked_in_at: null }, now);
      throw err;
    }
    this.d.repo.setStatus(a.id, [status], { ticket_id: issued.ticket.id }, now);
    this.d.audit.append({
      at: now,
      staffId,
      action: onTime ? 'appointment.check_in' : 'appointment.walk_in',
      targetType: 'appointment',
      targetId: a.id,
      detail: { ticket: issued.ticket.displayNo, window: w.kind },
    });
    const view = this.bookings.view(this.bookings.require(a.id));
    return onTime
      ? { kind: 'lane', appointment: view, issued }
      : { kind: 'walk_in', appointment: view, issued, reason: notice ?? { zh: '', en: '' } };
  }

  /** Bookings still open after their late window closed are recorded as no-shows; answers how many. */
  sweepNoShows(): number {
    const now = this.d.now();
    const late = this.cfg().windows.lateMinutes * MINUTE;
    let n = 0;
    for (const a of this.d.repo.bookedBefore(now - late)) {
      if (a.slotAt + late >= now) continue;
      if (this.d.repo.setStatus(a.id, ['booked'], { status: 'no_show' }, now)) {
        n++;
        this.d.repo.dropPending(a.id, ['reminder']);
        this.d.audit.append({
          at: now,
          staffId: null,
          action: 'appointment.no_show',
          targetType: 'appointment',
          targetId: a.id,
        });
      }
    }
    return n;
  }

  /** The manager's day: bookings per slot and service with check-ins and no-shows, and the day's figures. */
  dayView(day?: string): DayView {
    this.sweepNoShows();
    const d = day ?? branchDay(this.d.now(), this.tz());
    const list = this.d.repo.day(d);
    const views = list.map((a) => this.bookings.view(a));
    const slots: SlotRow[] = [];
    for (const s of this.cfg().services) {
      for (const slotAt of slotsOf(d, this.cfg(), this.tz())) {
        const here = list.filter((a) => a.service === s.key && a.slotAt === slotAt);
        if (here.length === 0) continue;
        const count = (...st: Appointment['status'][]) => here.filter((a) => st.includes(a.status)).length;
        slots.push({
          slotAt,
          time: clockOf(slotAt, this.tz()),
          service: s.key,
          booked: count('booked', 'checked_in', 'walk_in', 'no_show'),
          checkedIn: count('checked_in', 'walk_in'),
          noShows: count('no_show'),
          cancelled: count('cancelled'),
          capacity: s.capacityPerSlot,
        });
      }
    }
    slots.sort((x, y) => x.slotAt - y.slotAt || (x.service < y.service ? -1 : 1));
    const calledAt = new Map(views.map((v) => [v.id, v.calledAt]));
    return {
      day: d,
      slots,
      appointments: views,
      figures: dayBookingFigures(
        list.map((a) => ({
          status: a.status,
          slotAt: a.slotAt,
          calledAt: calledAt.get(a.id) ?? null,
          daysAhead: daysBetween(branchDay(a.createdAt, this.tz()), a.slotDay),
        })),
      ),
    };
  }

  /** 大额取现 bookings of a day (tomorrow by default): the cash the vault must order the day before. */
  cashPlan(day?: string): CashPlan {
    const d = day ?? addDays(branchDay(this.d.now(), this.tz()), 1);
    const items = this.d.repo
      .day(d)
      .filter(
        (a) =>
          bookableService(this.cfg(), a.service)?.largeCash &&
          (a.status === 'booked' || a.status === 'checked_in'),
      )
      .map((a) => ({
        appointmentId: a.id,
        code: a.code,
        slotAt: a.slotAt,
        time: clockOf(a.slotAt, this.tz()),
        amountFen: a.amountFen ?? 0,
        customerName: (a.customerId ? this.d.customer(a.customerId)?.name : null) ?? null,
        status: a.status,
      }));
    return { day: d, totalFen: items.reduce((s, i) => s + i.amountFen, 0), items };
  }

  /** "N ahead of you": once per lane ticket when its place reaches the configured count. */
  aheadNotices(): number {
    const n = this.cfg().reminders.aheadNotice;
    if (n <= 0) return 0;
    const now = this.d.now();
    let sent = 0;
    for (const t of this.d.queue.waitingViews(now)) {
      if (!t.appointment || t.appointment.walkIn || t.status !== 'waiting' || t.ahead > n) continue;
      const a = this.d.repo.byTicket(t.id);
      if (!a) continue;
      const text = aheadNotice({ ...this.bookings.noticeOf(a), ticketNo: t.displayNo, ahead: t.ahead });
      if (this.bookings.notify(a, 'ahead', text, now)) sent++;
    }
    return sent;
  }

  // ── branch API keys ─────────────────────────────────────────────────────────────────────
  createKey(name: string, staffId: string): ApiKeyCreated {
    const key = newToken();
    const id = newId();
    const now = this.d.now();
    this.d.tx(() => {
      this.d.repo.insertKey({
        id,
        key_hash: tokenId(key),
        name,
        created_by: staffId,
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      });
      this.d.audit.append({
        at: now,
        staffId,
        action: 'api_key.create',
        targetType: 'api_key',
        targetId: id,
        detail: { name },
      });
    });
    return { id, name, key };
  }

  keys(): { id: string; name: string; createdAt: number; lastUsedAt: number | null; revoked: boolean }[] {
    return this.d.repo.keys().map((k) => ({
      id: k.id,
      name: k.name,
      createdAt: k.created_at,
      lastUsedAt: k.last_used_at,
      revoked: k.revoked_at !== null,
    }));
  }

  /** The key's id for a request's `x-api-key` (or Bearer) value; 401 otherwise. */
  authenticateKey(raw: string | undefined): string {
    const k = raw ? this.d.repo.keyByHash(tokenId(raw)) : undefined;
    if (!k) throw new ApiError(401, 'api_key_invalid', 'API 密钥无效或已停用', 'Invalid or revoked API key');
    this.d.repo.touchKey(k.id, this.d.now());
    return k.id;
  }

  notifications(appointmentId?: string): NotificationView[] {
    return this.d.repo.notifications(appointmentId).map((n) => ({
      id: n.id,
      appointmentId: n.appointmentId,
      kind: n.kind,
      dueAt: n.dueAt,
      status: n.status,
      attempts: n.attempts,
      recipientMasked: n.recipientMasked,
      bodyZh: n.bodyZh,
      bodyEn: n.bodyEn,
      sentAt: n.sentAt,
    }));
  }
}

export { appointmentNotFound };
