import { describe, expect, it } from 'vitest';
import { rulesConfigSchema, defaultRulesConfig } from '../config/schema';
import { defaultFeedbackConfig as cfg, type FeedbackConfig } from './config';
import {
  checkPadAnswer,
  checkSurveyAnswer,
  escalationFor,
  escalationText,
  isUnanswered,
  visitToRate,
  windowClosesAt,
} from './rules';

const T = 1_780_000_000_000;
const last = { ticketId: 't1', finishedAt: T };

describe('the answer window', () => {
  it('asks from the finish for windowSeconds (30 s by default), then no more', () => {
    expect(windowClosesAt(T, cfg)).toBe(T + 30_000);
    expect(visitToRate(last, false, T, cfg)).toBe(last);
    expect(visitToRate(last, false, T + 29_999, cfg)).toBe(last);
    expect(visitToRate(last, false, T + 30_000, cfg)).toBeNull();
    expect(visitToRate(last, false, T - 1, cfg)).toBeNull();
    expect(visitToRate({ ...last }, false, T + 50_000, { ...cfg, windowSeconds: 60 })).not.toBeNull();
  });

  it('stops asking once the visit is rated, and when the pad is switched off', () => {
    expect(visitToRate(last, true, T + 1, cfg)).toBeNull();
    expect(visitToRate(last, false, T + 1, { ...cfg, enabled: false })).toBeNull();
    expect(visitToRate(null, false, T, cfg)).toBeNull();
  });

  it('counts a closed window without an answer as 未评价, once', () => {
    expect(isUnanswered(last, false, T + 29_999, cfg)).toBe(false);
    expect(isUnanswered(last, false, T + 30_000, cfg)).toBe(true);
    expect(isUnanswered(last, true, T + 30_000, cfg)).toBe(false);
    expect(isUnanswered(null, false, T + 30_000, cfg)).toBe(false);
  });
});

describe('one answer per visit, only for the visit just finished', () => {
  const check = (over: Partial<Parameters<typeof checkPadAnswer>[0]>) =>
    checkPadAnswer({ ticketId: 't1', last, rated: false, now: T + 5_000, cfg, ...over });

  it('accepts the counter’s last visit within the window', () => {
    expect(check({})).toEqual({ ok: true });
  });
  it('refuses a second answer', () => {
    expect(check({ rated: true })).toMatchObject({ ok: false, code: 'already_rated' });
  });
  it('refuses an earlier visit, even inside its own window, once another has finished', () => {
    expect(check({ ticketId: 't0' })).toMatchObject({ ok: false, code: 'not_current_visit' });
  });
  it('refuses a stale visit', () => {
    const r = check({ now: T + 30_000 });
    expect(r).toMatchObject({ ok: false, code: 'answer_window_closed' });
    if (!r.ok) expect(r.zh).toBeTruthy();
  });
  it('refuses when nothing was finished here', () => {
    expect(check({ last: null })).toMatchObject({ ok: false, code: 'no_visit' });
  });

  it('lets the web survey answer a finished visit once, until the link’s minutes run out', () => {
    const c = { ...cfg, surveyLinkMinutes: 60 };
    expect(checkSurveyAnswer({ finishedAt: T, rated: false, now: T + 59 * 60_000, cfg: c }).ok).toBe(true);
    expect(checkSurveyAnswer({ finishedAt: T, rated: false, now: T + 60 * 60_000, cfg: c })).toMatchObject({
      code: 'answer_window_closed',
    });
    expect(checkSurveyAnswer({ finishedAt: T, rated: true, now: T, cfg: c })).toMatchObject({
      code: 'already_rated',
    });
    expect(checkSurveyAnswer({ finishedAt: null, rated: false, now: T, cfg: c })).toMatchObject({
      code: 'no_visit',
    });
  });
});

describe('escalation rules', () => {
  it('opens a complaint for every 不满意 (default rule)', () => {
    expect(escalationFor('dissatisfied', 1, cfg)).toMatchObject({ key: 'dissatisfied', action: 'complaint' });
    expect(escalationFor('dissatisfied', 3, cfg)?.key).toBe('dissatisfied');
  });

  it('opens a follow-up on the second 一般 of the same teller in a day, and on each further pair', () => {
    expect(escalationFor('neutral', 1, cfg)).toBeNull();
    expect(escalationFor('neutral', 2, cfg)).toMatchObject({ key: 'neutral_twice', action: 'follow_up' });
    expect(escalationFor('neutral', 3, cfg)).toBeNull();
    expect(escalationFor('neutral', 4, cfg)?.key).toBe('neutral_twice');
  });

  it('never escalates a good answer or 未评价', () => {
    for (const a of ['very_satisfied', 'satisfied', 'none'] as const)
      expect(escalationFor(a, 5, cfg)).toBeNull();
  });

  it('follows the rules as configured (data, not literals)', () => {
    const rules: FeedbackConfig['escalation'] = [
      { key: 'strict', level: 'neutral', count: 1, per: 'visit', action: 'complaint', category: 'other' },
    ];
    expect(escalationFor('neutral', 1, { escalation: rules })?.key).toBe('strict');
    expect(escalationFor('dissatisfied', 1, { escalation: [] })).toBeNull();
  });

  it('describes the visit, the teller and the dimensions marked poor', () => {
    const text = escalationText({
      displayNo: 'A012',
      counterName: '1号窗口',
      staffName: '张三',
      answer: 'dissatisfied',
      rule: { per: 'visit', count: 1 },
      poor: [{ zh: '态度', en: 'Attitude' }],
    });
    expect(text).toContain('A012');
    expect(text).toContain('1号窗口');
    expect(text).toContain('张三');
    expect(text).toContain('不满意');
    expect(text).toContain('态度');
    expect(text).toContain('Dissatisfied');
  });
});

describe('the feedback settings section', () => {
  it('loads settings saved before it existed with the defaults', () => {
    const { feedback: _omitted, ...older } = defaultRulesConfig;
    const parsed = rulesConfigSchema.parse(older);
    expect(parsed.feedback).toEqual(cfg);
  });
  it('refuses a window outside its bounds', () => {
    const bad = { ...defaultRulesConfig, feedback: { ...cfg, windowSeconds: 1 } };
    expect(rulesConfigSchema.safeParse(bad).success).toBe(false);
  });
});
