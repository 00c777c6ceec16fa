import { v7 } from 'uuid';
import { RandomPool } from './random-pool';

/**
 * The random bits come from a 64 KB pool: uuid's own generator draws 16 bytes from the OS per id (~20 µs), a few
 * per cent of a ticket event in a busy hall (P3 in BENCH.md). uuid keeps ids monotonic only when it owns the
 * state, so the state is kept here by the same rule (RFC 9562 §6.2, method 1): a new millisecond starts a random
 * counter, the same millisecond counts on, and a wrapped counter borrows the next millisecond.
 */
const pool = new RandomPool();
const state = { msecs: -Infinity, seq: 0 };

/** UUIDv7: time-ordered (and ordered within a millisecond), so devices can create records offline without colliding. */
export function newId(): string {
  const random = pool.take(16);
  const now = Date.now();
  if (now > state.msecs) {
    state.msecs = now;
    state.seq = random.readUInt32BE(6) & 0x7fffffff;
  } else {
    state.seq = (state.seq + 1) | 0;
    if (state.seq === 0) state.msecs++;
  }
  return v7({ msecs: state.msecs, seq: state.seq, random });
}
