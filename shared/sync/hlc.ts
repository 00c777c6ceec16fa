import { hlcPattern } from './envelope';

/*
 * Hybrid logical clock (Kulkarni et al., 2014). A stamp is (wall, counter, node): `wall` follows the physical
 * clock but never goes back, `counter` orders stamps within one wall millisecond, `node` (the device id) breaks
 * ties so two devices never make equal stamps. Formatted as in envelope.ts, "<13-digit ms>:<4 hex>:<node>",
 * plain string order equals stamp order, which the database uses for replay.
 *
 * Pure: the physical time is always passed in, so tests drive skew, pauses and clocks that jump back.
 */

export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

/** Four hex digits. Past it the stamp borrows the next millisecond (still monotonic, a little ahead). */
export const HLC_MAX_COUNTER = 0xffff;
const MAX_WALL = 9_999_999_999_999;

export function formatHlc(h: Hlc): string {
  if (!Number.isSafeInteger(h.wall) || h.wall < 0 || h.wall > MAX_WALL)
    throw new RangeError(`HLC wall out of range: ${h.wall}`);
  if (!Number.isInteger(h.counter) || h.counter < 0 || h.counter > HLC_MAX_COUNTER)
    throw new RangeError(`HLC counter out of range: ${h.counter}`);
  const s = `${String(h.wall).padStart(13, '0')}:${h.counter.toString(16).padStart(4, '0')}:${h.node}`;
  if (!hlcPattern.test(s)) throw new RangeError(`bad HLC node id: ${h.node}`);
  return s;
}

/** The stamp, or null when `s` is not one. */
export function parseHlc(s: string): Hlc | null {
  if (!hlcPattern.test(s)) return null;
  const wall = Number(s.slice(0, 13));
  const counter = parseInt(s.slice(14, 18), 16);
  return { wall, counter, node: s.slice(19) };
}

export function parseHlcOrThrow(s: string): Hlc {
  const h = parseHlc(s);
  if (!h) throw new RangeError(`not an HLC stamp: ${s}`);
  return h;
}

export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.node === b.node) return 0;
  return a.node < b.node ? -1 : 1;
}

/** Formatted stamps compare as strings; this is the same order. */
export function compareHlcStrings(a: string, b: string): -1 | 0 | 1 {
  return a === b ? 0 : a < b ? -1 : 1;
}

/** The clock before it has stamped anything. */
export function hlcZero(node: string): Hlc {
  return { wall: 0, counter: 0, node };
}

function bump(wall: number, counter: number, node: string): Hlc {
  return counter > HLC_MAX_COUNTER ? { wall: wall + 1, counter: 0, node } : { wall, counter, node };
}

/** A local event or a send: strictly after `state`, and at least the physical time. */
export function hlcSend(state: Hlc, physical: number): Hlc {
  const pt = Math.floor(physical);
  if (pt > state.wall) return { wall: pt, counter: 0, node: state.node };
  return bump(state.wall, state.counter + 1, state.node);
}

export type ReceiveResult = { ok: true; hlc: Hlc } | { ok: false; reason: 'drift'; driftMs: number };

/**
 * Merge a remote stamp: the result is after both `state` and `remote`. A remote wall more than `maxDriftMs`
 * ahead of the physical time is refused (a device whose clock is far off must not drag every clock forward);
 * the caller keeps the event and its stamp, only this clock does not follow it.
 */
export function hlcReceive(state: Hlc, remote: Hlc, physical: number, maxDriftMs: number): ReceiveResult {
  const pt = Math.floor(physical);
  if (remote.wall - pt > maxDriftMs) return { ok: false, reason: 'drift', driftMs: remote.wall - pt };
  const wall = Math.max(state.wall, remote.wall, pt);
  let counter: number;
  if (wall === state.wall && wall === remote.wall) counter = Math.max(state.counter, remote.counter) + 1;
  else if (wall === state.wall) counter = state.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  return { ok: true, hlc: bump(wall, counter, state.node) };
}

/**
 * One device's clock: the state of the pure functions above, with the physical clock injected. Not a source of
 * I/O: the caller persists nothing; on start it seeds the clock with the newest stamp it has stored.
 */
export class HlcClock {
  private state: Hlc;

  constructor(
    readonly node: string,
    private readonly physical: () => number,
    readonly maxDriftMs: number,
    seed?: string | null,
  ) {
    this.state = hlcZero(node);
    if (seed) this.observe(seed);
  }

  /** A stamp for a local event. */
  now(): string {
    this.state = hlcSend(this.state, this.physical());
    return formatHlc(this.state);
  }

  /** Merge a stamp seen on a remote event; false when it was refused for drift. */
  receive(remote: string): boolean {
    const h = parseHlc(remote);
    if (!h) return false;
    const r = hlcReceive(this.state, h, this.physical(), this.maxDriftMs);
    if (r.ok) this.state = r.hlc;
    return r.ok;
  }

  /** Move past a stamp this device itself made before (a restart), with no drift check. */
  observe(stamp: string): void {
    const h = parseHlc(stamp);
    if (!h) return;
    if (h.wall > this.state.wall || (h.wall === this.state.wall && h.counter > this.state.counter))
      this.state = { wall: h.wall, counter: h.counter, node: this.node };
  }

  /** The last stamp made or merged, formatted. */
  last(): string {
    return formatHlc(this.state);
  }
}
