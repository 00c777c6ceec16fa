import { describe, expect, it } from 'vitest';
import { actionLabel } from './actions';
import { detailParts } from './detail';
import { dayStart, rangeQuery } from './range';

describe('audit date range', () => {
  it('starts a day at the branch midnight', () => {
    expect(dayStart('2025-03-14', 'Asia/Shanghai')).toBe(Date.UTC(2025, 2, 13, 16));
    expect(dayStart('2025-3-14', 'Asia/Shanghai')).toBeNull();
  });

  it('makes the picked end day inclusive and checks the order', () => {
    expect(rangeQuery('2025-03-01', '2025-03-31', 'Asia/Shanghai')).toEqual({
      from: Date.UTC(2025, 1, 28, 16),
      to: Date.UTC(2025, 2, 31, 16),
    });
    expect(rangeQuery('2025-03-14', '2025-03-14', 'Asia/Shanghai')).toEqual({
      from: Date.UTC(2025, 2, 13, 16),
      to: Date.UTC(2025, 2, 14, 16),
    });
    expect(rangeQuery('2025-03-15', '2025-03-14', 'Asia/Shanghai')).toEqual({ invalid: true });
    expect(rangeQuery('', '', 'Asia/Shanghai')).toEqual({});
    expect(rangeQuery('', '2024-12-31', 'Asia/Shanghai')).toEqual({ to: Date.UTC(2024, 11, 31, 16) });
  });

  it('spans a DST change by the calendar, not 24 hours', () => {
    const r = rangeQuery('2025-03-09', '2025-03-09', 'America/New_York');
    expect(r).toEqual({ from: Date.UTC(2025, 2, 9, 5), to: Date.UTC(2025, 2, 10, 4) });
  });
});

describe('audit action labels', () => {
  it('names known actions in each language and shows others as written', () => {
    expect(actionLabel('settings.change', true)).toBe('修改设置');
    expect(actionLabel('settings.change', false)).toBe('Settings change');
    expect(actionLabel('something.new', true)).toBe('something.new');
  });
});

describe('audit detail', () => {
  it('formats time stamps and masks any full number in text', () => {
    const parts = detailParts(
      {
        from: 1_741_900_000_000,
        note: '客户 13812345678 要求，证件 110101199003071234',
        list: ['6222021234567890123'],
        failures: 3,
      },
      (ms) => `T${ms}`,
    );
    expect(parts).toEqual([
      { key: 'from', value: 'T1741900000000' },
      { key: 'note', value: '客户 138****5678 要求，证件 110101********1234' },
      { key: 'list', value: '["622202*********0123"]' },
      { key: 'failures', value: '3' },
    ]);
  });
});
