import type { Pii } from '../pii';

/**
 * A short, stable name for a PII key, made with the key itself (a keyed hash of a fixed value that
 * is never a real ID number). Rows at the head office carry it, so a branch can tell whether the
 * hashes it receives were made with its own key: only then does lookup by ID, phone or card work.
 */
export function piiKeyId(pii: Pii): string {
  return pii.hash('id', '\u0000pii-key-fingerprint').slice(0, 16);
}
