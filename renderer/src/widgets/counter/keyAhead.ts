/**
 * Keys typed ahead at the counter. A teller who knows the customer is at the window presses F1 (call) and F3 (start)
 * in one movement; F3 then arrives while the call is still on its way to the server, or just after its answer but
 * before the live queue shows the called ticket. Dropping that key silently (as the counter did) makes the teller
 * look up, see 已叫号 and press again. Instead the last such key waits, and runs as soon as the screen allows it —
 * unless that takes longer than a person would still expect it to (then it is forgotten, never run late).
 */
export interface Waiting<C> {
  command: C;
  /** When the key was pressed (ms, the page's clock). */
  at: number;
}

export const KEY_AHEAD = {
  /** After a command is sent or answered, how long the screen may still be catching up (live snapshot on its way). */
  catchUpMs: 1_500,
  /** The longest a typed-ahead key waits before it is forgotten. */
  holdMs: 4_000,
} as const;

export interface Moment<C> {
  now: number;
  /** A command is on its way to the server. */
  busy: boolean;
  /** The last command this screen sent, by key or button (null: none). */
  sent: C | null;
  /** The commands the screen allows now. */
  ok: ReadonlySet<C>;
  /**
   * When a command was last sent or answered (0: never). Sent counts too: a second key can come before the screen
   * has even re-rendered with the first one in flight.
   */
  lastChangeAt: number;
}

/** A key pressed now: run it, keep it until the screen catches up, or ignore it (not allowed, nothing pending). */
export function onPress<C>(command: C, m: Moment<C>): 'run' | 'wait' | 'ignore' {
  if (!m.busy && m.ok.has(command)) return 'run';
  // The same key again while its command is on its way is a double press (F2 twice would call the customer twice).
  if (m.busy && command === m.sent) return 'ignore';
  if (m.busy || m.now - m.lastChangeAt < KEY_AHEAD.catchUpMs) return 'wait';
  return 'ignore';
}

/** A waiting key, looked at again: run it now, keep waiting, or forget it. */
export function waitingKey<C>(w: Waiting<C>, m: Moment<C>): 'run' | 'wait' | 'drop' {
  if (m.now - w.at > KEY_AHEAD.holdMs) return 'drop';
  if (m.busy) return 'wait';
  if (m.ok.has(w.command)) return 'run';
  // Nothing in flight and the screen has had its time to catch up: the key does not apply to what it shows.
  return m.now - m.lastChangeAt < KEY_AHEAD.catchUpMs ? 'wait' : 'drop';
}
