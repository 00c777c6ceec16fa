import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateKeys } from '../db/pii';
import { desktopKeyProvider, type SafeStorageLike } from './pii-keys';

/** Stands in for the OS store: XOR with a secret the test keeps (enough to show the file is not plain). */
function fakeSafeStorage(opts: { available?: boolean; backend?: string } = {}): SafeStorageLike & {
  calls: number;
} {
  const secret = 0x5a;
  const s = {
    calls: 0,
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptString: (plain: string) => {
      s.calls++;
      return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ secret));
    },
    decryptString: (blob: Buffer) => {
      s.calls++;
      return Buffer.from(blob.map((b) => b ^ secret)).toString('utf8');
    },
  };
  return s;
}

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = () => {
  dir = mkdtempSync(join(tmpdir(), 'pii-keys-'));
  return join(dir, 'data');
};

describe('desktop PII keys (safeStorage)', () => {
  it('creates wrapped keys that the OS store must unwrap, and no plain key file', () => {
    const data = dataDir();
    const store = fakeSafeStorage();
    const p = desktopKeyProvider(data, store, 'linux');
    expect(p.protection).toBe('os-keychain');
    const keys = p.load();
    const wrapped = readFileSync(join(`${data}.keys`, 'pii.key.wrapped'));
    expect(wrapped.toString('utf8')).not.toContain(keys.enc.toString('base64'));
    expect(existsSync(join(`${data}.keys`, 'pii.key'))).toBe(false);
    // A second start reads the same keys back through the store.
    const again = desktopKeyProvider(data, store, 'linux').load();
    expect(again.enc.equals(keys.enc)).toBe(true);
    expect(again.hmac.equals(keys.hmac)).toBe(true);
  });

  it('wraps a plain key file left by `serve` (same keys, plain copy removed)', () => {
    const data = dataDir();
    const plain = join(`${data}.keys`, 'pii.key');
    const before = loadOrCreateKeys(plain);
    const keys = desktopKeyProvider(data, fakeSafeStorage(), 'win32').load();
    expect(keys.enc.equals(before.enc)).toBe(true);
    expect(existsSync(plain)).toBe(false);
  });

  it('falls back to the plain 0600 file when the store is missing or only basic_text', () => {
    for (const opts of [{ available: false }, { backend: 'basic_text' }]) {
      const data = dataDir();
      const p = desktopKeyProvider(data, fakeSafeStorage(opts), 'linux');
      expect(p.protection).toBe('file');
      p.load();
      expect(existsSync(join(`${data}.keys`, 'pii.key'))).toBe(true);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a corrupt wrapped file instead of making new keys (which would orphan the data)', () => {
    const data = dataDir();
    mkdirSync(`${data}.keys`, { recursive: true });
    writeFileSync(join(`${data}.keys`, 'pii.key.wrapped'), 'garbage');
    expect(() => desktopKeyProvider(data, fakeSafeStorage(), 'linux').load()).toThrow();
  });
});
