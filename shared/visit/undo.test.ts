import { describe, expect, it } from 'vitest';
import { checkUndoOutcome } from './rules';

const teller = { id: 't1', role: 'teller' as const };
const accepted = {
  staffId: 't1',
  outcome: 'accepted',
  undone: false,
  ticketStatus: 'serving' as string | null,
};

describe('undoing an outcome key', () => {
  it('is allowed to whoever recorded it while the visit is at the counter', () => {
    expect(checkUndoOutcome(teller, accepted).ok).toBe(true);
    expect(checkUndoOutcome(teller, { ...accepted, ticketStatus: 'called' }).ok).toBe(true);
    expect(checkUndoOutcome(teller, { ...accepted, outcome: 'declined' }).ok).toBe(true);
  });

  it('is refused after the visit, without a visit, twice, or for someone else', () => {
    const code = (o: Partial<typeof accepted>, who: { id: string; role: 'teller' | 'manager' } = teller) => {
      const r = checkUndoOutcome(who, { ...accepted, ...o });
      return r.ok ? 'ok' : r.code;
    };
    expect(code({ ticketStatus: 'done' })).toBe('visit_over');
    expect(code({ ticketStatus: null })).toBe('visit_over');
    expect(code({ undone: true })).toBe('outcome_undone');
    expect(code({ staffId: 't2' })).toBe('not_your_outcome');
    expect(code({ staffId: 't2' }, { id: 'm1', role: 'manager' })).toBe('ok');
    expect(code({ outcome: 'interested' })).toBe('undo_interested');
  });
});
