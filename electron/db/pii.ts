import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomFillSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * ID, phone and card numbers are never stored in clear: a keyed hash (HMAC-SHA256) makes
 * lookup work, AES-256-GCM keeps the value for a logged reveal. The keys live outside the DB.
 */
export interface PiiKeys {
  hmac: Buffer;
  enc: Buffer;
}

export function loadOrCreateKeys(file: string): PiiKeys {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const json = JSON.stringify({
      v: 1,
      hmac: randomBytes(32).toString('base64'),
      enc: randomBytes(32).toString('base64'),
    });
    writeFileSync(file, json, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { hmac: string; enc: string };
  return { hmac: Buffer.from(parsed.hmac, 'base64'), enc: Buffer.from(parsed.enc, 'base64') };
}

/** Fixed keys for tests and benchmarks only. */
export function testKeys(): PiiKeys {
  return { hmac: Buffer.alloc(32, 7), enc: Buffer.alloc(32, 9) };
}

export class Pii {
  constructor(private readonly keys: PiiKeys) {}

  /** `kind` separates domains so an ID number and a card with the same digits hash differently. */
  hash(kind: 'id' | 'phone' | 'card', value: string): string {
    return createHmac('sha256', this.keys.hmac).update(kind).update('\0').update(value).digest('base64url');
  }

  /**
   * IVs come from a buffer of CSPRNG bytes refilled 12 KB at a time, each used once: a
   * `randomBytes(12)` per value costs more than the cipher itself (bulk imports encrypt millions).
   */
  private readonly ivPool = Buffer.alloc(12 * 1024);
  private ivOffset = this.ivPool.length;

  private nextIv(): Buffer {
    if (this.ivOffset + 12 > this.ivPool.length) {
      randomFillSync(this.ivPool);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + 12);
    this.ivOffset += 12;
    return iv;
  }

  encrypt(value: string): string {
    const iv = this.nextIv();
    const c = createCipheriv('aes-256-gcm', this.keys.enc, iv);
    const body = Buffer.concat([c.update(value, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
  }

  decrypt(blob: string): string {
    const raw = Buffer.from(blob, 'base64');
    const d = createDecipheriv('aes-256-gcm', this.keys.enc, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  }
}
