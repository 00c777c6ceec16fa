import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newId } from './ids';

describe('newId', () => {
  it('gives valid v7 ids, strictly increasing even within one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids.slice(0, 100)) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    for (let i = 1; i < ids.length; i++) expect(ids[i - 1] < (ids[i] as string)).toBe(true);
    // Many per millisecond at this rate: the counter, not the clock, ordered them.
    const millis = new Set(ids.map((id) => id.slice(0, 13)));
    expect(millis.size).toBeLessThan(ids.length / 2);
  });

  it('carries the current time in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
