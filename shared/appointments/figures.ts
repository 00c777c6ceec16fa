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
