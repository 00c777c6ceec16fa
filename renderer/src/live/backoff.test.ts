import { describe, expect, it } from 'vitest';
import { liveUrl, reconnectDelay } from './backoff';

describe('reconnectDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => reconnectDelay(n))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });
  it('never overflows for a TV that was offline all night', () => {
    expect(reconnectDelay(10_000)).toBe(10_000);
    expect(reconnectDelay(-3)).toBe(500);
  });
});

describe('liveUrl', () => {
  it('follows the page scheme', () => {
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:5780' })).toBe('ws://127.0.0.1:5780/api/live');
    expect(liveUrl({ protocol: 'https:', host: 'branch.local' })).toBe('wss://branch.local/api/live');
  });
});
