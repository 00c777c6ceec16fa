/**
 * AES-256-GCM over a batch of short strings with ONE keyed cipher context, for the protect worker
 * (protect.ts). Node has no way to reuse a GCM context with a new IV, and a `createCipheriv` per
 * value was half of the worker's time at a million customers (object set-up, four native calls,
 * three buffers per value). Here the counter blocks of the whole batch go through one AES-ECB
 * context in one call (the GCM keystream and tag masks), and GHASH is computed in JS with Shoup's
 * 4-bit table (the generic algorithm of Go's crypto/cipher): ~2 multiplications per ID or phone.
 *
 * The output is byte-for-byte what `createCipheriv('aes-256-gcm')` gives for the same IV
 * (gcm-batch.test.ts compares them), in the format of `Pii.encrypt`: base64(iv ‖ tag ‖ body).
 *
 * The worker runs this function's source text (`makeGcmBatch.toString()`): it must stay
 * self-contained — no imports, no module-level names; everything arrives as an argument.
 */
import type * as NodeCrypto from 'node:crypto';

export type GcmBatch = (values: readonly string[]) => string[];

/** A batch encryptor under `key`; `fillIvs` fills a buffer with fresh IVs (tests pass fixed ones). */
export function makeGcmBatch(
  crypto: Pick<typeof NodeCrypto, 'createCipheriv' | 'randomFillSync'>,
  key: Uint8Array,
  fillIvs?: (ivs: Buffer) => void,
): GcmBatch {
  const ecb = crypto.createCipheriv('aes-256-ecb', key, null);
  ecb.setAutoPadding(false);
  const fill =
    fillIvs ??
    ((b: Buffer): void => {
      crypto.randomFillSync(b);
    });
  // The reduction by GCM's polynomial of the 4 bits shifted out, in the top 16 bits of the first word.
  const RED = [
    0x0000, 0x1c20, 0x3840, 0x2460, 0x7080, 0x6ca0, 0x48c0, 0x54e0, 0xe100, 0xfd20, 0xd940, 0xc560, 0x9180,
    0x8da0, 0xa9c0, 0xb5e0,
  ];
  // H = E(K, 0¹²⁸) as four big-endian words; T[rev4(i)] = i·H for i < 16 (GCM's bit-reflected order).
  const hBuf = ecb.update(Buffer.alloc(16));
  const T = new Int32Array(64);
  const rev4 = (i: number): number => ((i & 1) << 3) | ((i & 2) << 1) | ((i & 4) >> 1) | ((i & 8) >> 3);
  const at = rev4(1) * 4;
  for (let k = 0; k < 4; k++) T[at + k] = hBuf.readInt32BE(4 * k);
  for (let i = 2; i < 16; i += 2) {
    const src = rev4(i / 2) * 4;
    const dst = rev4(i) * 4;
    // Doubling is a right shift in this bit order; a bit shifted out is reduced into the first word.
    const w0 = T[src] as number;
    const w1 = T[src + 1] as number;
    const w2 = T[src + 2] as number;
    const w3 = T[src + 3] as number;
    T[dst] = (w0 >>> 1) ^ (w3 & 1 ? 0xe1000000 : 0);
    T[dst + 1] = (w1 >>> 1) | (w0 << 31);
    T[dst + 2] = (w2 >>> 1) | (w1 << 31);
    T[dst + 3] = (w3 >>> 1) | (w2 << 31);
    const odd = rev4(i + 1) * 4;
    for (let k = 0; k < 4; k++) T[odd + k] = (T[dst + k] as number) ^ (T[at + k] as number);
  }
  // y ← y·H, in place.
  const y = new Int32Array(4);
  const mulH = (): void => {
    let z0 = 0;
    let z1 = 0;
    let z2 = 0;
    let z3 = 0;
    for (let wi = 3; wi >= 0; wi--) {
      let word = y[wi] as number;
      for (let j = 0; j < 8; j++) {
        const msw = z3 & 0xf;
        z3 = (z3 >>> 4) | (z2 << 28);
        z2 = (z2 >>> 4) | (z1 << 28);
        z1 = (z1 >>> 4) | (z0 << 28);
        z0 = (z0 >>> 4) ^ ((RED[msw] as number) << 16);
        const t = (word & 0xf) * 4;
        z0 ^= T[t] as number;
        z1 ^= T[t + 1] as number;
        z2 ^= T[t + 2] as number;
        z3 ^= T[t + 3] as number;
        word >>>= 4;
      }
    }
    y[0] = z0;
    y[1] = z1;
    y[2] = z2;
    y[3] = z3;
  };
  // Big-endian word k of the 16-byte block at `o` of `b`, zero past `end` (the last block is zero-padded).
  const word = (b: Buffer, o: number, end: number): number => {
    if (o + 4 <= end) return b.readInt32BE(o);
    let w = 0;
    for (let k = 0; k < 4; k++) w = (w << 8) | (o + k < end ? (b[o + k] as number) : 0);
    return w;
  };

  return (values) => {
    const n = values.length;
    if (n === 0) return [];
    let cap = 0;
    for (const v of values) cap += 3 * v.length;
    const plain = Buffer.allocUnsafe(cap);
    const lens = new Int32Array(n);
    let p = 0;
    let blocks = 0;
    for (let i = 0; i < n; i++) {
      const len = plain.write(values[i] as string, p, 'utf8');
      lens[i] = len;
      p += len;
      blocks += 1 + ((len + 15) >> 4);
    }
    const ivs = Buffer.allocUnsafe(12 * n);
    fill(ivs);
    // Counter blocks: per value J0 = IV ‖ 1 (masks the tag), then IV ‖ 2, 3, … (the keystream).
    const ctr = Buffer.allocUnsafe(16 * blocks);
    let c = 0;
    for (let i = 0; i < n; i++) {
      const nb = 1 + (((lens[i] as number) + 15) >> 4);
      for (let b = 0; b < nb; b++) {
        ivs.copy(ctr, c, 12 * i, 12 * i + 12);
        ctr.writeUInt32BE(b + 1, c + 12);
        c += 16;
      }
    }
    const ks = ecb.update(ctr);
    const out = Buffer.allocUnsafe(28 * n + p);
    const res = new Array<string>(n);
    let o = 0;
    let src = 0;
    let kb = 0;
    for (let i = 0; i < n; i++) {
      const len = lens[i] as number;
      ivs.copy(out, o, 12 * i, 12 * i + 12);
      const body = o + 28;
      for (let j = 0; j < len; j++) out[body + j] = (plain[src + j] as number) ^ (ks[kb + 16 + j] as number);
      y[0] = 0;
      y[1] = 0;
      y[2] = 0;
      y[3] = 0;
      const end = body + len;
      for (let bo = body; bo < end; bo += 16) {
        y[0] = (y[0] as number) ^ word(out, bo, end);
        y[1] = (y[1] as number) ^ word(out, bo + 4, end);
        y[2] = (y[2] as number) ^ word(out, bo + 8, end);
        y[3] = (y[3] as number) ^ word(out, bo + 12, end);
        mulH();
      }
      // The lengths block: no additional data, then the ciphertext's length in bits.
      y[3] = (y[3] as number) ^ (len * 8);
      mulH();
      for (let k = 0; k < 4; k++)
        out.writeInt32BE((y[k] as number) ^ ks.readInt32BE(kb + 4 * k), o + 12 + 4 * k);
      res[i] = out.toString('base64', o, end);
      o = end;
      src += len;
      kb += 16 * (1 + ((len + 15) >> 4));
    }
    return res;
  };
}
