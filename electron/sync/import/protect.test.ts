import { afterEach, describe, expect, it } from 'vitest';
import { Pii, testKeys } from '../../db/pii';
import { ProtectBatch, Protector, type PiiKind } from './protect';

const pii = new Pii(testKeys());
const open: Protector[] = [];
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
});

function protector(threads: number): Protector {
  const p = new Protector(pii, threads);
  open.push(p);
  return p;
}

const VALUES: [PiiKind, string][] = [
  ['id', '33010619730512031X'],
  ['phone', '13858106688'],
  ['card', '6222020000000000017'],
  ['id', '110105194912310029'],
  ['phone', '中文也行'],
];

describe.each([
  ['in line', 0],
  ['on worker threads', 2],
])('Protector %s', (_name, threads) => {
  it('hashes exactly as Pii does, and encrypts so that Pii decrypts', async () => {
    const p = protector(threads);
    expect(p.threads).toBe(threads);
    const b = new ProtectBatch();
    for (const [kind, v] of VALUES) b.add(kind, v, true);
    const r = await p.protect(b);
    expect(r.hashes).toEqual(VALUES.map(([kind, v]) => pii.hash(kind, v)));
    expect(r.encs.map((e) => pii.decrypt(e as string))).toEqual(VALUES.map(([, v]) => v));
    // A fresh IV per value: the same number twice gives two different ciphertexts.
    const again = await p.protect(b);
    expect(again.encs[0]).not.toBe(r.encs[0]);
  });

  it('encrypts only when asked, or when the hash differs from the one given', async () => {
    const p = protector(threads);
    const b = new ProtectBatch();
    b.add('id', '33010619730512031X', false);
    b.add('id', '33010619730512031X', pii.hash('id', '33010619730512031X'));
    b.add('phone', '13858106688', pii.hash('phone', '13900001111'));
    const r = await p.protect(b);
    expect(r.encs[0]).toBeNull();
    expect(r.encs[1]).toBeNull();
    expect(pii.decrypt(r.encs[2] as string)).toBe('13858106688');
  });

  it('answers each batch with its own results when several are in flight', async () => {
    const p = protector(threads);
    const batches = Array.from({ length: 6 }, (_, i) => {
      const b = new ProtectBatch();
      for (let j = 0; j < 50; j++) b.add('phone', `1385810${String(i * 100 + j).padStart(4, '0')}`, false);
      return b;
    });
    const results = await Promise.all(batches.map((b) => p.protect(b)));
    results.forEach((r, i) => expect(r.hashes).toEqual(batches[i]?.values.map((v) => pii.hash('phone', v))));
  });
});
