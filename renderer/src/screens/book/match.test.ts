import { describe, expect, it } from 'vitest';
import { matchesSearch, searchRows } from './match';

const chen = { name: '陈建华', customerNo: 'C100000001', phoneMasked: '138****6688' };
const corp = { name: '杭州恒达贸易有限公司', customerNo: 'C100000006', phoneMasked: null };

describe('the book search', () => {
  it('finds by part of the name or customer number, any case', () => {
    expect(matchesSearch(chen, '建华')).toBe(true);
    expect(matchesSearch(chen, ' c1000000 ')).toBe(true);
    expect(matchesSearch(corp, '恒达')).toBe(true);
    expect(matchesSearch(chen, '恒达')).toBe(false);
  });

  it('finds by the last four digits of the masked phone, and by nothing hidden', () => {
    expect(matchesSearch(chen, '6688')).toBe(true);
    expect(matchesSearch(chen, '1385')).toBe(false);
    expect(matchesSearch(chen, '688')).toBe(false);
    expect(matchesSearch(corp, '6688')).toBe(false);
  });

  it('keeps every row for an empty query and the order otherwise', () => {
    const rows = [chen, corp];
    expect(searchRows(rows, '  ')).toBe(rows);
    expect(searchRows([chen, corp], 'C10000000')).toEqual([chen, corp]);
    expect(searchRows([chen, corp], '0006')).toEqual([corp]);
  });
});
