/**
 * The local idle lock's timing, free of the DOM so it can be tested with a fake clock.
 *
 * Activity only records a time stamp (mouse moves arrive by the hundred); the one pending timer
 * checks the stamp when it fires and re-arms for the remainder, so the cost of activity is O(1).
 */

export interface IdleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The idle span in ms; null when the lock is off (0, negative or not a number of minutes). */
export function idleSpanMs(minutes: number): number | null {
  if (!Number.isFinite(minutes) || minutes <= 0) return null;
  return minutes * 60_000;
}

/** Time left before the lock, 0 when it is due; null when the lock is off. */
export function msUntilIdle(now: number, lastActivity: number, minutes: number): number | null {
  const span = idleSpanMs(minutes);
  if (span === null) return null;
  return Math.max(0, lastActivity + span - now);
}

/**
 * How often activity is reported to the server at most, so the server's own idle lock (which sees
 * only requests) does not lock someone who is reading a screen: half the span, capped at a minute.
 */
export function keepAliveEveryMs(minutes: number): number | null {
  const span = idleSpanMs(minutes);
  return span === null ? null : Math.min(60_000, Math.floor(span / 2));
}

export interface IdleTimerOptions {
  minutes: number;
  onIdle: () => void;
  /** Called on activity, at most once per `keepAliveEveryMs`. */
  onKeepAlive?: () => void;
  clock?: IdleClock;
}

export class IdleTimer {
  private last: number;
  private lastKeepAlive: number;
  private handle: unknown = null;
  private fired = false;
  private running = false;
  private readonly clock: IdleClock;

  constructor(private readonly opts: IdleTimerOptions) {
    this.clock = opts.clock ?? realClock;
    this.last = this.clock.now();
    this.lastKeepAlive = this.last;
  }

  start(): void {
    this.running = true;
    this.reset();
  }

  stop(): void {
    this.running = false;
    this.disarm();
  }

  /** A key press, click or mouse move. Ignored once the lock has fired, until `reset`. */
  activity(): void {
    if (!this.running || this.fired) return;
    const now = this.clock.now();
    this.last = now;
    const every = keepAliveEveryMs(this.opts.minutes);
    if (every !== null && now - this.lastKeepAlive >= every) {
      this.lastKeepAlive = now;
      this.opts.onKeepAlive?.();
    }
  }

  /** After an unlock: count from now again. */
  reset(): void {
    this.fired = false;
    this.last = this.clock.now();
    this.lastKeepAlive = this.last;
    this.arm();
  }

  /** Check now (e.g. when the window becomes visible again after the PC slept). */
  check(): void {
    if (!this.running || this.fired) return;
    const left = msUntilIdle(this.clock.now(), this.last, this.opts.minutes);
    if (left === null) return;
    if (left === 0) {
      this.fired = true;
      this.disarm();
      this.opts.onIdle();
    } else this.arm(left);
  }

  get isIdle(): boolean {
    return this.fired;
  }

  private arm(ms?: number): void {
    this.disarm();
    if (!this.running) return;
    const wait = ms ?? msUntilIdle(this.clock.now(), this.last, this.opts.minutes);
    if (wait === null) return;
    this.handle = this.clock.setTimeout(() => {
      this.handle = null;
      this.check();
    }, wait);
  }

  private disarm(): void {
    if (this.handle !== null) this.clock.clearTimeout(this.handle);
    this.handle = null;
  }
}
