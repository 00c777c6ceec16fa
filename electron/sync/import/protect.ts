/**
 * The keyed hashes and ciphertexts of an import's personal numbers (ID, phone, card), computed on a
 * worker thread in batches while the main thread parses, validates and stages the next batch: at a
 * million customers they are a third of the reading time (P4 in BENCH.md). Small files do it in line.
 *
 * The worker's two formulas must stay those of `Pii.hash` and `Pii.encrypt` (electron/db/pii.ts);
 * protect.test.ts checks the worker's output against `Pii` (same hashes, ciphertexts it decrypts).
 * Its source is a string run with `eval`, so it needs no file of its own next to the bundles.
 */
import { Worker } from 'node:worker_threads';
import type { Pii } from '../../db/pii';
import { makeGcmBatch } from './gcm-batch';

export type PiiKind = 'id' | 'phone' | 'card';

/**
 * One batch of values to protect. Each is hashed; `encrypt` says whether it also needs its
 * ciphertext: true, false, or a hash (the branch's current one): only if the value's hash differs.
 */
export class ProtectBatch {
  readonly kinds: PiiKind[] = [];
  readonly values: string[] = [];
  readonly encrypt: (boolean | string)[] = [];

  /** Adds a value; answers its index in the results. */
  add(kind: PiiKind, value: string, encrypt: boolean | string): number {
    this.kinds.push(kind);
    this.values.push(value);
    this.encrypt.push(encrypt);
    return this.values.length - 1;
  }

  get size(): number {
    return this.values.length;
  }
}

export interface Protected {
  hashes: string[];
  /** null where no ciphertext was asked for. */
  encs: (string | null)[];
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const { createHmac } = crypto;
const hmacKey = Buffer.from(workerData.hmac);
// What a transpiler that keeps function names (tsx) wraps inner functions with.
var __name = (f) => f;
const encryptBatch = (${makeGcmBatch.toString()})(crypto, Buffer.from(workerData.enc));
// HMAC-SHA256 (RFC 2104) as two one-shot hashes over preset key pads: no Hmac object per value,
// which the garbage collector paid for as much as the hashing itself. Falls back to createHmac.
const oneShot = typeof crypto.hash === 'function' && hmacKey.length <= 64;
const inner = Buffer.alloc(64 + 256);
const outer = Buffer.alloc(64 + 32);
for (let i = 0; i < 64; i++) {
  inner[i] = (hmacKey[i] ?? 0) ^ 0x36;
  outer[i] = (hmacKey[i] ?? 0) ^ 0x5c;
}
function hmac(kind, v) {
  const msg = kind + '\\0' + v;
  if (!oneShot || Buffer.byteLength(msg) > 256)
    return createHmac('sha256', hmacKey).update(msg).digest('base64url');
  const n = inner.write(msg, 64, 'utf8');
  crypto.hash('sha256', inner.subarray(0, 64 + n), 'buffer').copy(outer, 64);
  return crypto.hash('sha256', outer, 'base64url');
}
parentPort.on('message', (m) => {
  try {
    const n = m.values.length;
    const hashes = new Array(n);
    const encs = new Array(n).fill(null);
    // The values to encrypt are collected, then encrypted in one go (gcm-batch.ts).
    const plain = [];
    const at = [];
    for (let i = 0; i < n; i++) {
      const v = m.values[i];
      hashes[i] = hmac(m.kinds[i], v);
      const e = m.encrypt[i];
      if (e === true || (typeof e === 'string' && e !== hashes[i])) {
        plain.push(v);
        at.push(i);
      }
    }
    const sealed = encryptBatch(plain);
    for (let k = 0; k < at.length; k++) encs[at[k]] = sealed[k];
    parentPort.postMessage({ seq: m.seq, hashes, encs });
  } catch (err) {
    parentPort.postMessage({ seq: m.seq, error: String(err && err.stack || err) });
  }
});
`;

interface Reply {
  seq: number;
  hashes?: string[];
  encs?: (string | null)[];
  error?: string;
}

/** Protects batches on worker threads (round robin), or in line with `Pii`; each batch answers on its own. */
export class Protector {
  private readonly workers: Worker[] = [];
  private next = 0;
  private seq = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (p: Protected) => void; reject: (e: Error) => void }
  >();
  private failed: Error | null = null;
  private closing = false;

  constructor(
    private readonly pii: Pii,
    threads: number,
  ) {
    if (threads <= 0) return;
    const keys = pii.keyMaterial();
    const fail = (err: Error) => {
      this.failed ??= err;
      for (const p of this.waiting.values()) p.reject(err);
      this.waiting.clear();
    };
    for (let i = 0; i < threads; i++) {
      const w = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { hmac: new Uint8Array(keys.hmac), enc: new Uint8Array(keys.enc) },
      });
      w.on('message', (r: Reply) => {
        const p = this.waiting.get(r.seq);
        if (!p) return;
        this.waiting.delete(r.seq);
        if (r.error !== undefined) p.reject(new Error(`protect worker: ${r.error}`));
        else p.resolve({ hashes: r.hashes ?? [], encs: r.encs ?? [] });
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (!this.closing) fail(new Error(`protect worker exited (${code})`));
      });
      this.workers.push(w);
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  protect(b: ProtectBatch): Promise<Protected> {
    if (this.failed) return Promise.reject(this.failed);
    const w = this.workers[this.next++ % Math.max(1, this.workers.length)];
    if (!w) return Promise.resolve(this.inline(b));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      w.postMessage({ seq, kinds: b.kinds, values: b.values, encrypt: b.encrypt });
    });
  }

  private inline(b: ProtectBatch): Protected {
    const hashes = new Array<string>(b.size);
    const encs = new Array<string | null>(b.size);
    for (let i = 0; i < b.size; i++) {
      const v = b.values[i] as string;
      const h = this.pii.hash(b.kinds[i] as PiiKind, v);
      const e = b.encrypt[i];
      hashes[i] = h;
      encs[i] = e === true || (typeof e === 'string' && e !== h) ? this.pii.encrypt(v) : null;
    }
    return { hashes, encs };
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}
