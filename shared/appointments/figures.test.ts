import { describe, expect, it } from 'vitest';
import { bookingFigures } from './figures';

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
