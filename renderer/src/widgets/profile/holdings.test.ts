import { describe, expect, it } from 'vitest';
import { groupHoldings } from './holdings';

const h = (productType: 'time_deposit' | 'demand_deposit' | 'pos', balanceFen: number) => ({
  productType,
  productCode: null,
  balanceFen,
  asOf: 0,
});

describe('groupHoldings', () => {
  it('sums balances per product type in catalogue order', () => {
    expect(
      groupHoldings([h('pos', 0), h('time_deposit', 500), h('demand_deposit', 120), h('time_deposit', 30)]),
    ).toEqual([
      { type: 'demand_deposit', count: 1, balanceFen: 120 },
      { type: 'time_deposit', count: 2, balanceFen: 530 },
      { type: 'pos', count: 1, balanceFen: 0 },
    ]);
  });
  it('is empty without holdings', () => {
    expect(groupHoldings([])).toEqual([]);
  });
});
