import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomFillSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KeyedHash } from './keyed-hash';

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

export type PiiKind = 'id' | 'phone' | 'card';

/**
 * What a terminal's copy can find customers by, offline. Giving a terminal the hub's HMAC key beside the full keyed
 * hashes (and the 6+4 / 3+4 masks) let anyone holding a device token brute-force every number: a phone was 10⁴
 * HMACs, an ID a few thousand birth dates. A terminal instead gets its own key, derived one-way from the hub's
 * (so it can never test the hub's full hashes), and stores only a TAG per number: a few bits of the keyed hash plus
 * digits that narrow the search for the right person but not for an attacker. A look-up computes the same tag from
 * what was typed or swiped and compares by equality; the handful of customers who share a tag are told apart by the
 * teller from the names shown. What brute force with the key leaves, per customer (C customers in the branch):
 * - phone `p:` + 12 bits + last 4: ≈ 70 mobile prefixes × 10⁴ hidden middles = 7·10⁵ numbers end in those
 *   4 digits, / 2¹² ≈ 170 pass the tag. An honest look-up meets a stranger's tag with odds C / (10⁴·2¹²): 0.02 at
 *   C = 10⁶.
 * - ID `i:` + 4 bits + the birth date (the terminal already holds it, for the elderly rule): the unknowns are the
 *   region and the sequence number (500 of the known gender); 3,000 regions × 500 / 2⁴ ≈ 94,000 candidates, and
 *   still 500 / 2⁴ ≈ 31 for an attacker who knows the customer's very district. Strangers sharing birth date and
 *   tag: C / (36,500·2⁴) ≈ 0.2 at C = 10⁵ (a list; the teller picks by name).
 * - card `c:` + 12 bits + last 4 (+ `:` customer id, the card table's key must be unique): the issuing bank's
 *   dozen BINs × 10⁶ hidden digits / 10 (Luhn) = 10⁶ candidates per last-4, / 2¹² ≈ 290.
 * The terminal's masks show nothing beyond the tag (`*******5678`; the ID fully starred), so they do not narrow it.
 */
export const TERMINAL_TAG_BITS: Record<PiiKind, number> = { id: 4, phone: 12, card: 12 };
const TERMINAL_KEY_LABEL = 'branch-triage terminal lookup v1';

export class Pii {
  /** `tag`: a terminal, whose key is the derived terminal key and whose copy holds tags, not full hashes. */
  private readonly mac: KeyedHash;

  constructor(
    private readonly keys: PiiKeys,
    readonly lookup: 'full' | 'tag' = 'full',
  ) {
    this.mac = new KeyedHash(keys.hmac);
  }

  /** The keys, for the import's hashing worker thread (electron/sync/import/protect.ts); never logged. */
  keyMaterial(): PiiKeys {
    return this.keys;
  }

  /** `kind` separates domains so an ID number and a card with the same digits hash differently. */
  hash(kind: PiiKind, value: string): string {
    return this.mac.digest(kind, value).toString('base64url');
  }

  /** The key a terminal gets at enrollment (base64): derived one-way, so it cannot test the hub's full hashes. */
  terminalKey(): string {
    return createHmac('sha256', this.keys.hmac).update(TERMINAL_KEY_LABEL).digest('base64');
  }

  /** What the stored column holds for `value` here: the full keyed hash at the hub, the tag on a terminal. */
  lookupHash(kind: PiiKind, value: string): string {
    return this.lookup === 'tag' ? this.tag(kind, value) : this.hash(kind, value);
  }

  /** The terminal tag of `value` under this instance's key (see TERMINAL_TAG_BITS). */
  tag(kind: PiiKind, value: string): string {
    const bits = TERMINAL_TAG_BITS[kind];
    const mac = this.mac.digest(kind, value);
    const head = (mac.readUInt16BE(0) >> (16 - bits)).toString(16).padStart(Math.ceil(bits / 4), '0');
    const hint = kind === 'id' ? value.slice(6, 14) : value.slice(-4);
    return `${kind[0]}:${head}:${hint}`;
  }

  /** The hub's view of the terminal tags: the same scheme under the derived key. */
  forTerminals(): Pii {
    return new Pii({ hmac: Buffer.from(this.terminalKey(), 'base64'), enc: this.keys.enc }, 'tag');
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
