import { describe, expect, it } from 'vitest';
import { outreachProgress, type ListItemFact } from './figures';

const item = (p: Partial<ListItemFact> & { customerId: string }): ListItemFact => ({
  assigneeId: 'rm1',
  rules: ['periodic'],
  overdue: false,
  contactedToday: false,
  ...p,
});

describe('outreach progress for the dashboard', () => {
  it('counts done versus due per list and per member of staff', () => {
    const r = outreachProgress(
      [
        item({ customerId: 'a', overdue: true }),
        item({ customerId: 'b', rules: ['churnRisk', 'periodic'] }),
        item({ customerId: 'c', assigneeId: 'rm2', rules: ['birthday'] }),
        item({ customerId: 'd', assigneeId: null, rules: ['dormant'], overdue: true }),
        // Still listed for another reason, but contacted today: done, not open.
        item({ customerId: 'e', contactedToday: true }),
      ],
      [
        { customerId: 'e', staffId: 'rm1', rule: 'periodic' },
        { customerId: 'f', staffId: 'rm1', rule: 'churnRisk' },
        { customerId: 'g', staffId: 'rm2', rule: null },
      ],
      [
        { staffId: 'rm1', result: 'reached' },
        { staffId: 'rm1', result: 'no_answer' },
        { staffId: 'rm1', result: 'reached' },
        { staffId: 'rm2', result: 'declined' },
      ],
      new Set(['reached', 'declined']),
    );
    expect(r.today).toMatchObject({ open: 4, overdue: 2, done: 3, due: 7 });
    expect(r.today.byRule.periodic).toEqual({ open: 2, overdue: 1, done: 1, due: 3 });
    expect(r.today.byRule.churnRisk).toEqual({ open: 1, overdue: 0, done: 1, due: 2 });
    expect(r.today.byRule.dormant).toEqual({ open: 1, overdue: 1, done: 0, due: 1 });
    expect(r.byStaff.map((s) => s.staffId)).toEqual(['rm1', 'rm2', null]);
    expect(r.byStaff[0]).toEqual({
      staffId: 'rm1',
      open: 2,
      overdue: 1,
      done: 2,
      due: 4,
      contacts: 3,
      reached: 2,
      reachedPct: 66.7,
    });
    expect(r.byStaff[1]).toMatchObject({ staffId: 'rm2', open: 1, done: 1, due: 2, reachedPct: 100 });
    expect(r.byStaff[2]).toMatchObject({ staffId: null, open: 1, overdue: 1, done: 0, contacts: 0 });
    expect(r.byStaff[2]?.reachedPct).toBeNull();
  });
  it('a customer called twice today counts once in the day, once per caller', () => {
    const r = outreachProgress(
      [],
      [
        { customerId: 'a', staffId: 'rm1', rule: 'periodic' },
        { customerId: 'a', staffId: 'rm1', rule: 'periodic' },
        { customerId: 'a', staffId: 'rm2', rule: 'periodic' },
      ],
      [],
      new Set(),
    );
    expect(r.today).toMatchObject({ done: 1, due: 1, open: 0 });
    expect(r.byStaff.map((s) => [s.staffId, s.done])).toEqual([
      ['rm1', 1],
      ['rm2', 1],
    ]);
  });
});
