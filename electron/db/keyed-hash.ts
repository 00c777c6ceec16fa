/**
 * HMAC-SHA256 (RFC 2104) with one key, many short messages: the SHA-256 states after the key's inner and outer pad
 * blocks are computed once, so a message costs two compressions for anything up to 55 bytes (ID, phone and card
 * numbers), in plain JavaScript over preallocated arrays. Through OpenSSL each value cost two one-shot hashes that
 * re-fetched the digest and re-hashed the pads, ~20 µs of a walk-in lookup on a busy server (P1 in BENCH.md; the
 * earlier `createHmac` per value also built an Hmac object each time, millions of them in an import). Same digest as
 * `createHmac('sha256', key)` for every key and message (keyed-hash.test.ts).
 */
import { createHash } from 'node:crypto';

const BLOCK = 64;
/** Message bytes encoded into the preallocated buffer; a longer one gets a buffer of its own. */
const MAX_MESSAGE = 256;

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const IV = new Int32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** One SHA-256 compression of the 64-byte block at `off` into `h` (in place); `w` is scratch for the schedule. */
function compress(h: Int32Array, w: Int32Array, b: Uint8Array, off: number): void {
  for (let i = 0; i < 16; i++) {
    const j = off + i * 4;
    w[i] =
      ((b[j] as number) << 24) |
      ((b[j + 1] as number) << 16) |
      ((b[j + 2] as number) << 8) |
      (b[j + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15] as number;
    const y = w[i - 2] as number;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
  }
  let a = h[0] as number;
  let bb = h[1] as number;
  let c = h[2] as number;
  let d = h[3] as number;
  let e = h[4] as number;
  let f = h[5] as number;
  let g = h[6] as number;
  let hh = h[7] as number;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (hh + S1 + ch + (K[i] as number) + (w[i] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & bb) ^ (a & c) ^ (bb & c);
    const t2 = (S0 + maj) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = bb;
    bb = a;
    a = (t1 + t2) | 0;
  }
  h[0] = ((h[0] as number) + a) | 0;
  h[1] = ((h[1] as number) + bb) | 0;
  h[2] = ((h[2] as number) + c) | 0;
  h[3] = ((h[3] as number) + d) | 0;
  h[4] = ((h[4] as number) + e) | 0;
  h[5] = ((h[5] as number) + f) | 0;
  h[6] = ((h[6] as number) + g) | 0;
  h[7] = ((h[7] as number) + hh) | 0;
}

/** The state after one key-pad block (`key XOR pad`, zero-filled to a block). */
function padState(key: Buffer, pad: number, w: Int32Array): Int32Array {
  const block = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK; i++) block[i] = (key[i] ?? 0) ^ pad;
  const h = IV.slice();
  compress(h, w, block, 0);
  return h;
}

export class KeyedHash {
  private readonly inner: Int32Array;
  private readonly outer: Int32Array;
  private readonly h = new Int32Array(8);
  private readonly w = new Int32Array(64);
  /** The message with its SHA-256 padding, whole blocks. */
  private readonly buf = new Uint8Array(MAX_MESSAGE + 2 * BLOCK);
  /** The outer hash's single block: the inner digest, then its padding (length (64 + 32) × 8 bits). */
  private readonly outerBlock = new Uint8Array(BLOCK);

  constructor(key: Buffer) {
    // RFC 2104: a key longer than a block is hashed first.
    const k = key.length > BLOCK ? createHash('sha256').update(key).digest() : key;
    this.inner = padState(k, 0x36, this.w);
    this.outer = padState(k, 0x5c, this.w);
    this.outerBlock[32] = 0x80;
    this.outerBlock[62] = 0x03; // 768 bits
  }

  /** The MAC of `kind + "\0" + value` (the domain-separated form Pii hashes). */
  digest(kind: string, value: string): Buffer {
    let buf: Uint8Array = this.buf;
    // ASCII (every number typed at the desk) is copied byte by byte; anything else goes through the UTF-8 encoder.
    let len = ascii(buf, kind, value);
    if (len < 0) {
      const msg = Buffer.from(`${kind}\0${value}`, 'utf8');
      len = msg.length;
      if (len + 9 > buf.length) buf = new Uint8Array(Math.ceil((len + 9) / BLOCK) * BLOCK);
      buf.set(msg);
    }
    const end = Math.ceil((len + 9) / BLOCK) * BLOCK;
    buf[len] = 0x80;
    for (let i = len + 1; i < end - 5; i++) buf[i] = 0;
    // Bit length of the key block and the message (big-endian, 64 bits; messages stay far below 2^40 bits).
    const bits = (BLOCK + len) * 8;
    buf[end - 5] = Math.floor(bits / 2 ** 32) & 0xff;
    buf[end - 4] = bits >>> 24;
    buf[end - 3] = bits >>> 16;
    buf[end - 2] = bits >>> 8;
    buf[end - 1] = bits;
    const h = this.h;
    h.set(this.inner);
    for (let off = 0; off < end; off += BLOCK) compress(h, this.w, buf, off);
    const ob = this.outerBlock;
    for (let i = 0; i < 8; i++) {
      const x = h[i] as number;
      ob[i * 4] = x >>> 24;
      ob[i * 4 + 1] = x >>> 16;
      ob[i * 4 + 2] = x >>> 8;
      ob[i * 4 + 3] = x;
    }
    h.set(this.outer);
    compress(h, this.w, ob, 0);
    const out = Buffer.allocUnsafe(32);
    for (let i = 0; i < 8; i++) {
      const x = h[i] as number;
      out[i * 4] = x >>> 24;
      out[i * 4 + 1] = x >>> 16;
      out[i * 4 + 2] = x >>> 8;
      out[i * 4 + 3] = x;
    }
    return out;
  }
}

/** Writes `kind + "\0" + value` as ASCII into `buf` and answers its length; -1 when not ASCII or too long. */
function ascii(buf: Uint8Array, kind: string, value: string): number {
  const len = kind.length + 1 + value.length;
  if (len + 9 > buf.length) return -1;
  let j = 0;
  for (let i = 0; i < kind.length; i++) {
    const c = kind.charCodeAt(i);
    if (c > 0x7f) return -1;
    buf[j++] = c;
  }
  buf[j++] = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0x7f) return -1;
    buf[j++] = c;
  }
  return len;
}
