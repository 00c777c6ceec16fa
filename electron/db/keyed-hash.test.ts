import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyedHash } from './keyed-hash';

const reference = (key: Buffer, kind: string, value: string) =>
  createHmac('sha256', key).update(kind).update('\0').update(value).digest('hex');

describe('KeyedHash', () => {
  it('gives the HMAC-SHA256 of createHmac for short, multi-byte and long messages', () => {
    const values = ['', '13858106688', '33010619730512031X', '中文也行', 'x'.repeat(255), 'y'.repeat(300)];
    for (const key of [Buffer.alloc(32, 7), randomBytes(32), randomBytes(64), randomBytes(100)]) {
      const h = new KeyedHash(key);
      for (const v of values) {
        for (const kind of ['id', 'phone', 'card']) {
          expect(h.digest(kind, v).toString('hex')).toBe(reference(key, kind, v));
        }
      }
    }
  });

  it('pads every message length across the block boundaries (55/56 bytes, one and two blocks, 2,000 bytes)', () => {
    const key = randomBytes(32);
    const h = new KeyedHash(key);
    for (let n = 0; n <= 200; n++)
      expect(h.digest('id', 'a'.repeat(n)).toString('hex')).toBe(reference(key, 'id', 'a'.repeat(n)));
    expect(h.digest('id', '卡'.repeat(700)).toString('hex')).toBe(reference(key, 'id', '卡'.repeat(700)));
  });

  it('leaves no state behind between messages (a long value then a short one)', () => {
    const key = randomBytes(32);
    const h = new KeyedHash(key);
    h.digest('card', '6'.repeat(200));
    expect(h.digest('card', '1').toString('hex')).toBe(reference(key, 'card', '1'));
  });
});
