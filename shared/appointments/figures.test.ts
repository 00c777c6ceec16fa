import { describe, expect, it } from 'vitest';
import { bookingFigures, dayBookingFigures } from './figures';

const NOW = Date.UTC(2026, 11, 3, 2, 0);
const MIN = 60_000;

describe('bookingFigures', () => {
  it('counts standing bookings, check-ins, no-shows and those due in the next hour', () => {
    const f = bookingFigures(
      [
        { status: 'booked', slotAt: NOW + 30 * MIN },
        { status: 'booked', slotAt: NOW },
        { status: 'booked', slotAt: NOW + 60 * MIN },
        { status: 'booked', slotAt: NOW - 5 * MIN },
        { status: 'checked_in', slotAt: NOW + 20 * MIN },
        { status: 'walk_in', slotAt: NOW - 90 * MIN },
        { status: 'no_show', slotAt: NOW - 120 * MIN },
        { status: 'cancelled', slotAt: NOW + 10 * MIN },
      ],
      NOW,
    );
    // Due within the hour: the one now and the one at +30 min (not +60, not the one 5 min late, not checked in).
    expect(f).toEqual({ bookings: 7, checkedIn: 2, noShows: 1, nextHour: 2 });
    expect(bookingFigures([], NOW)).toEqual({ bookings: 0, checkedIn: 0, noShows: 0, nextHour: 0 });
  });
});

describe("a day's booking figures", () => {
  it('counts cancellations, days booked ahead, and lane calls before or after the booked time', () => {
    const slot = NOW;
    const f = dayBookingFigures([
      { status: 'checked_in', slotAt: slot, calledAt: slot - 4 * MIN, daysAhead: 1 },
      { status: 'checked_in', slotAt: slot, calledAt: slot, daysAhead: 3 },
      { status: 'checked_in', slotAt: slot, calledAt: slot + 9 * MIN, daysAhead: 0 },
      // Checked in, not called yet: neither early nor late.
      { status: 'checked_in', slotAt: slot, calledAt: null, daysAhead: 0 },
      // A walk-in's ticket was called too, but it left the lane: not the lane's promise.
      { status: 'walk_in', slotAt: slot, calledAt: slot + 30 * MIN, daysAhead: 2 },
      { status: 'cancelled', slotAt: slot, calledAt: null, daysAhead: 7 },
      { status: 'no_show', slotAt: slot, calledAt: null, daysAhead: 1 },
    ]);
    expect(f).toEqual({
      bookings: 7,
      cancellations: 1,
      checkIns: 4,
      walkIns: 1,
      noShows: 1,
      avgDaysAhead: 2, // (1 + 3 + 0 + 0 + 2 + 7 + 1) / 7
      calledBeforeSlot: 1,
      calledAfterSlot: 2, // on the minute counts as on time, not early
    });
    expect(dayBookingFigures([]).avgDaysAhead).toBeNull();
  });
});
