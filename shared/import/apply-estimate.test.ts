import { describe, expect, it } from 'vitest';
import { APPLY_MICROS_PER_ROW, askBeforeApply, estimateApplySeconds } from './apply-estimate';

describe('the pause an import write is expected to cause', () => {
  it('grows with the rows, at the measured cost of each kind', () => {
    expect(estimateApplySeconds('customers', 1_000_000)).toBeCloseTo(APPLY_MICROS_PER_ROW.customers, 6);
    expect(estimateApplySeconds('holdings', 2_000_000)).toBeCloseTo(2 * APPLY_MICROS_PER_ROW.holdings, 6);
    expect(estimateApplySeconds('customers', 0)).toBe(0);
    expect(estimateApplySeconds('risk', -5)).toBe(0);
  });

  it('asks the manager from the branch’s limit on, and for every file at 0', () => {
    // 40,000 customers (the size of a weekly file at a large branch): well under the default 3 s.
    expect(askBeforeApply('customers', 40_000, 3)).toBe(false);
    expect(askBeforeApply('customers', 1_000_000, 3)).toBe(true);
    const atLimit = Math.ceil(3e6 / APPLY_MICROS_PER_ROW.holdings);
    expect(askBeforeApply('holdings', atLimit, 3)).toBe(true);
    expect(askBeforeApply('holdings', atLimit - 1, 3)).toBe(false);
    expect(askBeforeApply('products', 1, 0)).toBe(true);
  });
});
