import { addDays, clockOf, instantOf } from './slots';
import { branchDay } from '../queue/numbering';

/*
 * Texts of customer notifications (booking confirmed, reminder the day before, cancelled, "N ahead of you").
 * They name the branch, the time, the service and the booking code — never the customer's name, ID or phone,
 * so the outbox, logs and a gateway's records hold nothing personal.
 */

export interface NoticeInput {
  branchName: string;
  serviceZh: string;
  serviceEn: string;
  slotAt: number;
  code: string;
  timeZone: string;
}

export interface NoticeText {
  zh: string;
  en: string;
}

function when(n: NoticeInput): { day: string; time: string } {
  return { day: branchDay(n.slotAt, n.timeZone), time: clockOf(n.slotAt, n.timeZone) };
}

export function confirmedNotice(n: NoticeInput): NoticeText {
  const { day, time } = when(n);
  return {
    zh: `【${n.branchName}】您已预约 ${day} ${time} ${n.serviceZh}，预约码 ${n.code}。请于预约时间前到网点签到。`,
    en: `[${n.branchName}] Booked: ${n.serviceEn} on ${day} at ${time}, code ${n.code}. Please check in at the branch before your time.`,
  };
}

export function reminderNotice(n: NoticeInput): NoticeText {
  const { day, time } = when(n);
  return {
    zh: `【${n.branchName}】提醒：您预约了明天（${day}）${time} ${n.serviceZh}，预约码 ${n.code}。`,
    en: `[${n.branchName}] Reminder: ${n.serviceEn} tomorrow (${day}) at ${time}, code ${n.code}.`,
  };
}

export function cancelledNotice(n: NoticeInput): NoticeText {
  const { day, time } = when(n);
  return {
    zh: `【${n.branchName}】您 ${day} ${time} 的${n.serviceZh}预约（${n.code}）已取消。`,
    en: `[${n.branchName}] Your ${n.serviceEn} booking on ${day} at ${time} (${n.code}) is cancelled.`,
  };
}

export function aheadNotice(n: NoticeInput & { ticketNo: string; ahead: number }): NoticeText {
  return {
    zh: `【${n.branchName}】您的号码 ${n.ticketNo} 前面还有 ${n.ahead} 位，请留意叫号。`,
    en: `[${n.branchName}] Ticket ${n.ticketNo}: ${n.ahead} ahead of you. Please listen for your call.`,
  };
}

/**
 * When the day-before reminder is due: `hour` o'clock the day before the booked day, in the branch's zone; null
 * when that moment has passed already (a booking made the evening before gets its confirmation only).
 */
export function reminderDueAt(slotAt: number, now: number, hour: number, timeZone: string): number | null {
  const due = instantOf(addDays(branchDay(slotAt, timeZone), -1), hour * 60, timeZone);
  return due > now && due < slotAt ? due : null;
}
