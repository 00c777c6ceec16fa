import { join } from 'node:path';
import { wrappedKeyProvider, type KeyProvider, type KeyWrapper } from '../db/pii';

/** The part of Electron's `safeStorage` used here (injected, so the tests run under plain Node). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(blob: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * On Linux without a keyring, safeStorage "works" with a hard-coded password (backend `basic_text`):
 * that protects nothing, so it counts as unavailable and the plain 0600 key file is used instead.
 */
export function safeStorageWrapper(s: SafeStorageLike, platform: string = process.platform): KeyWrapper {
  return {
    available: () =>
      s.isEncryptionAvailable() &&
      !(platform === 'linux' && s.getSelectedStorageBackend?.() === 'basic_text'),
    wrap: (plain) => s.encryptString(plain),
    unwrap: (blob) => s.decryptString(blob),
  };
}

/** Same folder as `serve` uses (`<data>.keys/`), so a plain key file from before is found and wrapped. */
export function desktopKeyProvider(dataDir: string, s: SafeStorageLike, platform?: string): KeyProvider {
  const dir = `${dataDir}.keys`;
  return wrappedKeyProvider(
    join(dir, 'pii.key.wrapped'),
    join(dir, 'pii.key'),
    safeStorageWrapper(s, platform),
  );
}
