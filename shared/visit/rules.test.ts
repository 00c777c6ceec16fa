import { describe, expect, it } from 'vitest';
import { TICKET_EVENT_TYPES } from '../queue/events';
import { defaultVisitConfig } from './config';
import {
  checkCloseFollowUp,
  checkOutcomeBeforeFinish,
  checkOutcomeTicket,
  complaintDeadline,
  complaintOverdue,
  followUpDueAt,
  followUpOverdue,
} from './rules';

const NOW = Date.UTC(2026, 2, 2, 2);
const DAY = 86_400_000;
const REQUIRED = { requireOutcome: true };
const customer = { customerId: 'cust-1' };

/** Facts that count how often they were asked, so the test can see which were needed. */
function facts(outcomes: number, suggestions: boolean) {
  const asked = { outcomes: 0, suggestions: 0 };
  return {
    asked,
    facts: {
      outcomeCount: () => {
        asked.outcomes++;
        return outcomes;
      },
      hadSuggestions: () => {
        asked.suggestions++;
        return suggestions;
      },
    },
  };
}

describe('checkOutcomeBeforeFinish', () => {
  it('refuses to finish a customer with suggestions and no outcome, with the server’s message', () => {
    expect(checkOutcomeBeforeFinish('finish', customer, REQUIRED, facts(0, true).facts)).toEqual({
      ok: false,
      code: 'outcome_required',
      zh: '请先记录营销推荐结果再办结',
      en: 'Record the suggestion outcome before finishing',
    });
  });

  it('allows it once an outcome is recorded, without ranking the suggestions', () => {
    const f = facts(1, true);
    expect(checkOutcomeBeforeFinish('finish', customer, REQUIRED, f.facts).ok).toBe(true);
    expect(f.asked).toEqual({ outcomes: 1, suggestions: 0 });
  });

  it('allows it when there was nothing to suggest', () => {
    expect(checkOutcomeBeforeFinish('finish', customer, REQUIRED, facts(0, false).facts).ok).toBe(true);
  });

  it('asks nothing when the branch does not require outcomes, for walk-ins, or for other events', () => {
    const off = facts(0, true);
    expect(checkOutcomeBeforeFinish('finish', customer, { requireOutcome: false }, off.facts).ok).toBe(true);
    expect(checkOutcomeBeforeFinish('finish', { customerId: null }, REQUIRED, off.facts).ok).toBe(true);
    for (const type of TICKET_EVENT_TYPES.filter((t) => t !== 'finish'))
      expect(checkOutcomeBeforeFinish(type, customer, REQUIRED, off.facts).ok).toBe(true);
    expect(off.asked).toEqual({ outcomes: 0, suggestions: 0 });
  });

  it('is off in the default config', () => {
    expect(checkOutcomeBeforeFinish('finish', customer, defaultVisitConfig, facts(0, true).facts).ok).toBe(
      true,
    );
  });
});

describe('follow-ups', () => {
  it('are due on the picked date, else followUpDefaultDays from now', () => {
    expect(followUpDueAt(NOW + 3 * DAY, NOW, { followUpDefaultDays: 7 })).toBe(NOW + 3 * DAY);
    expect(followUpDueAt(undefined, NOW, { followUpDefaultDays: 7 })).toBe(NOW + 7 * DAY);
    expect(followUpDueAt(undefined, NOW, { followUpDefaultDays: 30 })).toBe(NOW + 30 * DAY);
  });

  it('are overdue only while open and past due', () => {
    expect(followUpOverdue({ status: 'open', dueAt: NOW - 1 }, NOW)).toBe(true);
    expect(followUpOverdue({ status: 'open', dueAt: NOW }, NOW)).toBe(false);
    expect(followUpOverdue({ status: 'done', dueAt: NOW - DAY }, NOW)).toBe(false);
    expect(followUpOverdue({ status: 'cancelled', dueAt: NOW - DAY }, NOW)).toBe(false);
  });
});

describe('checkCloseFollowUp', () => {
  const f = { assigneeId: 'rm-1' };
  it('lets the assignee and managers or admins close a follow-up, nobody else', () => {
    expect(checkCloseFollowUp({ id: 'rm-1', role: 'rm' }, f).ok).toBe(true);
    expect(checkCloseFollowUp({ id: 'm-1', role: 'manager' }, f).ok).toBe(true);
    expect(checkCloseFollowUp({ id: 'a-1', role: 'admin' }, f).ok).toBe(true);
    for (const role of ['teller', 'rm', 'lobby'] as const) {
      expect(checkCloseFollowUp({ id: 'x-1', role }, f)).toMatchObject({
        ok: false,
        code: 'not_your_follow_up',
      });
    }
  });
});

describe('complaints', () => {
  it('get the deadline of their category', () => {
    const r = complaintDeadline('fees', NOW, defaultVisitConfig);
    expect(r).toMatchObject({ ok: true, deadlineAt: NOW + 7 * DAY, category: { key: 'fees' } });
    const custom = { complaintCategories: [{ key: 'queue', zh: '排队', en: 'Queue', deadlineDays: 2 }] };
    expect(complaintDeadline('queue', NOW, custom)).toMatchObject({ ok: true, deadlineAt: NOW + 2 * DAY });
  });

  it('refuse a category the branch has not configured, with the server’s message', () => {
    expect(complaintDeadline('weather', NOW, defaultVisitConfig)).toEqual({
      ok: false,
      code: 'unknown_category',
      zh: '未知的投诉类别',
      en: 'Unknown complaint category',
    });
  });

  it('are overdue until resolved once past the deadline', () => {
    expect(complaintOverdue({ status: 'open', deadlineAt: NOW - 1 }, NOW)).toBe(true);
    expect(complaintOverdue({ status: 'in_progress', deadlineAt: NOW - 1 }, NOW)).toBe(true);
    expect(complaintOverdue({ status: 'open', deadlineAt: NOW }, NOW)).toBe(false);
    expect(complaintOverdue({ status: 'resolved', deadlineAt: NOW - DAY }, NOW)).toBe(false);
  });
});

describe('checkOutcomeTicket (whose visit an outcome belongs to)', () => {
  it('takes the visit’s own customer only, and an anonymous visit once identified', () => {
    expect(checkOutcomeTicket({ displayNo: 'A007', customerId: 'c1' }, 'c1').ok).toBe(true);
    const other = checkOutcomeTicket({ displayNo: 'A007', customerId: 'c1' }, 'c2');
    expect(other.ok ? 'ok' : other.code).toBe('outcome_other_customer');
    const anonymous = checkOutcomeTicket({ displayNo: 'A007', customerId: null }, 'c2');
    expect(anonymous.ok ? 'ok' : anonymous.code).toBe('outcome_not_identified');
    if (!anonymous.ok) expect(anonymous.zh).toContain('识别客户');
  });
});
