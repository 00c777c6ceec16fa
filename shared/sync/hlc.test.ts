import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHlc,
  compareHlcStrings,
  formatHlc,
  HLC_MAX_COUNTER,
  HlcClock,
  hlcReceive,
  hlcSend,
  hlcZero,
  parseHlc,
  type Hlc,
} from './hlc';

const T = 1_750_000_000_000;

describe('format and parse', () => {
  it('formats as in the envelope and parses back', () => {
    const h = { wall: T, counter: 26, node: 'dev-1' };
    expect(formatHlc(h)).toBe(`${T}:001a:dev-1`);
    expect(parseHlc(formatHlc(h))).toEqual(h);
  });
  it('refuses what is not a stamp', () => {
    expect(parseHlc('12:0001:x')).toBeNull();
    expect(parseHlc(`${T}:00g1:x`)).toBeNull();
    expect(parseHlc(`${T}:0001:has space`)).toBeNull();
    expect(() => formatHlc({ wall: -1, counter: 0, node: 'x' })).toThrow(RangeError);
    expect(() => formatHlc({ wall: T, counter: HLC_MAX_COUNTER + 1, node: 'x' })).toThrow(RangeError);
    expect(() => formatHlc({ wall: T, counter: 0, node: 'a:b' })).toThrow(RangeError);
  });
  it('orders by wall, then counter, then node', () => {
    const a = { wall: T, counter: 2, node: 'b' };
    expect(compareHlc(a, { ...a, wall: T + 1 })).toBe(-1);
    expect(compareHlc(a, { ...a, counter: 1 })).toBe(1);
    expect(compareHlc(a, { ...a, node: 'c' })).toBe(-1);
    expect(compareHlc(a, { ...a })).toBe(0);
  });
});

describe('send and receive', () => {
  it('follows the physical clock and counts within a millisecond', () => {
    let s = hlcSend(hlcZero('a'), T);
    expect(s).toEqual({ wall: T, counter: 0, node: 'a' });
    s = hlcSend(s, T);
    expect(s).toEqual({ wall: T, counter: 1, node: 'a' });
    s = hlcSend(s, T - 5_000); // the clock was set back: the stamp does not follow it
    expect(s).toEqual({ wall: T, counter: 2, node: 'a' });
    expect(hlcSend(s, T + 1)).toEqual({ wall: T + 1, counter: 0, node: 'a' });
  });
  it('borrows the next millisecond when the counter is full', () => {
    expect(hlcSend({ wall: T, counter: HLC_MAX_COUNTER, node: 'a' }, T)).toEqual({
      wall: T + 1,
      counter: 0,
      node: 'a',
    });
  });
  it('moves past a remote stamp from a clock that is ahead', () => {
    const r = hlcReceive(
      { wall: T, counter: 3, node: 'a' },
      { wall: T + 50, counter: 7, node: 'b' },
      T,
      60_000,
    );
    expect(r).toEqual({ ok: true, hlc: { wall: T + 50, counter: 8, node: 'a' } });
  });
  it('refuses a remote stamp beyond the allowed drift', () => {
    const r = hlcReceive(hlcZero('a'), { wall: T + 120_000, counter: 0, node: 'b' }, T, 60_000);
    expect(r).toEqual({ ok: false, reason: 'drift', driftMs: 120_000 });
  });
  it('a clock restarts after the newest stamp it had stored', () => {
    const c = new HlcClock('dev', () => T - 10_000, 60_000, `${T}:0005:dev`);
    expect(c.now()).toBe(`${T}:0006:dev`);
    expect(c.receive('garbage')).toBe(false);
    expect(c.receive(`${T + 2}:0000:other`)).toBe(true);
    expect(c.last()).toBe(`${String(T + 2)}:0001:dev`);
  });
});

// Properties. A device runs a script of local events and receipts against a physical clock that may jump
// back and forth; remote stamps come from other devices within (or beyond) the drift limit.
type Step =
  | { kind: 'tick'; dt: number }
  | { kind: 'send' }
  | { kind: 'recv'; offset: number; counter: number; node: string };

const node = fc.constantFrom('b', 'c', 'dev-9');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), dt: fc.integer({ min: -5_000, max: 5_000 }) }),
  fc.record({ kind: fc.constant('send' as const) }),
  fc.record({
    kind: fc.constant('recv' as const),
    offset: fc.integer({ min: -120_000, max: 120_000 }),
    counter: fc.integer({ min: 0, max: HLC_MAX_COUNTER }),
    node,
  }),
);
const DRIFT = 60_000;

function run(steps: Step[]) {
  let pt = T;
  let maxPt = T;
  let state: Hlc = hlcZero('a');
  const out: { hlc: Hlc; remote: Hlc | null; pt: number; maxPt: number; maxAccepted: number }[] = [];
  let maxAccepted = 0;
  for (const s of steps) {
    if (s.kind === 'tick') {
      pt = Math.max(0, pt + s.dt);
      maxPt = Math.max(maxPt, pt);
      continue;
    }
    if (s.kind === 'send') {
      state = hlcSend(state, pt);
      out.push({ hlc: state, remote: null, pt, maxPt, maxAccepted });
      continue;
    }
    const remote = { wall: Math.max(0, pt + s.offset), counter: s.counter, node: s.node };
    const r = hlcReceive(state, remote, pt, DRIFT);
    if (r.ok) {
      maxAccepted = Math.max(maxAccepted, remote.wall);
      state = r.hlc;
      out.push({ hlc: state, remote, pt, maxPt, maxAccepted });
    }
  }
  return out;
}

describe('properties', () => {
  it('is strictly monotonic, whatever the physical clock does', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const out = run(steps);
        for (let i = 1; i < out.length; i++) {
          const prev = out[i - 1]?.hlc as Hlc;
          const cur = out[i]?.hlc as Hlc;
          expect(compareHlc(prev, cur)).toBe(-1);
          expect(compareHlcStrings(formatHlc(prev), formatHlc(cur))).toBe(-1);
        }
      }),
    );
  });

  it('keeps causality: a receipt is after the stamp received', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        for (const o of run(steps)) if (o.remote) expect(compareHlc(o.remote, o.hlc)).toBe(-1);
      }),
    );
  });

  it('bounds the skew: never ahead of the newest physical or accepted remote time, beyond counter carries', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const out = run(steps);
        out.forEach((o, i) => {
          // Each stamp may have carried at most one millisecond from a full counter.
          const bound = Math.max(o.maxPt, o.maxAccepted) + i + 1;
          expect(o.hlc.wall).toBeLessThanOrEqual(bound);
          // And the clock is never more than the allowed drift ahead of the newest physical reading.
          expect(o.hlc.wall - o.maxPt).toBeLessThanOrEqual(DRIFT + i + 1);
        });
      }),
    );
  });

  it('string order is stamp order', () => {
    const stamp = fc.record({
      wall: fc.integer({ min: 0, max: 9_999_999_999_999 }),
      counter: fc.integer({ min: 0, max: HLC_MAX_COUNTER }),
      node: fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/),
    });
    fc.assert(
      fc.property(stamp, stamp, (a, b) => {
        expect(compareHlcStrings(formatHlc(a), formatHlc(b))).toBe(compareHlc(a, b));
        expect(parseHlc(formatHlc(a))).toEqual(a);
      }),
    );
  });

  it('two devices exchanging stamps never produce equal stamps', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -50, max: 50 })), { maxLength: 100 }),
        (ops) => {
          const a = new HlcClock('a', () => T, DRIFT);
          let ptB = T;
          const b = new HlcClock('b', () => ptB, DRIFT);
          const seen = new Set<string>();
          for (const [fromA, dt] of ops) {
            ptB += dt;
            const s = fromA ? a.now() : b.now();
            expect(seen.has(s)).toBe(false);
            seen.add(s);
            (fromA ? b : a).receive(s);
          }
        },
      ),
    );
  });
});
