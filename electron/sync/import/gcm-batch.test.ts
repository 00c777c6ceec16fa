import * as crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Pii, testKeys } from '../../db/pii';
import { makeGcmBatch } from './gcm-batch';

/** What Node's own AES-256-GCM gives for the same IV, in Pii's format. */
function reference(key: Buffer, iv: Buffer, value: string): string {
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([c.update(value, 'utf8'), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}

describe('makeGcmBatch', () => {
  it('gives byte for byte what createCipheriv gives for the same IVs, at every length from 0 to 70 bytes', () => {
    const key = crypto.randomBytes(32);
    const values: string[] = [];
    for (let len = 0; len <= 70; len++)
      values.push(
        crypto
          .randomBytes(len)
          .toString('latin1')
          .replace(/[^\x20-\x7e]/g, 'x'),
      );
    values.push('33010619730512031X', '13858106688', '6222020000000000017', '中文也行', '');
    let ivs = Buffer.alloc(0);
    const gcm = makeGcmBatch(crypto, key, (b) => {
      crypto.randomFillSync(b);
      ivs = Buffer.from(b);
    });
    for (let round = 0; round < 3; round++) {
      const out = gcm(values);
      expect(out).toEqual(values.map((v, i) => reference(key, ivs.subarray(12 * i, 12 * i + 12), v)));
    }
  });

  it('encrypts so that Pii decrypts, with a fresh IV per value', () => {
    const keys = testKeys();
    const pii = new Pii(keys);
    const gcm = makeGcmBatch(crypto, keys.enc);
    const values = ['33010619730512031X', '33010619730512031X', '13858106688'];
    const out = gcm(values);
    expect(out.map((e) => pii.decrypt(e))).toEqual(values);
    expect(out[0]).not.toBe(out[1]);
    expect(gcm([])).toEqual([]);
  });

  it('runs from its own source text, as the worker runs it', () => {
    const key = crypto.randomBytes(32);
    const make = new Function('__name', `return (${makeGcmBatch.toString()});`)(
      (f: unknown) => f,
    ) as typeof makeGcmBatch;
    const iv = Buffer.alloc(12, 7);
    const gcm = make(crypto, key, (b) => {
      for (let i = 0; i < b.length; i += 12) iv.copy(b, i);
    });
    expect(gcm(['13858106688'])).toEqual([reference(key, iv, '13858106688')]);
  });
});
