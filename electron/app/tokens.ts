import { createHash, randomBytes } from 'node:crypto';

/** Session, display and device tokens: 256 random bits, shown once; only their SHA-256 is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
