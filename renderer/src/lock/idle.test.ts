import { describe, expect, it, vi } from 'vitest';
import { IdleTimer, idleSpanMs, keepAliveEveryMs, msUntilIdle, type IdleClock } from './idle';

/** A hand-driven clock: `advance` fires due timers in order, like the browser would. */
function fakeClock(start = 1_000_000) {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: IdleClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = ++seq;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => void timers.delete(h as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = end;
  };
  return { clock, advance, pending: () => timers.size };
}

describe('idle span', () => {
  it('is off for zero, negative or non-numeric minutes', () => {
    expect(idleSpanMs(0)).toBeNull();
    expect(idleSpanMs(-5)).toBeNull();
    expect(idleSpanMs(Number.NaN)).toBeNull();
    expect(idleSpanMs(5)).toBe(300_000);
  });

  it('counts down from the last activity and never below zero', () => {
    expect(msUntilIdle(10_000, 0, 1)).toBe(50_000);
    expect(msUntilIdle(60_000, 0, 1)).toBe(0);
    expect(msUntilIdle(90_000, 0, 1)).toBe(0);
    expect(msUntilIdle(90_000, 0, 0)).toBeNull();
  });

  it('reports activity to the server at most once a minute, and more often for short spans', () => {
    expect(keepAliveEveryMs(10)).toBe(60_000);
    expect(keepAliveEveryMs(1)).toBe(30_000);
    expect(keepAliveEveryMs(0)).toBeNull();
  });
});

describe('IdleTimer', () => {
  it('locks after the idle minutes without activity, once', () => {
    const { clock, advance } = fakeClock();
    const onIdle = vi.fn();
    const t = new IdleTimer({ minutes: 2, onIdle, clock });
    t.start();
    advance(119_999);
    expect(onIdle).not.toHaveBeenCalled();
    advance(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(t.isIdle).toBe(true);
    advance(10 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('pushes the lock back on activity, without arming a timer per event', () => {
    const { clock, advance, pending } = fakeClock();
    const onIdle = vi.fn();
    const t = new IdleTimer({ minutes: 1, onIdle, clock });
    t.start();
    for (let i = 0; i < 5; i++) {
      advance(50_000);
      for (let j = 0; j < 100; j++) t.activity();
      expect(pending()).toBe(1);
    }
    expect(onIdle).not.toHaveBeenCalled();
    // 60 s after the last activity, not after the first timer.
    advance(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    advance(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('ignores activity once locked and counts afresh after a reset (the unlock)', () => {
    const { clock, advance } = fakeClock();
    const onIdle = vi.fn();
    const t = new IdleTimer({ minutes: 1, onIdle, clock });
    t.start();
    advance(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    t.activity(); // typing the password on the lock screen
    expect(t.isIdle).toBe(true);
    advance(30_000);
    t.reset();
    expect(t.isIdle).toBe(false);
    advance(59_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    advance(1_000);
    expect(onIdle).toHaveBeenCalledTimes(2);
  });

  it('locks at once on a check after the PC slept past the deadline', () => {
    const { clock } = fakeClock();
    let now = clock.now();
    const sleepy: IdleClock = {
      ...clock,
      now: () => now,
      setTimeout: () => 1,
      clearTimeout: () => undefined,
    };
    const onIdle = vi.fn();
    const t = new IdleTimer({ minutes: 5, onIdle, clock: sleepy });
    t.start();
    now += 4 * 60_000;
    t.check();
    expect(onIdle).not.toHaveBeenCalled();
    now += 2 * 60_000; // the timer never fired while asleep
    t.check();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing when the lock is off or stopped', () => {
    const { clock, advance, pending } = fakeClock();
    const onIdle = vi.fn();
    const off = new IdleTimer({ minutes: 0, onIdle, clock });
    off.start();
    expect(pending()).toBe(0);
    const t = new IdleTimer({ minutes: 1, onIdle, clock });
    t.start();
    t.stop();
    expect(pending()).toBe(0);
    advance(10 * 60_000);
    t.check();
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('sends keep-alives while active, throttled', () => {
    const { clock, advance } = fakeClock();
    const onKeepAlive = vi.fn();
    const t = new IdleTimer({ minutes: 10, onIdle: vi.fn(), onKeepAlive, clock });
    t.start();
    t.activity();
    expect(onKeepAlive).not.toHaveBeenCalled(); // just started: the login itself was activity
    for (let s = 0; s < 180; s++) {
      advance(1_000);
      t.activity();
    }
    expect(onKeepAlive).toHaveBeenCalledTimes(3);
  });
});
