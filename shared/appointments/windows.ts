import type { AppointmentConfig } from './config';
import { clockOf } from './slots';

/*
 * Check-in windows (签到时间窗): from `earlyMinutes` before the booked time to `lateMinutes` after it the customer
 * joins the appointment lane; earlier they are told when check-in opens; later they are offered a walk-in ticket
 * with the reason said on screen and printed on the ticket — never a bare "expired". A booking nobody checked in
 * for by the end of the late window is a no-show.
 */

const MINUTE = 60_000;

export interface Bilingual {
  zh: string;
  en: string;
}

export type CheckInWindow =
  | { kind: 'early'; opensAt: number; reason: Bilingual }
  | { kind: 'on_time' }
  | { kind: 'late'; minutesLate: number; reason: Bilingual };

export function checkInWindow(
  bookedAt: number,
  now: number,
  cfg: AppointmentConfig,
  timeZone: string,
): CheckInWindow {
  const { earlyMinutes, lateMinutes } = cfg.windows;
  const opensAt = bookedAt - earlyMinutes * MINUTE;
  const time = clockOf(bookedAt, timeZone);
  if (now < opensAt) {
    const opens = clockOf(opensAt, timeZone);
    return {
      kind: 'early',
      opensAt,
      reason: {
        zh: `预约 ${time}，${opens} 起可签到；现在可按普通号办理`,
        en: `Booked for ${time}; check-in opens at ${opens}. A walk-in ticket is available now`,
      },
    };
  }
  if (now <= bookedAt + lateMinutes * MINUTE) return { kind: 'on_time' };
  const minutesLate = Math.floor((now - bookedAt) / MINUTE);
  return {
    kind: 'late',
    minutesLate,
    reason: {
      zh: `预约 ${time}，已迟到 ${minutesLate} 分钟（超过 ${lateMinutes} 分钟），改按普通号办理`,
      en: `Booked for ${time}, ${minutesLate} min late (over ${lateMinutes} min): served as a walk-in`,
    },
  };
}

/** A booking still waiting for its customer once the late window has closed: recorded as a no-show. */
export function isNoShow(bookedAt: number, now: number, cfg: AppointmentConfig): boolean {
  return now > bookedAt + cfg.windows.lateMinutes * MINUTE;
}
