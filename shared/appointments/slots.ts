import { zonedInstant } from '../import/values';
import { branchDay } from '../queue/numbering';
import { ALLOWED, refuse, type Allowed, type Refusal } from '../refusal';
import { bookableService, type AppointmentConfig, type BookableService, type BookingChannel } from './config';

/*
 * Slots (预约时段): a branch day is cut into `slotMinutes` intervals between the opening and closing time; each
 * bookable service takes up to `capacityPerSlot` bookings per slot and `dailyCap` per day, and one customer holds
 * at most `perCustomerDailyCap` active bookings a day. Closed weekdays and holidays have no slots.
 */

const MINUTE = 60_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function civil(day: string): { y: number; m: number; d: number } {
  const m = DAY_RE.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: string): number {
  const { y, m, d } = civil(day);
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** The calendar day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  const { y, m, d } = civil(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  const x = civil(a);
  const y = civil(b);
  return Math.round((Date.UTC(y.y, y.m - 1, y.d) - Date.UTC(x.y, x.m - 1, x.d)) / (24 * 60 * MINUTE));
}

export function isOpenDay(day: string, cfg: AppointmentConfig): boolean {
  return cfg.weekdays.includes(weekdayOf(day)) && !cfg.holidays.includes(day);
}

/** The instant of a wall-clock minute of `day` in the branch's zone. */
export function instantOf(day: string, minutes: number, timeZone: string): number {
  return zonedInstant({ ...civil(day), minutes }, timeZone);
}

/** Start instants of the day's slots, in order; none on a closed day. */
export function slotsOf(day: string, cfg: AppointmentConfig, timeZone: string): number[] {
  if (!isOpenDay(day, cfg)) return [];
  const open = minutesOf(cfg.hours.open);
  const close = minutesOf(cfg.hours.close);
  const out: number[] = [];
  for (let m = open; m + cfg.slotMinutes <= close; m += cfg.slotMinutes)
    out.push(instantOf(day, m, timeZone));
  return out;
}

/** `HH:MM` of an instant in the branch's zone (what the slip, the lobby and the display say). */
export function clockOf(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(at));
}

/** Bookings already held, counted by the caller from the store (active ones: booked or checked in). */
export interface BookingCounts {
  /** This service in this slot. */
  slot: number;
  /** This service on this day. */
  day: number;
  /** This customer on this day (any service); 0 without a known customer. */
  customerDay: number;
}

export interface BookingRequest {
  service: string;
  channel: BookingChannel;
  slotAt: number;
  /** 大额取现 amount in fen; required for a large-cash service. */
  amountFen: number | null;
}

export type BookingCode =
  | 'unknown_service'
  | 'channel_not_allowed'
  | 'closed_day'
  | 'not_a_slot'
  | 'slot_past'
  | 'too_far_ahead'
  | 'slot_full'
  | 'day_full'
  | 'customer_cap'
  | 'amount_required';

/** May this booking be taken now? The first rule it breaks, in the words the desk reads aloud. */
export function checkBooking(
  req: BookingRequest,
  counts: BookingCounts,
  now: number,
  cfg: AppointmentConfig,
  timeZone: string,
): (Allowed & { service: BookableService; day: string }) | Refusal<BookingCode> {
  const service = bookableService(cfg, req.service);
  if (!service)
    return refuse('unknown_service', `不可预约的业务：${req.service}`, `Not bookable: ${req.service}`);
  if (!service.channels.includes(req.channel))
    return refuse(
      'channel_not_allowed',
      `${service.zh}不接受此渠道的预约`,
      `${service.en} cannot be booked through this channel`,
    );
  const day = branchDay(req.slotAt, timeZone);
  if (!isOpenDay(day, cfg))
    return refuse('closed_day', `${day} 网点不营业（休息日或节假日）`, `The branch is closed on ${day}`);
  if (!slotsOf(day, cfg, timeZone).includes(req.slotAt))
    return refuse('not_a_slot', '所选时间不是可预约时段', 'That time is not a bookable slot');
  if (req.slotAt + cfg.slotMinutes * MINUTE <= now)
    return refuse('slot_past', '该时段已过，请选择其他时段', 'That slot is over; choose another one');
  if (daysBetween(branchDay(now, timeZone), day) > cfg.bookAheadDays)
    return refuse(
      'too_far_ahead',
      `最多可提前 ${cfg.bookAheadDays} 天预约`,
      `Bookings open at most ${cfg.bookAheadDays} days ahead`,
    );
  if (service.largeCash && !(req.amountFen !== null && req.amountFen > 0))
    return refuse(
      'amount_required',
      '大额取现预约须填写金额',
      'A large cash withdrawal booking needs its amount',
    );
  if (counts.slot >= service.capacityPerSlot)
    return refuse(
      'slot_full',
      '该时段已约满，请选择其他时段',
      'That slot is fully booked; choose another one',
    );
  if (counts.day >= service.dailyCap)
    return refuse('day_full', `${day} ${service.zh}预约已满`, `${service.en} is fully booked on ${day}`);
  if (counts.customerDay >= cfg.perCustomerDailyCap)
    return refuse(
      'customer_cap',
      `该客户当天已有 ${counts.customerDay} 个预约，达到上限`,
      `This customer already holds ${counts.customerDay} bookings that day, the limit`,
    );
  return { ...ALLOWED, service, day };
}

export interface SlotAvailability {
  slotAt: number;
  time: string;
  booked: number;
  capacity: number;
  /** False once over, or full. */
  open: boolean;
}

/** A service's slots on a day with their bookings (per-slot counts from the store) for the booking screen. */
export function availability(
  day: string,
  service: BookableService,
  bookedBySlot: ReadonlyMap<number, number>,
  now: number,
  cfg: AppointmentConfig,
  timeZone: string,
): SlotAvailability[] {
  const dayTotal = [...bookedBySlot.values()].reduce((s, n) => s + n, 0);
  return slotsOf(day, cfg, timeZone).map((slotAt) => {
    const booked = bookedBySlot.get(slotAt) ?? 0;
    return {
      slotAt,
      time: clockOf(slotAt, timeZone),
      booked,
      capacity: service.capacityPerSlot,
      open:
        slotAt + cfg.slotMinutes * MINUTE > now &&
        booked < service.capacityPerSlot &&
        dayTotal < service.dailyCap,
    };
  });
}
