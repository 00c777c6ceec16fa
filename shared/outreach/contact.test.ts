import { describe, expect, it } from 'vitest';
import { defaultOutreachConfig as cfg } from './config';
import {
  checkChurnReason,
  checkNotContactedToday,
  contactAllowed,
  contactFigures,
  isValuable,
  plannedNextContact,
  type ContactFact,
} from './contact';

describe('ownership', () => {
  it('高端/私行 and strategic/key corporate customers get an owner', () => {
    expect(isValuable({ kind: 'individual', tier: 'private', corporateGrade: null }, cfg)).toBe(true);
    expect(isValuable({ kind: 'individual', tier: 'mid', corporateGrade: null }, cfg)).toBe(false);
    expect(isValuable({ kind: 'corporate', tier: 'potential', corporateGrade: 'key' }, cfg)).toBe(true);
    expect(isValuable({ kind: 'corporate', tier: 'private', corporateGrade: 'general' }, cfg)).toBe(false);
  });
});

describe('consent and the contact log', () => {
  it('do-not-contact refuses every list; no marketing consent refuses marketing lists only', () => {
    expect(contactAllowed({ doNotContact: true, marketing: true }, 'service').ok).toBe(false);
    expect(contactAllowed({ doNotContact: false, marketing: false }, 'marketing')).toMatchObject({
      code: 'no_marketing_consent',
    });
    expect(contactAllowed({ doNotContact: false, marketing: false }, 'service').ok).toBe(true);
  });
  it('one customer, one caller a day', () => {
    const today = [{ staffId: 's1', staffName: '陈杰' }];
    expect(checkNotContactedToday(today, 's1').ok).toBe(true);
    expect(checkNotContactedToday(today, 's2')).toMatchObject({ code: 'contacted_today' });
  });
  it('a reached churn-risk contact needs its reason', () => {
    expect(checkChurnReason({ rule: 'churnRisk', result: 'reached', churnReason: null }, cfg)).toMatchObject({
      code: 'churn_reason_required',
    });
    expect(checkChurnReason({ rule: 'churnRisk', result: 'no_answer', churnReason: null }, cfg).ok).toBe(
      true,
    );
    expect(checkChurnReason({ rule: 'churnRisk', result: 'reached', churnReason: 'rate' }, cfg).ok).toBe(
      true,
    );
    expect(checkChurnReason({ rule: null, result: 'nope', churnReason: null }, cfg).ok).toBe(false);
  });
  it('a planned next contact stands until a later contact is logged on or after its day', () => {
    const tz = 'Asia/Shanghai';
    // Beijing time: planned on 12-01 10:00 for 12-03 10:00.
    const set = Date.UTC(2026, 11, 1, 2);
    const nextAt = Date.UTC(2026, 11, 3, 2);
    const plan = { nextAt, nextAtSet: set };
    expect(plannedNextContact({ ...plan, last: set }, tz)).toBe(nextAt);
    // A contact in between (12-02) does not make the planned one.
    expect(plannedNextContact({ ...plan, last: Date.UTC(2026, 11, 2, 2) }, tz)).toBe(nextAt);
    // Called on the day, earlier than the hour planned (12-03 09:00 Beijing): made.
    expect(plannedNextContact({ ...plan, last: Date.UTC(2026, 11, 3, 1) }, tz)).toBeNull();
    // 12-02 23:30 Beijing is 12-02 15:30 UTC: the day before in Beijing, so not made.
    expect(plannedNextContact({ ...plan, last: Date.UTC(2026, 11, 2, 15, 30) }, tz)).toBe(nextAt);
    expect(plannedNextContact({ nextAt: null, nextAtSet: 0, last: set }, tz)).toBeNull();
  });
});

describe('figures', () => {
  it('contacts, reached %, churn reasons and AUM retained', () => {
    const list: ContactFact[] = [
      {
        customerId: 'a',
        rule: 'churnRisk',
        result: 'reached',
        churnReason: 'rate',
        aumAtFen: 100,
        aumNowFen: 120,
      },
      {
        customerId: 'b',
        rule: 'churnRisk',
        result: 'reached',
        churnReason: 'moved',
        aumAtFen: 100,
        aumNowFen: 10,
      },
      {
        customerId: 'c',
        rule: 'periodic',
        result: 'no_answer',
        churnReason: null,
        aumAtFen: 5,
        aumNowFen: 5,
      },
    ];
    const f = contactFigures(list, cfg);
    expect(f).toMatchObject({
      contacts: 3,
      reached: 2,
      reachedPct: 66.7,
      churnReasons: { rate: 1, moved: 1 },
      churnContacted: 2,
      churnRetained: 1,
      aumRetainedFen: 120,
      byRule: { churnRisk: 2, periodic: 1 },
    });
    expect(contactFigures([], cfg).reachedPct).toBeNull();
  });
});
