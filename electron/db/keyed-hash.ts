/**
 * HMAC-SHA256 (RFC 2104) with one key, many short messages: the key's inner and outer pads are computed once and
 * each message costs two one-shot `crypto.hash` calls over preset buffers. `createHmac` per value imports the key
 * and builds an Hmac object every time, which cost a walk-in lookup more than its SQL (P1 in BENCH.md) and an
 * import millions of objects for the garbage collector. Same digest as `createHmac('sha256', key)` for every
 * input (keyed-hash.test.ts); a key over one SHA-256 block, or a message over MAX_MESSAGE bytes, takes createHmac.
 */
import * as crypto from 'node:crypto';

const BLOCK = 64;
const DIGEST = 32;
/** Longest message hashed through the preset buffer (ID, phone and card numbers are far shorter). */
const MAX_MESSAGE = 256;

/** `crypto.hash` (Node ≥ 20.12): a one-shot digest without a Hash object. */
type OneShot = (algorithm: string, data: Buffer, outputEncoding: 'buffer') => Buffer;
const oneShot = (crypto as unknown as { hash?: OneShot }).hash;

export class KeyedHash {
  private readonly inner: Buffer | null;
  private readonly outer: Buffer | null;

  constructor(private readonly key: Buffer) {
    if (!oneShot || key.length > BLOCK) {
      this.inner = null;
      this.outer = null;
      return;
    }
    this.inner = Buffer.alloc(BLOCK + MAX_MESSAGE);
    this.outer = Buffer.alloc(BLOCK + DIGEST);
    for (let i = 0; i < BLOCK; i++) {
      const k = key[i] ?? 0;
      this.inner[i] = k ^ 0x36;
      this.outer[i] = k ^ 0x5c;
    }
  }

  /** The MAC of `kind + "\0" + value` (the domain-separated form Pii hashes). */
  digest(kind: string, value: string): Buffer {
    const inner = this.inner;
    const outer = this.outer;
    const msg = `${kind}\0${value}`;
    if (!inner || !outer || !oneShot || Buffer.byteLength(msg) > MAX_MESSAGE)
      return crypto.createHmac('sha256', this.key).update(msg).digest();
    const n = inner.write(msg, BLOCK, 'utf8');
    oneShot('sha256', inner.subarray(0, BLOCK + n), 'buffer').copy(outer, BLOCK);
    return oneShot('sha256', outer, 'buffer');
  }
}
