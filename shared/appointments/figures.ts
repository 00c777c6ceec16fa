/**
 * The manager's booking figures for today (the dashboard's 今日预约 card): bookings still standing (not cancelled),
 * checked in (in the lane or sent on as walk-ins), no-shows, and those due within the next hour that have not
 * checked in yet.
 */
export interface BookingFigures {
  bookings: number;
  checkedIn: number;
  noShows: number;
  nextHour: number;
}

const HOUR = 3_600_000;

/** The day view's figures of one booked day (all its bookings, cancelled ones included). */
export interface DayBookingFigures {
  bookings: number;
  cancellations: number;
  checkIns: number;
  walkIns: number;
  noShows: number;
  /** Average whole days between the day a booking was made and the booked day (branch calendar), one decimal. */
  avgDaysAhead: number | null;
  /** Lane tickets called before / at-or-after their booked time: whether the lane keeps its promise. */
  calledBeforeSlot: number;
  calledAfterSlot: number;
}

export function dayBookingFigures(
  list: readonly { status: string; slotAt: number; calledAt: number | null; daysAhead: number }[],
): DayBookingFigures {
  const n = (status: string) => list.filter((a) => a.status === status).length;
  const called = list.filter((a) => a.calledAt !== null && a.status === 'checked_in');
  return {
    bookings: list.length,
    cancellations: n('cancelled'),
    checkIns: n('checked_in'),
    walkIns: n('walk_in'),
    noShows: n('no_show'),
    avgDaysAhead: list.length
      ? Math.round((list.reduce((s, a) => s + a.daysAhead, 0) / list.length) * 10) / 10
      : null,
    calledBeforeSlot: called.filter((a) => (a.calledAt as number) < a.slotAt).length,
    calledAfterSlot: called.filter((a) => (a.calledAt as number) >= a.slotAt).length,
  };
}

export function bookingFigures(
  list: readonly { status: string; slotAt: number }[],
  now: number,
): BookingFigures {
  const f: BookingFigures = { bookings: 0, checkedIn: 0, noShows: 0, nextHour: 0 };
  for (const a of list) {
    if (a.status === 'cancelled') continue;
    f.bookings++;
    if (a.status === 'checked_in' || a.status === 'walk_in') f.checkedIn++;
    else if (a.status === 'no_show') f.noShows++;
    else if (a.status === 'booked' && a.slotAt >= now && a.slotAt < now + HOUR) f.nextHour++;
  }
  return f;
}
