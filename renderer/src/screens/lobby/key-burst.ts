/**
 * Tells a person's key presses from a card reader's burst. An ID reader or card swipe "types" a whole number in
 * a few milliseconds per key and ends with Enter; a lobby manager presses one number key to toggle a service,
 * or Enter to issue. Outside the lookup field both arrive as the same key events, so each key is held for a
 * moment: a lone key is a command, a fast run of keys is a scan (the next customer's card).
 */

export interface KeyBurstOptions {
  /** Keys closer together than this belong to one burst. */
  gapMs?: number;
  /** A burst at least this long is a scan; a shorter one is replayed as separate keys. */
  minScanLength?: number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(h: unknown): void };
}

export class KeyBurst {
  private buffer: string[] = [];
  private lastAt = -Infinity;
  private timer: unknown = null;
  private readonly gapMs: number;
  private readonly minScan: number;
  private readonly timers: NonNullable<KeyBurstOptions['timers']>;

  constructor(
    private readonly onKey: (key: string) => void,
    private readonly onScan: (text: string) => void,
    opts: KeyBurstOptions = {},
  ) {
    // Readers send a key every 1–20 ms; nobody presses two keys on purpose within 40 ms.
    this.gapMs = opts.gapMs ?? 40;
    // The shortest thing worth looking up: a customer number or a phone is longer than this.
    this.minScan = opts.minScanLength ?? 5;
    this.timers = opts.timers ?? {
      set: (fn, ms) => setTimeout(fn, ms),
      clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
  }

  /** A printable key (one character) or 'Enter', with the event's time in ms. */
  push(key: string, at: number): void {
    const inBurst = this.buffer.length > 0 && at - this.lastAt < this.gapMs;
    if (this.buffer.length > 0 && !inBurst) this.flush();
    this.lastAt = at;
    if (key === 'Enter') {
      if (inBurst) this.flush();
      else this.onKey('Enter');
      return;
    }
    this.buffer.push(key);
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => this.flush(), this.gapMs);
  }

  /** Forget a half-read burst (the screen was left). */
  cancel(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    this.buffer = [];
  }

  private flush(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    const keys = this.buffer;
    this.buffer = [];
    if (keys.length >= this.minScan) this.onScan(keys.join(''));
    else keys.forEach((k) => this.onKey(k));
  }
}

/** The keys the lobby reads as commands or scans: one printable character (not Space) or Enter, no modifier, no IME. */
export function isBurstKey(e: {
  key: string;
  isComposing: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): boolean {
  if (e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return false;
  return e.key === 'Enter' || (e.key.length === 1 && e.key !== ' ');
}

/** A key pressed at `at` (the event's timeStamp, ms). */
export interface TypedKey {
  key: string;
  at: number;
}

export type TypedCommand = { key: string } | { scan: string };

/**
 * Keys held while something was on its way (the lookup field's keys while the customer is being found), sorted
 * into commands and scans after the fact by the same rule as live keys: a lone key is a command, a fast run a scan.
 */
export function sortTyped(
  keys: readonly TypedKey[],
  opts: Omit<KeyBurstOptions, 'timers'> = {},
): TypedCommand[] {
  const out: TypedCommand[] = [];
  // The burst's "no key for a while" timer, fired by hand at the end: every key has already arrived.
  let due: (() => void) | null = null;
  const burst = new KeyBurst(
    (key) => out.push({ key }),
    (scan) => out.push({ scan }),
    {
      ...opts,
      timers: {
        set: (fn) => (due = fn),
        clear: () => (due = null),
      },
    },
  );
  for (const k of keys) burst.push(k.key, k.at);
  (due as (() => void) | null)?.();
  return out;
}
