import { describe, expect, it } from 'vitest';
import { callStands, standingCall, withdrawCalls } from './calls';

describe('display calls', () => {
  const calls = [
    { ticketId: 'b', displayNo: 'A002' },
    { ticketId: 'a', displayNo: 'A001' },
  ];
  it('a no-show, a cancel or a return to the line withdraws the ticket’s calls', () => {
    for (const s of ['no_show', 'cancelled', 'waiting'] as const) {
      const after = withdrawCalls(calls, 'b', s);
      expect(after[0]).toEqual({ ticketId: 'b', displayNo: 'A002', withdrawn: true });
      expect(standingCall(after)?.displayNo).toBe('A001');
    }
  });
  it('serving, parking or finishing keeps the call; other tickets are untouched', () => {
    for (const s of ['called', 'serving', 'held', 'done'] as const) {
      expect(callStands(s)).toBe(true);
      expect(withdrawCalls(calls, 'b', s)).toBe(calls);
    }
    expect(withdrawCalls(calls, 'zzz', 'no_show')).toBe(calls);
    expect(standingCall(calls)?.displayNo).toBe('A002');
    expect(standingCall(withdrawCalls(withdrawCalls(calls, 'a', 'no_show'), 'b', 'no_show'))).toBeUndefined();
  });
});
