import { describe, expect, it } from 'vitest';
import { outcomeBlocksFinish } from './outcomeGuard';

describe('outcomeBlocksFinish', () => {
  it('blocks a known customer’s visit without an outcome when the branch requires one', () => {
    expect(outcomeBlocksFinish(true, 'c1', 0)).toBe(true);
  });
  it('lets the visit finish once an outcome is recorded', () => {
    expect(outcomeBlocksFinish(true, 'c1', 1)).toBe(false);
  });
  it('never blocks walk-ins, branches without the rule, or while still loading', () => {
    expect(outcomeBlocksFinish(true, null, 0)).toBe(false);
    expect(outcomeBlocksFinish(false, 'c1', 0)).toBe(false);
    expect(outcomeBlocksFinish(undefined, 'c1', 0)).toBe(false);
    expect(outcomeBlocksFinish(true, 'c1', null)).toBe(false);
  });
});
