import { describe, expect, it } from 'vitest';
import { firstOpen, nextActive, OUTCOME_KEYS } from './keys';

const codes = ['A', 'B', 'C', 'D'];

describe('suggestion keys', () => {
  it('gives each outcome its own key', () => {
    expect(new Set(Object.values(OUTCOME_KEYS)).size).toBe(4);
  });
  it('moves on to the next suggestion without an outcome, wrapping around', () => {
    expect(nextActive(codes, new Set(['A']), 0)).toBe(1);
    expect(nextActive(codes, new Set(['A', 'B']), 1)).toBe(2);
    expect(nextActive(codes, new Set(['D', 'B']), 3)).toBe(0);
    expect(nextActive(codes, new Set(['C', 'D', 'A']), 2)).toBe(1);
  });
  it('stays put when every suggestion has an outcome', () => {
    expect(nextActive(codes, new Set(codes), 2)).toBe(2);
  });
  it('starts at the first open suggestion', () => {
    expect(firstOpen(codes, new Set())).toBe(0);
    expect(firstOpen(codes, new Set(['A', 'B']))).toBe(2);
    expect(firstOpen(codes, new Set(codes))).toBe(0);
  });
});
