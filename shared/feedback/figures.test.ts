import { describe, expect, it } from 'vitest';
import { feedbackFigures, type RatedVisit } from './figures';

const v = (id: string, over: Partial<RatedVisit>): RatedVisit => ({
  ticketId: id,
  day: '2026-12-03',
  staffId: 's1',
  staffName: '张三',
  services: ['cash'],
  answer: null,
  ...over,
});

describe('satisfaction figures', () => {
  it('satisfaction % = (非常满意 + 满意) ÷ answers; response rate = answers ÷ finished visits', () => {
    const f = feedbackFigures([
      v('a', { answer: 'very_satisfied' }),
      v('b', { answer: 'satisfied' }),
      v('c', { answer: 'dissatisfied' }),
      v('d', { answer: 'none' }),
      v('e', {}),
    ]);
    expect(f.total).toMatchObject({ finished: 5, answered: 3, satisfied: 2, dissatisfied: 1 });
    expect(f.total.satisfactionPct).toBe(66.7);
    expect(f.total.responsePct).toBe(60);
  });

  it('groups per teller, per service (a visit counts under each of its services) and per day', () => {
    const f = feedbackFigures([
      v('a', { answer: 'satisfied', services: ['cash', 'card'] }),
      v('b', { answer: 'neutral', staffId: 's2', staffName: '李四', day: '2026-12-04' }),
    ]);
    expect(f.byStaff.map((x) => [x.key, x.label, x.satisfactionPct])).toEqual([
      ['s1', '张三', 100],
      ['s2', '李四', 0],
    ]);
    expect(f.byService.map((x) => [x.key, x.finished])).toEqual([
      ['card', 1],
      ['cash', 2],
    ]);
    expect(f.byDay.map((x) => x.key)).toEqual(['2026-12-03', '2026-12-04']);
  });

  it('says “no figure” rather than 0 % when nothing was answered or finished', () => {
    expect(feedbackFigures([v('a', {})]).total.satisfactionPct).toBeNull();
    expect(feedbackFigures([]).total.responsePct).toBeNull();
  });

  it('counts a visit listed twice once', () => {
    expect(
      feedbackFigures([v('a', { answer: 'satisfied' }), v('a', { answer: 'satisfied' })]).total.finished,
    ).toBe(1);
  });
});
