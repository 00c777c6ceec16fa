import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockNumbersLeft, nextBlockNumber, nextBlockStart, nextHubNumber } from './blocks';
import { backoffDelay, defaultSyncConfig } from './config';

const cfg = { blockSize: 100, blockBase: 300 };

describe('ticket-number blocks', () => {
  it('hands out the 3xx first, then the next hundreds', () => {
    expect(nextBlockStart([], 12, cfg)).toEqual({ start: 300, end: 399 });
    expect(nextBlockStart([{ start: 300, end: 399 }], 12, cfg)).toEqual({ start: 400, end: 499 });
  });
  it('starts past numbers the hub already used, on a boundary', () => {
    expect(nextBlockStart([], 345, cfg)).toEqual({ start: 400, end: 499 });
    expect(nextBlockStart([{ start: 400, end: 499 }], 520, cfg)).toEqual({ start: 600, end: 699 });
  });
  it('the hub steps over reserved blocks, adjacent ones too', () => {
    const blocks = [
      { start: 400, end: 499 },
      { start: 300, end: 399 },
    ];
    expect(nextHubNumber(12, blocks)).toBe(13);
    expect(nextHubNumber(299, blocks)).toBe(500);
    expect(nextHubNumber(500, blocks)).toBe(501);
  });
  it('a terminal numbers from its blocks in order and knows when they run out', () => {
    const b = [
      { start: 400, end: 401, used: null },
      { start: 300, end: 301, used: 301 },
    ];
    expect(nextBlockNumber(b)).toBe(400);
    expect(blockNumbersLeft(b)).toBe(2);
    expect(nextBlockNumber([{ start: 300, end: 301, used: 301 }])).toBeNull();
    expect(blockNumbersLeft([{ start: 300, end: 399, used: 349 }])).toBe(50);
  });
  it('property: hub numbers and any device blocks never overlap', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant('hub' as const), fc.integer({ min: 0, max: 3 })), { maxLength: 300 }),
        (ops) => {
          const blocks: { start: number; end: number; device: number }[] = [];
          let hubLast = 0;
          const used = new Set<number>();
          for (const op of ops) {
            if (op === 'hub') {
              hubLast = nextHubNumber(hubLast, blocks);
              expect(used.has(hubLast)).toBe(false);
              used.add(hubLast);
            } else {
              const b = nextBlockStart(blocks, hubLast, { blockSize: 10, blockBase: 30 });
              for (let n = b.start; n <= b.end; n++) {
                expect(used.has(n)).toBe(false);
                used.add(n);
              }
              blocks.push({ ...b, device: op });
            }
          }
        },
      ),
    );
  });
});

describe('backoff', () => {
  it('doubles from the minimum up to the cap, with jitter below the step', () => {
    const c = { ...defaultSyncConfig, backoffMinMs: 100, backoffMaxMs: 1000 };
    expect(backoffDelay(0, c, 1)).toBe(100);
    expect(backoffDelay(2, c, 1)).toBe(400);
    expect(backoffDelay(10, c, 1)).toBe(1000);
    expect(backoffDelay(10, c, 0)).toBe(750);
  });
});
