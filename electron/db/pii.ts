import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomFillSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * ID, phone and card numbers are never stored in clear: a keyed hash (HMAC-SHA256) makes
 * lookup work, AES-256-GCM keeps the value for a logged reveal. The keys live outside the DB.
 */
export interface PiiKeys {
  hmac: Buffer;
  enc: Buffer;
}

function newKeysJson(): string {
  return JSON.stringify({
    v: 1,
    hmac: randomBytes(32).toString('base64'),
    enc: randomBytes(32).toString('base64'),
  });
}

function parseKeys(json: string): PiiKeys {
  const parsed = JSON.parse(json) as { hmac?: unknown; enc?: unknown };
  if (typeof parsed.hmac !== 'string' || typeof parsed.enc !== 'string')
    throw new Error('malformed PII key file');
  const keys = { hmac: Buffer.from(parsed.hmac, 'base64'), enc: Buffer.from(parsed.enc, 'base64') };
  if (keys.hmac.length !== 32 || keys.enc.length !== 32) throw new Error('malformed PII key file');
  return keys;
}

/** The key file under `serve`: JSON, mode 0600, in a 0700 folder beside (not inside) the data dir. */
export function loadOrCreateKeys(file: string): PiiKeys {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, newKeysJson(), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return parseKeys(readFileSync(file, 'utf8'));
}

/** Where the server gets its PII keys: a plain key file, or one wrapped by an OS secret store. */
export interface KeyProvider {
  load(): PiiKeys;
  /** For the start-up log: how the keys are protected at rest. */
  readonly protection: 'file' | 'os-keychain' | 'memory';
}

export function fileKeyProvider(file: string): KeyProvider {
  return { protection: 'file', load: () => loadOrCreateKeys(file) };
}

/** Keys handed over in memory (the Electron main process unwraps them and passes them to the server process). */
export function staticKeyProvider(keys: PiiKeys): KeyProvider {
  return { protection: 'memory', load: () => keys };
}

export function encodeKeys(keys: PiiKeys): { hmac: string; enc: string } {
  return { hmac: keys.hmac.toString('base64'), enc: keys.enc.toString('base64') };
}

export function decodeKeys(k: { hmac: string; enc: string }): PiiKeys {
  return parseKeys(JSON.stringify(k));
}

/**
 * An OS secret store that encrypts small strings (Electron's `safeStorage`: DPAPI on Windows, Keychain on
 * macOS, libsecret/kwallet on Linux). Declared here so electron/db never imports electron.
 */
export interface KeyWrapper {
  available(): boolean;
  wrap(plain: string): Buffer;
  unwrap(blob: Buffer): string;
}

/**
 * The key file encrypted by the OS store: a copied disk (database plus key file) is useless without the
 * Windows/macOS user's login. A plain key file left by `serve` or an older version is wrapped and removed.
 * Without a usable store it falls back to the plain 0600 file, and says so through `protection`.
 */
export function wrappedKeyProvider(wrappedFile: string, plainFile: string, wrapper: KeyWrapper): KeyProvider {
  if (!wrapper.available()) return fileKeyProvider(plainFile);
  return {
    protection: 'os-keychain',
    load: () => {
      if (existsSync(wrappedFile)) return parseKeys(wrapper.unwrap(readFileSync(wrappedFile)));
      const json = existsSync(plainFile) ? readFileSync(plainFile, 'utf8') : newKeysJson();
      const keys = parseKeys(json);
      mkdirSync(dirname(wrappedFile), { recursive: true, mode: 0o700 });
      const blob = wrapper.wrap(json);
      // Prove the round trip before the plain copy goes: losing the keys loses every ID and phone number.
      if (!parseKeys(wrapper.unwrap(blob)).enc.equals(keys.enc)) throw new Error('key wrapping failed');
      writeFileSync(wrappedFile, blob, { mode: 0o600, flag: 'wx' });
      if (existsSync(plainFile)) rmSync(plainFile);
      return keys;
    },
  };
}

/** Fixed keys for tests and benchmarks only. */
export function testKeys(): PiiKeys {
  return { hmac: Buffer.alloc(32, 7), enc: Buffer.alloc(32, 9) };
}

export class Pii {
  constructor(private readonly keys: PiiKeys) {}

  /** The keys, for the import's hashing worker thread (electron/sync/import/protect.ts); never logged. */
  keyMaterial(): PiiKeys {
    return this.keys;
  }

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
