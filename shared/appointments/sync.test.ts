import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appointmentRow, mergeBookingRow, mergeCheckIn, type CheckInClaim } from './sync';

/** One install applying the tickets of a booking in the order they reach it; answers who holds it and who lost. */
function replay(claims: readonly CheckInClaim[]): { held: string | null; losers: Set<string> } {
  let status = 'booked';
  let held: CheckInClaim | null = null;
  const losers = new Set<string>();
  for (const c of claims) {
    const m = mergeCheckIn({ status, held }, c);
    if (m.kind === 'take' || m.kind === 'replace') {
      status = 'checked_in';
      held = c;
    }
    if (m.kind === 'replace' || m.kind === 'lose') losers.add(m.loser);
  }
  return { held: held?.ticketId ?? null, losers };
}

const claim = fc.record({
  ticketId: fc.uuid(),
  arrivedAt: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_600_000 }),
});

describe('one booking, tickets from devices cut from each other', () => {
  it('every install, whatever order the tickets reach it in, keeps the first ticket and cancels the others', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(claim, { minLength: 1, maxLength: 5, selector: (c) => c.ticketId })
          .chain((cs) =>
            fc.tuple(
              fc.constant(cs),
              fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }),
            ),
          ),
        ([claims, shuffled]) => {
          const a = replay(claims);
          const b = replay(shuffled);
          const firstOne = [...claims].sort(
            (x, y) => x.arrivedAt - y.arrivedAt || (x.ticketId < y.ticketId ? -1 : 1),
          )[0] as CheckInClaim;
          expect(a.held).toBe(firstOne.ticketId);
          expect(b.held).toBe(firstOne.ticketId);
          // No double check-in: every other ticket is cancelled, the kept one never is.
          const others = claims.filter((c) => c.ticketId !== firstOne.ticketId).map((c) => c.ticketId);
          for (const r of [a, b]) expect([...r.losers].sort()).toEqual([...others].sort());
        },
      ),
    );
  });

  it('the same ticket twice is no conflict; a cancelled booking leaves the ticket alone', () => {
    const c = { ticketId: 't1', arrivedAt: 5 };
    expect(mergeCheckIn({ status: 'checked_in', held: c }, c)).toEqual({ kind: 'same' });
    expect(mergeCheckIn({ status: 'cancelled', held: null }, c)).toEqual({ kind: 'ignore' });
    expect(mergeCheckIn({ status: 'no_show', held: null }, c)).toEqual({ kind: 'take' });
  });
});

describe('booking rows', () => {
  it('adds a booking made elsewhere and closes an open one cancelled elsewhere, never undoing a check-in', () => {
    expect(mergeBookingRow(null, { status: 'booked' })).toBe('insert');
    expect(mergeBookingRow({ status: 'booked' }, { status: 'cancelled' })).toBe('cancel');
    expect(mergeBookingRow({ status: 'checked_in' }, { status: 'cancelled' })).toBe('none');
    expect(mergeBookingRow({ status: 'checked_in' }, { status: 'booked' })).toBe('none');
  });

  it('parses a row as the API would take it: bounds, and free text masked', () => {
    const row = {
      id: 'a1',
      code: 'K7M2QX',
      customer_id: 'c1',
      service: 'wealth',
      intent: 'wealth',
      channel: 'desk',
      slot_at: 1_700_000_000_000,
      slot_day: '2026-12-04',
      status: 'booked',
      note: '客户手机 13867251904',
      created_at: 1_700_000_000_000,
      updated_at: 1_700_000_000_000,
    };
    const parsed = appointmentRow.parse(row);
    expect(parsed.note).not.toContain('13867251904');
    expect(appointmentRow.safeParse({ ...row, status: 'gone' }).success).toBe(false);
  });
});
